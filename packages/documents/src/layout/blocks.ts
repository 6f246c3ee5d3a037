import type { CalendarDate } from '@fact/core';
import type { QrMatrix } from '../qr/epc-qr-matrix.js';

/** One column of a table: its header, its share of the width and how it is aligned. */
export interface TableColumn {
  readonly header: string;
  /** Relative width (the columns share the line in proportion). */
  readonly weight: number;
  readonly align?: 'left' | 'right';
}

/**
 * The parts a document is made of. Both renderers read the same blocks, so the PDF and the
 * plain-text version of a letter (the e-mail body, the benchmark floor) always say the same.
 */
export type Block =
  /** Two columns of lines side by side: sender and recipient, supplier and customer. */
  | { readonly kind: 'parties'; readonly left: readonly string[]; readonly right: readonly string[]; readonly leftTitle?: string; readonly rightTitle?: string }
  /** The document title (INVOICE, Ingebrekestelling). */
  | { readonly kind: 'title'; readonly text: string }
  /** A section heading. */
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: 'bold' | 'small' }
  /** Label–value pairs (invoice number, dates, references). */
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  /** A table; `totals` rows are printed bold under a rule. */
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[]; readonly totals?: readonly (readonly string[])[] }
  /** Payment instructions with the EPC QR code beside them. */
  | { readonly kind: 'payment'; readonly lines: readonly string[]; readonly qr?: QrMatrix; readonly qrCaption?: string };

/** A whole document: metadata (fixed, so the bytes are reproducible), blocks and a page footer. */
export interface DocumentModel {
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  readonly language: string;
  /** Recorded as the PDF creation and modification date (00:00 UTC), never the clock. */
  readonly date: CalendarDate;
  readonly blocks: readonly Block[];
  /** A line at the foot of every page (company, VAT number, IBAN). */
  readonly footer?: string;
  /** The page-number label: `(page, pages) => "1/2"`. */
  readonly pageLabel?: (page: number, pages: number) => string;
}

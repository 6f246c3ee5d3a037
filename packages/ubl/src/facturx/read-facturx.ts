import { CiiParseError } from '../cii/errors.js';
import { parseCii } from '../cii/parse-cii.js';
import { UblParseError } from '../errors.js';
import type { UblDocument } from '../model.js';
import { parseUbl } from '../read/parse-ubl.js';
import { DEFAULT_MAX_BYTES } from '../xml/safe-xml.js';
import { FacturXError } from './errors.js';
import { pdfAttachments, type PdfAttachment } from './pdf-attachments.js';

/**
 * The names under which the hybrid formats embed their XML: Factur-X 1.0 (`factur-x.xml`),
 * ZUGFeRD 2.x (`zugferd-invoice.xml`, ZUGFeRD 1.0 `ZUGFeRD-invoice.xml`) and XRechnung in a
 * ZUGFeRD PDF (`xrechnung.xml`). Compared case-insensitively.
 */
export const EINVOICE_ATTACHMENT_NAMES: readonly string[] = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];

/** Options of {@link readFacturX}. */
export interface ReadFacturXOptions {
  /** Largest accepted PDF in bytes (default 50 MiB). */
  readonly maxPdfBytes?: number;
  /** Largest embedded XML in bytes (default 20 MiB, as for UBL). */
  readonly maxXmlBytes?: number;
  /** Time limit for reading the PDF (default 10 s). */
  readonly timeoutMs?: number;
}

/** What a PDF holds: an e-invoice, or nothing to import (a plain PDF, other attachments). */
export type FacturXReading =
  | {
      readonly kind: 'einvoice';
      /** The embedded file that holds it (`factur-x.xml`…). */
      readonly attachment: string;
      readonly syntax: 'cii' | 'ubl';
      /** BT-24 as the XML states it: names the Factur-X / ZUGFeRD profile. */
      readonly profile: string | undefined;
      readonly document: UblDocument;
      /** Every embedded file's name. */
      readonly attachments: readonly string[];
    }
  | { readonly kind: 'none'; readonly attachments: readonly string[] };

/** Parses an embedded XML as CII, else as UBL; `null` when it is well-formed XML of another kind. */
function parseEmbedded(file: PdfAttachment & { content: Uint8Array }, maxBytes: number): { syntax: 'cii' | 'ubl'; document: UblDocument } | null {
  try {
    return { syntax: 'cii', document: parseCii(file.content, { maxBytes }) };
  } catch (error) {
    if (!(error instanceof CiiParseError) || error.code !== 'CII_NOT_CII') throw new FacturXError('EINVOICE_UNREADABLE', (error as Error).message, { attachment: file.name, cause: error });
  }
  try {
    return { syntax: 'ubl', document: parseUbl(file.content, { maxBytes }) };
  } catch (error) {
    if (error instanceof UblParseError && error.code === 'UBL_NOT_UBL') return null;
    throw new FacturXError('EINVOICE_UNREADABLE', (error as Error).message, { attachment: file.name, cause: error });
  }
}

/**
 * Reads the e-invoice embedded in a Factur-X / ZUGFeRD (PDF/A-3) invoice: the PDF's attachments
 * are listed with pdf.js (in a worker thread, with a time limit), the one named as the standards
 * name it (`factur-x.xml`, `zugferd-invoice.xml`, `xrechnung.xml`) is parsed as CII (or UBL) with
 * the safe XML settings of {@link parseCii}. Without such a name, a single other `.xml`
 * attachment that is a CII or UBL invoice is taken.
 *
 * A PDF without an e-invoice is not an error: it gives `{ kind: 'none' }`. Refusals are
 * {@link FacturXError}s: an encrypted or broken PDF, a PDF over the size or time limit, an
 * attachment named as the e-invoice that holds something else (`NOT_AN_EINVOICE`) or that its
 * reader refuses (`EINVOICE_UNREADABLE`, e.g. an XXE attempt, with the parser's error as `cause`).
 *
 * @example
 * ```ts
 * const reading = await readFacturX(readFileSync('invoice.pdf'));
 * if (reading.kind === 'einvoice') validateUbl(reading.document);
 * ```
 */
export async function readFacturX(pdf: Uint8Array, options: ReadFacturXOptions = {}): Promise<FacturXReading> {
  const maxPdf = options.maxPdfBytes ?? 50 * 1024 * 1024;
  const maxXml = options.maxXmlBytes ?? DEFAULT_MAX_BYTES;
  if (pdf.byteLength > maxPdf) throw new FacturXError('PDF_TOO_LARGE', `the PDF is ${pdf.byteLength} bytes; the limit is ${maxPdf}`);
  if (!new TextDecoder('latin1').decode(pdf.subarray(0, 1024)).includes('%PDF-')) throw new FacturXError('PDF_UNREADABLE', 'this is not a PDF (no %PDF- header)');
  const files = await pdfAttachments(pdf, { maxXmlBytes: maxXml, timeoutMs: options.timeoutMs ?? 10_000 });
  const attachments = files.map((f) => f.name);
  const named = files.filter((f) => EINVOICE_ATTACHMENT_NAMES.includes(f.name.toLowerCase()));
  for (const file of named) {
    if (file.content === null) throw new FacturXError('ATTACHMENT_TOO_LARGE', `the embedded e-invoice is ${file.size} bytes; the limit is ${maxXml}`, { attachment: file.name });
    const parsed = parseEmbedded({ ...file, content: file.content }, maxXml);
    if (parsed === null) throw new FacturXError('NOT_AN_EINVOICE', 'this attachment is named as the e-invoice but holds no CII or UBL invoice', { attachment: file.name });
    return { kind: 'einvoice', attachment: file.name, ...parsed, profile: parsed.document.customizationId, attachments };
  }
  // Producers that do not follow the naming rule: one XML invoice among the attachments.
  const others = files.filter((f): f is PdfAttachment & { content: Uint8Array } => f.content !== null && !named.includes(f));
  const invoices = others.flatMap((f) => {
    try {
      const parsed = parseEmbedded(f, maxXml);
      return parsed ? [{ file: f, parsed }] : [];
    } catch {
      return [];
    }
  });
  if (invoices.length === 1) {
    const [{ file, parsed }] = invoices as [(typeof invoices)[number]];
    return { kind: 'einvoice', attachment: file.name, ...parsed, profile: parsed.document.customizationId, attachments };
  }
  return { kind: 'none', attachments };
}

import PDFDocument from 'pdfkit';
import type { DocumentModel } from './blocks.js';

/** The PDF producer recorded in every document (fixed, so the bytes depend only on the input). */
export const PDF_PRODUCER = 'Fact @fact/documents';

/** A4 page with 2 cm side margins and room for the footer. */
export const PAGE = { size: 'A4', margins: { top: 50, left: 57, right: 57, bottom: 72 } } as const;

/**
 * Opens a PDFKit document whose metadata come from the model only: the creation and
 * modification date are the document's date at 00:00 UTC, so the file ID (a hash PDFKit derives
 * from the metadata) and therefore every byte are the same for the same input. The standard
 * Helvetica font is WinAnsi-encoded, which covers € and the accents of Dutch and French.
 *
 * @example
 * ```ts
 * const doc = openPdf({ title: 'Invoice 1', author: 'Fact BV', language: 'nl', date: '2025-03-01', blocks: [] });
 * ```
 */
export function openPdf(model: DocumentModel): PDFKit.PDFDocument {
  const date = new Date(`${model.date}T00:00:00Z`);
  return new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    compress: true,
    lang: model.language,
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.author,
      ...(model.subject ? { Subject: model.subject } : {}),
      Creator: PDF_PRODUCER,
      Producer: PDF_PRODUCER,
      CreationDate: date,
      ModDate: date,
    },
  });
}

/**
 * Ends a document and collects its bytes.
 *
 * @example
 * ```ts
 * const bytes = await finishPdf(doc);
 * ```
 */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

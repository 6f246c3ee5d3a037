import type { QrMatrix } from '../qr/epc-qr-matrix.js';
import type { Block, DocumentModel, TableColumn } from './blocks.js';
import { finishPdf, openPdf } from './pdf-document.js';

type Doc = PDFKit.PDFDocument;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY = 9.5;
const CELL_PAD = 3;
const QR_SIZE = 96; // points, about 34 mm: comfortably above the 2 cm scanners need

function left(doc: Doc): number {
  return doc.page.margins.left;
}
function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
/** Starts a new page when `height` does not fit below the cursor. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function parties(doc: Doc, b: Extract<Block, { kind: 'parties' }>): void {
  const top = doc.y;
  const half = contentWidth(doc) / 2;
  let bottom = top;
  for (const [x, title, lines] of [[left(doc), b.leftTitle, b.left], [left(doc) + half + 10, b.rightTitle, b.right]] as const) {
    doc.y = top;
    if (title) doc.font(BOLD).fontSize(7.5).fillColor('#555555').text(title, x, doc.y, { width: half - 10 });
    lines.forEach((line, i) => doc.font(i === 0 ? BOLD : REGULAR).fontSize(BODY).fillColor('black').text(line, x, doc.y, { width: half - 10 }));
    bottom = Math.max(bottom, doc.y);
  }
  doc.x = left(doc);
  doc.y = bottom + 14;
}

function columnsX(doc: Doc, columns: readonly TableColumn[]): { x: number; width: number }[] {
  const total = columns.reduce((a, c) => a + c.weight, 0);
  let x = left(doc);
  return columns.map((c) => {
    const width = (contentWidth(doc) * c.weight) / total;
    const cell = { x, width };
    x += width;
    return cell;
  });
}

function row(doc: Doc, columns: readonly TableColumn[], cells: readonly string[], font: string): void {
  const xs = columnsX(doc, columns);
  doc.font(font).fontSize(BODY - 0.5);
  const height = Math.max(...xs.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  ensureSpace(doc, height);
  const top = doc.y;
  xs.forEach((c, i) => doc.text(cells[i] ?? '', c.x + CELL_PAD, top + CELL_PAD, { width: c.width - 2 * CELL_PAD, align: columns[i]?.align ?? 'left' }));
  doc.x = left(doc);
  doc.y = top + height;
}

function rule(doc: Doc): void {
  doc.moveTo(left(doc), doc.y).lineTo(left(doc) + contentWidth(doc), doc.y).lineWidth(0.6).strokeColor('#777777').stroke();
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>, header = true): void {
  ensureSpace(doc, 40);
  if (header) {
    row(doc, b.columns, b.columns.map((c) => c.header), BOLD);
    rule(doc);
  }
  for (const cells of b.rows) row(doc, b.columns, cells, REGULAR);
  if (b.totals && b.totals.length > 0) {
    rule(doc);
    for (const cells of b.totals) row(doc, b.columns, cells, BOLD);
  }
  doc.y += 10;
}

function drawQr(doc: Doc, qr: QrMatrix, x: number, y: number): void {
  const quiet = 4;
  const unit = QR_SIZE / (qr.size + 2 * quiet);
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) if (qr.dark[r * qr.size + c]) doc.rect(x + (c + quiet) * unit, y + (r + quiet) * unit, unit, unit);
  }
  doc.fillColor('black').fill();
}

function payment(doc: Doc, b: Extract<Block, { kind: 'payment' }>): void {
  const textWidth = contentWidth(doc) - (b.qr ? QR_SIZE + 16 : 0);
  doc.font(REGULAR).fontSize(BODY);
  const textHeight = b.lines.reduce((h, l) => h + doc.heightOfString(l, { width: textWidth }), 0);
  ensureSpace(doc, Math.max(textHeight, b.qr ? QR_SIZE + 12 : 0) + 16);
  const top = doc.y + 6;
  doc.rect(left(doc) - 4, top - 6, contentWidth(doc) + 8, Math.max(textHeight, b.qr ? QR_SIZE + 10 : 0) + 12).lineWidth(0.6).strokeColor('#777777').stroke();
  doc.y = top;
  b.lines.forEach((line, i) => doc.font(i === 0 ? BOLD : REGULAR).fontSize(BODY).fillColor('black').text(line, left(doc), doc.y, { width: textWidth }));
  const textBottom = doc.y;
  if (b.qr) {
    const x = left(doc) + contentWidth(doc) - QR_SIZE;
    drawQr(doc, b.qr, x, top - 4);
    if (b.qrCaption) doc.font(REGULAR).fontSize(6.5).text(b.qrCaption, x, top + QR_SIZE - 6, { width: QR_SIZE, align: 'center' });
  }
  doc.x = left(doc);
  doc.y = Math.max(textBottom, b.qr ? top + QR_SIZE + 4 : 0) + 14;
}

function block(doc: Doc, b: Block): void {
  switch (b.kind) {
    case 'parties':
      return parties(doc, b);
    case 'title':
      ensureSpace(doc, 40);
      doc.font(BOLD).fontSize(15).fillColor('black').text(b.text, left(doc), doc.y, { width: contentWidth(doc) });
      doc.y += 8;
      return;
    case 'heading':
      // Keep a heading with the start of what it introduces (a table needs a few rows).
      ensureSpace(doc, 120);
      doc.font(BOLD).fontSize(10.5).text(b.text, left(doc), doc.y + 4, { width: contentWidth(doc) });
      doc.y += 4;
      return;
    case 'paragraph':
      doc.font(b.emphasis === 'bold' ? BOLD : REGULAR).fontSize(b.emphasis === 'small' ? 7.5 : BODY).fillColor('black');
      ensureSpace(doc, doc.heightOfString(b.text, { width: contentWidth(doc) }));
      doc.text(b.text, left(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 });
      doc.y += 7;
      return;
    case 'facts':
      return table(doc, { kind: 'table', columns: [{ header: '', weight: 2 }, { header: '', weight: 5 }], rows: b.rows }, false);
    case 'table':
      return table(doc, b);
    case 'payment':
      return payment(doc, b);
  }
}

function footers(doc: Doc, model: DocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
    const y = doc.page.height - 48;
    doc.font(REGULAR).fontSize(7).fillColor('#555555');
    if (model.footer) doc.text(model.footer, left(doc), y, { width: contentWidth(doc) - 40, lineBreak: true });
    if (model.pageLabel) doc.text(model.pageLabel(i + 1, range.count), left(doc) + contentWidth(doc) - 40, y, { width: 40, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders a document model as an A4 PDF with PDFKit's standard Helvetica: tables that break
 * across pages, the EPC QR code drawn as vector squares, a footer and page numbers on every
 * page. The same model always gives the same bytes.
 *
 * @example
 * ```ts
 * const pdf = await renderPdf({ title: 'Reminder', author: 'Fact BV', language: 'en', date: '2025-03-01', blocks: [{ kind: 'paragraph', text: 'Hello' }] });
 * ```
 */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const doc = openPdf(model);
  for (const b of model.blocks) block(doc, b);
  footers(doc, model);
  return finishPdf(doc);
}

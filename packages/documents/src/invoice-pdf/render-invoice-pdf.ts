import { renderPdf } from '../layout/render-pdf.js';
import { renderText } from '../layout/render-text.js';
import { invoiceModel } from './invoice-model.js';
import type { InvoicePdfInput } from './types.js';

/**
 * Renders an invoice, credit note or deposit invoice as an A4 PDF in Dutch, French or English
 * with the Belgian or Dutch legal mentions (KB nr. 1 art. 5, art. 35a Wet OB; reference.md §10),
 * the EPC QR code and the structured reference. The PDF's dates and ID come from the invoice,
 * so the same input gives byte-identical files (the factoring export relies on it).
 *
 * @example
 * ```ts
 * const pdf = await renderInvoicePdf({ invoice, supplier, customer, language: 'nl', dueDate: '2025-04-14', paymentReference: '+++240/2838/42818+++' });
 * await writeFile(`${invoice.number}.pdf`, pdf);
 * ```
 */
export function renderInvoicePdf(input: InvoicePdfInput): Promise<Uint8Array> {
  return renderPdf(invoiceModel(input));
}

/**
 * The same invoice as plain text (for an e-mail body or a preview).
 *
 * @example
 * ```ts
 * renderInvoiceText(input).includes('+++240/2838/42818+++'); // true
 * ```
 */
export function renderInvoiceText(input: InvoicePdfInput): string {
  return renderText(invoiceModel(input));
}

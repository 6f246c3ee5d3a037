import { money, type Country, type InvoiceLanguage, type VatCategory } from '@fact/core';
import { renderInvoicePdf, type DocumentLanguage } from '@fact/documents';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import type { UblMeta } from '../imports/ubl-to-ledger.js';
import { loadInvoiceSource } from './invoice-source.js';

/**
 * The PDF of a ledger invoice or credit note (@fact/documents `renderInvoicePdf`): parties,
 * lines, VAT per rate, the payment block with the OGM/RF reference and the EPC QR code ("scan to
 * pay"; the company's IBAN is needed). Only EUR invoices of the company's own country rules can be
 * printed: @fact/core recomputes the totals from the lines, so an imported invoice whose totals
 * differ from its lines (document allowances, foreign VAT rates) is refused rather than printed
 * with other amounts.
 *
 * @example
 * ```ts
 * const { contentBase64 } = await exportInvoicePdf(db, invoiceId);
 * ```
 */
export async function exportInvoicePdf(db: Database, invoiceId: string): Promise<{ fileName: string; mediaType: string; contentBase64: string }> {
  const { invoice, lines, company, debtor, creditedNumber } = await loadInvoiceSource(db, invoiceId);
  if (!company.iban) throw apiError.precondition('The company has no IBAN yet; the invoice PDF needs it for the payment block and the QR code.');
  if (invoice.currency !== 'EUR') throw apiError.precondition(`Invoice ${invoice.number} is in ${invoice.currency}; PDFs are printed for EUR invoices only.`);
  const meta = (invoice.meta ?? {}) as Partial<UblMeta>;
  if (meta.allowanceCharges?.length || meta.prepaid) throw apiError.precondition(`Invoice ${invoice.number} was imported with document allowances, charges or a prepaid amount; show its original document instead.`);
  const language = (['nl', 'fr', 'en'].includes(debtor.language) ? debtor.language : 'en') as DocumentLanguage;
  const address = { street: debtor.street ?? '', postalCode: debtor.postalCode ?? '', city: debtor.city ?? '', country: debtor.country };
  const pdf = await renderInvoicePdf({
    invoice: {
      kind: invoice.kind === 'credit_note' ? 'credit-note' : 'invoice',
      number: invoice.number,
      issueDate: invoice.issueDate,
      currency: 'EUR',
      vatCountry: company.country as Country,
      language: language as InvoiceLanguage,
      lines: lines.map((l) => ({ description: l.description, quantity: money(String(l.quantity)), unitPrice: money(String(l.unitPrice)), vatCategory: l.vatCategory as VatCategory, vatRate: money(String(l.vatRate)) })),
      ...(invoice.kind === 'credit_note' ? { correctsInvoice: creditedNumber ?? meta.billingReferences?.[0] ?? invoice.number } : {}),
    },
    supplier: {
      name: company.legalName,
      address: { street: '', postalCode: '', city: '', country: company.country },
      country: company.country as Country,
      iban: company.iban,
      ...(company.bic ? { bic: company.bic } : {}),
      ...(company.vatNumber ? { vatNumber: company.vatNumber } : {}),
      ...(company.enterpriseNumber && company.country === 'BE' ? { enterpriseNumber: company.enterpriseNumber } : {}),
      ...(company.enterpriseNumber && company.country === 'NL' ? { kvkNumber: company.enterpriseNumber } : {}),
    },
    customer: { name: debtor.name, kind: debtor.kind, address, ...(debtor.vatNumber ? { vatNumber: debtor.vatNumber } : {}) },
    language,
    ...(invoice.kind === 'invoice' ? { dueDate: invoice.dueDate } : {}),
    ...(invoice.paymentReference && invoice.kind === 'invoice' ? { paymentReference: invoice.paymentReference } : {}),
  });
  return { fileName: `${invoice.number.replace(/[^\w.-]+/g, '_')}.pdf`, mediaType: 'application/pdf', contentBase64: Buffer.from(pdf).toString('base64') };
}

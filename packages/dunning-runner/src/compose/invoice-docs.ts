import { fromCents, money, type VatCategory } from '@fact/core';
import type { CompanyIdentity, DocumentLanguage, InvoicePdfInput } from '@fact/documents';
import { writeUbl, type UblDocument, type UblParty } from '@fact/ubl';
import type { CompanyRow } from '../facts/company-plan.js';
import type { LineRow } from './compose-data.js';

/** The invoice columns the attachments need. */
export interface InvoiceForDocs {
  id: string;
  number: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
  openAmountCents: number;
  paymentReference: string | null;
}

/** The debtor columns the attachments need. */
export interface DebtorForDocs {
  kind: 'business' | 'consumer';
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  vatNumber: string | null;
  enterpriseNumber: string | null;
}

/**
 * What @fact/documents needs to render an invoice's PDF from the stored lines (plain data: it is
 * rendered in a worker thread when the runner has a render pool).
 *
 * @example
 * ```ts
 * const input = invoicePdfInput(company, sender, debtor, invoice, lines, 'nl');
 * ```
 */
export function invoicePdfInput(company: CompanyRow, sender: CompanyIdentity, debtor: DebtorForDocs, inv: InvoiceForDocs, lines: readonly LineRow[], language: DocumentLanguage): InvoicePdfInput {
  return {
    invoice: {
      kind: 'invoice',
      number: inv.number,
      issueDate: inv.issueDate,
      currency: 'EUR',
      vatCountry: company.country,
      language,
      lines: lines.map((x) => ({ description: x.description, quantity: x.quantity, unitPrice: x.unitPrice, vatCategory: x.vatCategory as VatCategory, vatRate: x.vatRate })),
    },
    supplier: sender,
    customer: {
      name: debtor.name,
      kind: debtor.kind,
      address: { street: debtor.street ?? '', postalCode: debtor.postalCode ?? '', city: debtor.city ?? '', country: debtor.country },
      ...(debtor.vatNumber && { vatNumber: debtor.vatNumber }),
    },
    language,
    dueDate: inv.dueDate,
    ...(inv.paymentReference && { paymentReference: inv.paymentReference }),
  };
}

/**
 * The attachments of one invoice: its rendered PDF and its UBL (Peppol BIS 3, by @fact/ubl), so
 * the debtor can book or pay without asking.
 *
 * @example
 * ```ts
 * const files = invoiceFiles(invoice, lines, sender, debtor, pdf); // [F-1.pdf, F-1.xml]
 * ```
 */
export function invoiceFiles(inv: InvoiceForDocs, lines: readonly LineRow[], sender: CompanyIdentity, debtor: DebtorForDocs, pdf: Uint8Array): { filename: string; content: Buffer; contentType: string }[] {
  return [
    { filename: `${safe(inv.number)}.pdf`, content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), contentType: 'application/pdf' },
    { filename: `${safe(inv.number)}.xml`, content: Buffer.from(writeUbl(ublOf(inv, lines, sender, debtor)), 'utf8'), contentType: 'application/xml' },
  ];
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}

function party(name: string, address: { street: string; postalCode: string; city: string; country: string }, vat?: string | null): UblParty {
  return {
    identifiers: [],
    registrationName: name,
    address: { streetName: address.street, cityName: address.city, postalZone: address.postalCode, countryCode: address.country },
    ...(vat && { vatId: vat.replace(/[^A-Za-z0-9]/g, '').toUpperCase() }),
  };
}

/** A minimal Peppol BIS 3 invoice from the stored rows. */
function ublOf(inv: InvoiceForDocs, lines: readonly LineRow[], sender: CompanyIdentity, debtor: DebtorForDocs): UblDocument {
  const groups = new Map<string, { category: string; rate: string; net: number; vat: number }>();
  for (const x of lines) {
    const k = `${x.vatCategory}|${x.vatRate}`;
    const g = groups.get(k) ?? { category: x.vatCategory, rate: x.vatRate, net: 0, vat: 0 };
    g.net += x.netCents;
    g.vat += x.vatCents;
    groups.set(k, g);
  }
  return {
    kind: 'Invoice',
    id: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    typeCode: '380',
    currency: inv.currency,
    notes: [],
    billingReferences: [],
    additionalDocuments: [],
    buyerReference: inv.number,
    seller: party(sender.name, sender.address, sender.vatNumber),
    buyer: party(debtor.name, { street: debtor.street ?? '', postalCode: debtor.postalCode ?? '', city: debtor.city ?? '', country: debtor.country }, debtor.vatNumber),
    paymentMeans: [{ code: '30', accountId: sender.iban.replace(/\s/g, ''), ...(inv.paymentReference && { paymentId: inv.paymentReference }) }],
    allowanceCharges: [],
    taxAmount: fromCents(inv.vatCents),
    vatBreakdown: [...groups.values()].map((g) => ({ taxableAmount: fromCents(g.net), taxAmount: fromCents(g.vat), category: { id: g.category, percent: money(g.rate) } })),
    totals: {
      lineExtensionAmount: fromCents(inv.netCents),
      taxExclusiveAmount: fromCents(inv.netCents),
      taxInclusiveAmount: fromCents(inv.totalCents),
      payableAmount: fromCents(inv.totalCents),
    },
    lines: lines.map((x) => ({
      id: String(x.position + 1),
      quantity: money(x.quantity),
      unitCode: 'C62',
      lineExtensionAmount: fromCents(x.netCents),
      allowanceCharges: [],
      item: { name: x.description, classifications: [], properties: [], taxCategory: { id: x.vatCategory, percent: money(x.vatRate) } },
      price: { amount: money(x.unitPrice) },
    })),
  };
}

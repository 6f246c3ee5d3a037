import { and, asc, eq, inArray } from 'drizzle-orm';
import { fromCents, money, type VatCategory } from '@fact/core';
import type { Executor } from '@fact/db';
import { renderInvoicePdf, type CompanyIdentity, type DocumentLanguage } from '@fact/documents';
import { writeUbl, type UblDocument, type UblParty } from '@fact/ubl';
import type { CompanyRow } from '../facts/company-plan.js';

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

interface DebtorForDocs {
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
 * The invoices of a reminder as attachments: the PDF (rendered by @fact/documents from the stored
 * lines) and the UBL (Peppol BIS 3, by @fact/ubl), so the debtor can book or pay without asking.
 *
 * @example
 * ```ts
 * const files = await invoiceAttachments(db, company, sender, debtor, invoices, 'nl'); // [F-1.pdf, F-1.xml]
 * ```
 */
export async function invoiceAttachments(
  ex: Executor,
  company: CompanyRow,
  sender: CompanyIdentity,
  debtor: DebtorForDocs,
  invoices: readonly InvoiceForDocs[],
  language: DocumentLanguage,
): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
  if (invoices.length === 0) return [];
  const l = ex.tables.invoiceLines;
  const lines = await ex.db.select().from(l).where(and(eq(l.companyId, company.id), inArray(l.invoiceId, invoices.map((i) => i.id)))).orderBy(asc(l.invoiceId), asc(l.position));
  const out: { filename: string; content: Buffer; contentType: string }[] = [];
  for (const inv of invoices) {
    const mine = lines.filter((x) => x.invoiceId === inv.id);
    const customer = {
      name: debtor.name,
      kind: debtor.kind,
      address: { street: debtor.street ?? '', postalCode: debtor.postalCode ?? '', city: debtor.city ?? '', country: debtor.country },
      ...(debtor.vatNumber && { vatNumber: debtor.vatNumber }),
    };
    const pdf = await renderInvoicePdf({
      invoice: {
        kind: 'invoice',
        number: inv.number,
        issueDate: inv.issueDate,
        currency: 'EUR',
        vatCountry: company.country,
        language,
        lines: mine.map((x) => ({ description: x.description, quantity: x.quantity, unitPrice: x.unitPrice, vatCategory: x.vatCategory as VatCategory, vatRate: x.vatRate })),
      },
      supplier: sender,
      customer,
      language,
      dueDate: inv.dueDate,
      ...(inv.paymentReference && { paymentReference: inv.paymentReference }),
    });
    out.push({ filename: `${safe(inv.number)}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' });
    out.push({ filename: `${safe(inv.number)}.xml`, content: Buffer.from(writeUbl(ublOf(inv, mine, sender, debtor)), 'utf8'), contentType: 'application/xml' });
  }
  return out;
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
function ublOf(
  inv: InvoiceForDocs,
  lines: readonly { position: number; description: string; quantity: string; unitPrice: string; vatRate: string; vatCategory: string; netCents: number; vatCents: number }[],
  sender: CompanyIdentity,
  debtor: DebtorForDocs,
): UblDocument {
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

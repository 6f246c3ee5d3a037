import type { sqliteTables } from '@fact/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';

type Rows = typeof sqliteTables;
/** Everything an exported invoice document is made of: the ledger rows, read together. */
export interface InvoiceSource {
  invoice: Rows['invoices']['$inferSelect'];
  lines: Rows['invoiceLines']['$inferSelect'][];
  company: Rows['companies']['$inferSelect'];
  debtor: Rows['debtors']['$inferSelect'];
  /** The number of the invoice a credit note corrects, when linked. */
  creditedNumber: string | null;
}

/**
 * Reads an invoice with its lines, company, debtor and (for a credit note) the corrected
 * invoice's number.
 *
 * @example
 * ```ts
 * const source = await loadInvoiceSource(db, invoiceId);
 * ```
 */
export async function loadInvoiceSource(db: Database, invoiceId: string): Promise<InvoiceSource> {
  const t = db.tables;
  const invoice = (await db.db.select().from(t.invoices).where(eq(t.invoices.id, invoiceId)).limit(1))[0];
  if (!invoice) throw apiError.notFound('invoice', invoiceId);
  const lines = await db.db.select().from(t.invoiceLines).where(eq(t.invoiceLines.invoiceId, invoiceId)).orderBy(asc(t.invoiceLines.position));
  const company = (await db.db.select().from(t.companies).where(eq(t.companies.id, invoice.companyId)).limit(1))[0];
  const debtor = (await db.db.select().from(t.debtors).where(and(eq(t.debtors.id, invoice.debtorId), eq(t.debtors.companyId, invoice.companyId))).limit(1))[0];
  if (!company || !debtor) throw apiError.notFound('invoice', invoiceId);
  let creditedNumber: string | null = null;
  if (invoice.creditsInvoiceId) {
    const i = t.invoices;
    creditedNumber = (await db.db.select({ number: i.number }).from(i).where(and(eq(i.id, invoice.creditsInvoiceId), eq(i.companyId, invoice.companyId))).limit(1))[0]?.number ?? null;
  }
  return { invoice, lines, company, debtor, creditedNumber };
}

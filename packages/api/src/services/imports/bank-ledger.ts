import { classifyReference, type BankTransaction, type OpenInvoice } from '@fact/bank';
import { fromCents, type CalendarDate } from '@fact/core';
import type { sqliteTables } from '@fact/db';
import { and, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db.js';

type TxRow = typeof sqliteTables.bankTransactions.$inferSelect;

/**
 * The company's open invoices as reconciliation sees them: number, debtor name, the IBANs the
 * debtor paid from before (from bank transactions already turned into its payments), the open
 * amount and the structured reference.
 *
 * @example
 * ```ts
 * const invoices = await openInvoicesForMatching(tx, companyId);
 * ```
 */
export async function openInvoicesForMatching(db: Database, companyId: string, ids?: string[]): Promise<OpenInvoice[]> {
  const i = db.tables.invoices;
  const d = db.tables.debtors;
  const where = [eq(i.companyId, companyId), eq(i.kind, 'invoice'), eq(i.status, 'open'), gt(i.openAmountCents, 0)];
  if (ids) where.push(inArray(i.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
  const rows = await db.db
    .select({ id: i.id, number: i.number, debtorId: i.debtorId, open: i.openAmountCents, reference: i.paymentReference, dueDate: i.dueDate, currency: i.currency, debtorName: d.name })
    .from(i)
    .innerJoin(d, eq(d.id, i.debtorId))
    .where(and(...where));
  const ibans = await debtorIbans(db, companyId);
  return rows
    .filter((r) => r.currency === 'EUR')
    .map((r) => ({
      id: r.id,
      companyId,
      number: r.number,
      debtorName: r.debtorName,
      debtorIbans: ibans.get(r.debtorId) ?? [],
      openAmount: fromCents(r.open),
      ...(r.reference ? { reference: r.reference } : {}),
      dueDate: r.dueDate as CalendarDate,
    }));
}

/** Debtor → IBANs it paid from, learnt from matched bank transactions. */
async function debtorIbans(db: Database, companyId: string): Promise<Map<string, string[]>> {
  const p = db.tables.payments;
  const b = db.tables.bankTransactions;
  const rows = await db.db
    .select({ debtorId: p.debtorId, iban: b.counterpartyIban })
    .from(p)
    .innerJoin(b, eq(b.id, p.bankTransactionId))
    .where(and(eq(p.companyId, companyId), isNotNull(p.debtorId), isNotNull(b.counterpartyIban), isNull(p.reversedAt)));
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(r.debtorId!) ?? [];
    if (!list.includes(r.iban!)) list.push(r.iban!);
    map.set(r.debtorId!, list);
  }
  return map;
}

/**
 * A stored bank transaction in the shape @fact/bank reconciles, with `amount` the part not yet
 * recorded as payments.
 *
 * @example
 * ```ts
 * reconcile([asBankTransaction(row, remainingCents)], invoices);
 * ```
 */
export function asBankTransaction(row: TxRow, remainingCents: number): BankTransaction {
  const structured = row.structuredReference ? classifyReference(row.structuredReference) : undefined;
  return {
    dedupKey: row.dedupKey,
    bookingDate: row.bookingDate,
    valueDate: row.valueDate ?? row.bookingDate,
    amount: fromCents(remainingCents),
    currency: 'EUR',
    direction: row.amountCents > 0 ? 'credit' : 'debit',
    reversal: false,
    ...(row.bankReference ? { bankReference: row.bankReference } : {}),
    counterparty: { ...(row.counterpartyName ? { name: row.counterpartyName } : {}), ...(row.counterpartyIban ? { iban: row.counterpartyIban } : {}) },
    remittance: { ...(structured ? { structured } : {}), ...(row.communication ? { unstructured: row.communication } : {}) },
  };
}

/** Cents of a transaction already recorded as (live) payments. @example await recordedCents(tx, id) */
export async function recordedCents(db: Database, transactionId: string): Promise<{ cents: number; count: number }> {
  const p = db.tables.payments;
  const rows = await db.db.select({ amount: p.amountCents, reversedAt: p.reversedAt }).from(p).where(eq(p.bankTransactionId, transactionId));
  return { cents: rows.filter((r) => !r.reversedAt).reduce((s, r) => s + r.amount, 0), count: rows.length };
}

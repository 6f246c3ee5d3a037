import { reconcile, type BankTransaction, type ReconciledPayment } from '@fact/bank';
import { toCents } from '@fact/core';
import type { MatchStatus } from '@fact/db';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Database } from '../../db.js';
import { centsToAmount } from '../../schemas/money.js';
import { recordPayment } from '../payments.js';
import { openInvoicesForMatching } from './bank-ledger.js';
import { creditsReturnsMayUndo, undoReturnedPayment } from './bank-returns.js';
import type { DocumentRecord } from './document-outcome.js';

type Ctx = Pick<Context, 'documents' | 'logger'>;

/** A bank line just stored, with the account it was booked on. */
export interface FreshLine {
  row: { id: string; bankAccountId: string };
  tx: BankTransaction;
}

/** What reconciling the new lines did. */
export interface Applied {
  matched: number;
  unmatched: number;
  reversed: number;
  paymentIds: string[];
  reversedPaymentIds: string[];
  records: DocumentRecord[];
}

async function numbersOf(tx: Database, ids: string[]): Promise<Map<string, string>> {
  const i = tx.tables.invoices;
  const map = new Map<string, string>();
  for (let k = 0; k < ids.length; k += 500) {
    for (const r of await tx.db.select({ id: i.id, number: i.number, debtorId: i.debtorId }).from(i).where(inArray(i.id, ids.slice(k, k + 500)))) map.set(r.id, r.number);
  }
  return map;
}

async function debtorsOf(tx: Database, invoiceIds: string[]): Promise<Map<string, string>> {
  const i = tx.tables.invoices;
  const map = new Map<string, string>();
  for (let k = 0; k < invoiceIds.length; k += 500) {
    for (const r of await tx.db.select({ id: i.id, debtorId: i.debtorId }).from(i).where(inArray(i.id, invoiceIds.slice(k, k + 500)))) map.set(r.id, r.debtorId);
  }
  return map;
}

/**
 * Reconciles new bank lines against open invoices and the payments already in the ledger:
 * automatic matches become payments with their allocations (reference = the payment line's key,
 * unique per company, so a match is never recorded twice); a return that certainly takes back an
 * earlier credit of the same account reverses that payment (its invoices are open again); money
 * out that is no return is `ignored`; everything else waits in the unmatched queue. Runs inside
 * the import's transaction.
 *
 * @example
 * ```ts
 * const applied = await applyReconciliation(ctx, tx, companyId, fresh, actor);
 * ```
 */
export async function applyReconciliation(ctx: Ctx, tx: Database, companyId: string, fresh: FreshLine[], actor: { userId: string; now: Date }): Promise<Applied> {
  const applied: Applied = { matched: 0, unmatched: 0, reversed: 0, paymentIds: [], reversedPaymentIds: [], records: [] };
  if (fresh.length === 0) return applied;
  const invoices = await openInvoicesForMatching(tx, companyId);
  const debtorOf = await debtorsOf(tx, invoices.map((i) => i.id));
  const numbers = new Map(invoices.map((i) => [i.id, i.number]));
  const { prior, credits } = await creditsReturnsMayUndo(ctx, tx, companyId, fresh.map((f) => f.tx));
  const results = reconcile(fresh.map((c) => c.tx), invoices, { companyId, priorPayments: prior });
  const byKey = new Map<string, ReconciledPayment[]>();
  for (const r of results) byKey.set(r.payment.transactionKey, [...(byKey.get(r.payment.transactionKey) ?? []), r]);
  const b = tx.tables.bankTransactions;
  for (const c of fresh) {
    const lines = byKey.get(c.tx.dedupKey) ?? [];
    // Money out (and zero or foreign-currency lines) is not a payment of a receivable.
    if (lines.length > 0 && lines.every((r) => r.outcome.kind === 'ignore')) {
      await tx.db.update(b).set({ matchStatus: 'ignored' }).where(eq(b.id, c.row.id));
      continue;
    }
    let settled = 0;
    for (const r of lines) {
      if (r.outcome.kind === 'reversal') {
        const key = r.outcome.original?.paymentKey;
        const undone = await undoReturnedPayment(tx, companyId, r, { transactionId: c.row.id, bankAccountId: c.row.bankAccountId }, key ? credits.get(key) : undefined, actor);
        if (!undone) continue;
        if (key) credits.delete(key);
        const names = await numbersOf(tx, undone.invoiceIds);
        applied.records.push({
          type: 'payment',
          id: undone.paymentId,
          label: undone.invoiceIds.map((id) => names.get(id) ?? '').join(', '),
          amount: centsToAmount(-undone.cents),
          ...(undone.invoiceIds[0] ? { invoiceId: undone.invoiceIds[0] } : {}),
          ...(undone.returnReason ? { returnReason: undone.returnReason } : {}),
        });
        applied.reversedPaymentIds.push(undone.paymentId);
        applied.reversed++;
        settled++;
        continue;
      }
      if (r.outcome.kind !== 'auto') continue;
      const debtors = new Set(r.outcome.allocations.map((a) => debtorOf.get(a.invoiceId)));
      const cents = toCents(r.payment.amount, 'amount');
      const allocations = r.outcome.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: toCents(a.amount, 'allocation') }));
      const id = await recordPayment(
        tx,
        {
          companyId,
          debtorId: debtors.size === 1 ? ([...debtors][0] ?? null) : null,
          cents,
          receivedOn: r.payment.bookingDate,
          method: 'bank_transfer',
          reference: r.payment.key,
          communication: r.payment.remittance.structured?.reference ?? r.payment.remittance.unstructured?.slice(0, 500) ?? null,
          allocations,
        },
        actor,
      );
      const p = tx.tables.payments;
      await tx.db.update(p).set({ bankTransactionId: c.row.id }).where(eq(p.id, id));
      // A return later in this same file may take this payment back.
      credits.set(r.payment.key, { paymentId: id, key: r.payment.key, bankAccountId: c.row.bankAccountId, cents, receivedOn: r.payment.bookingDate, allocations });
      applied.records.push({ type: 'payment', id, label: allocations.map((a) => numbers.get(a.invoiceId) ?? '').join(', '), amount: centsToAmount(cents), ...(allocations[0] ? { invoiceId: allocations[0].invoiceId } : {}) });
      applied.paymentIds.push(id);
      settled++;
    }
    const status: MatchStatus = lines.length > 0 && settled === lines.length ? 'matched' : settled > 0 ? 'partially_matched' : 'unmatched';
    if (status !== 'unmatched') await tx.db.update(b).set({ matchStatus: status }).where(eq(b.id, c.row.id));
    if (status === 'matched') applied.matched++;
    else applied.unmatched++;
  }
  return applied;
}

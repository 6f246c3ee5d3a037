import { confirmAllocation, paymentLines, reconcile } from '@fact/bank';
import { toCents } from '@fact/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { appendAudit } from '../audit.js';
import { recordPayment } from '../payments.js';
import { asBankTransaction, openInvoicesForMatching, recordedCents } from './bank-ledger.js';
import { returnCandidates } from './bank-queue-returns.js';

interface Actor {
  userId: string;
  now: Date;
}

/** Same words for a transaction of another company as for one that does not exist. */
const notFound = (id: string) => apiError.notFound('bank transaction', id);

async function loadTransaction(db: Database, companyId: string, transactionId: string) {
  const b = db.tables.bankTransactions;
  const row = (await db.db.select().from(b).where(and(eq(b.id, transactionId), eq(b.companyId, companyId))).limit(1))[0];
  if (!row) throw notFound(transactionId);
  return row;
}

/**
 * The unmatched queue, oldest first: credits not (fully) recorded as payments, each with what is
 * left to allocate and the candidate invoices @fact/bank suggests (score, reasons); and returns of
 * earlier credits that were not certainly tied to their payment at import (`kind: 'reversal'`,
 * negative), with the payments they may take back (`returnCandidates`), for the accountant to
 * confirm (`bank.confirmReturn`).
 *
 * @example
 * ```ts
 * const queue = await unmatchedQueue(db, companyId, 100);
 * queue[0].candidates[0]; // { invoiceId, number, score: 70, reasons: ['reference-already-paid', …] }
 * ```
 */
export async function unmatchedQueue(db: Database, companyId: string, limit: number) {
  const b = db.tables.bankTransactions;
  const rows = await db.db
    .select()
    .from(b)
    .where(and(eq(b.companyId, companyId), inArray(b.matchStatus, ['unmatched', 'partially_matched'])))
    .orderBy(asc(b.bookingDate), asc(b.id))
    .limit(limit);
  const invoices = await openInvoicesForMatching(db, companyId);
  const numbers = new Map(invoices.map((i) => [i.id, i.number]));
  const items = [];
  for (const row of rows) {
    const reversal = row.amountCents < 0;
    const remaining = reversal ? 0 : row.amountCents - (await recordedCents(db, row.id)).cents;
    const suggestions = remaining > 0 ? reconcile([asBankTransaction(row, remaining)], invoices, { companyId }) : [];
    const candidates = suggestions.flatMap((s) =>
      s.outcome.kind === 'suggest'
        ? s.outcome.candidates.map((c) => ({ invoiceId: c.invoiceId, number: numbers.get(c.invoiceId) ?? '', score: c.score, reasons: [...c.reasons] }))
        : s.outcome.kind === 'auto'
          ? s.outcome.allocations.map((a) => ({ invoiceId: a.invoiceId, number: numbers.get(a.invoiceId) ?? '', score: 100, reasons: ['reference' as const] }))
          : [],
    );
    items.push({
      transactionId: row.id,
      kind: reversal ? ('reversal' as const) : ('credit' as const),
      bookingDate: row.bookingDate,
      amount: centsToAmount(row.amountCents),
      remaining: centsToAmount(Math.max(remaining, 0)),
      counterpartyName: row.counterpartyName ?? null,
      counterpartyIban: row.counterpartyIban ?? null,
      communication: row.communication ?? null,
      structuredReference: row.structuredReference ?? null,
      matchStatus: row.matchStatus,
      candidates,
      returnCandidates: reversal ? await returnCandidates(db, companyId, row) : [],
      why: suggestions.flatMap((s) => (s.outcome.kind === 'suggest' ? [s.outcome.why] : []))[0] ?? null,
    });
  }
  return items;
}

/**
 * The accountant's decision for a queued credit: records what is left of it as one payment with
 * the chosen allocations (checked by @fact/bank `confirmAllocation`: never more than the payment,
 * never more than an invoice's open amount); any rest stays on the payment as unallocated credit.
 * One transaction; the bank transaction is then `matched`.
 *
 * @example
 * ```ts
 * await confirmQueued(db, companyId, transactionId, [{ invoiceId, cents: 50000 }], actor);
 * ```
 */
export async function confirmQueued(db: Database, companyId: string, transactionId: string, chosen: { invoiceId: string; cents: number }[], actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await loadTransaction(tx, companyId, transactionId);
    if (row.matchStatus === 'matched' || row.matchStatus === 'ignored') throw apiError.precondition(`This bank transaction is already ${row.matchStatus}; nothing is left to allocate.`);
    if (row.amountCents <= 0) throw apiError.badInput('transactionId', 'money out cannot be allocated to invoices');
    const recorded = await recordedCents(tx, row.id);
    const remaining = row.amountCents - recorded.cents;
    if (remaining <= 0) throw apiError.precondition('This bank transaction is already recorded in full as payments.');
    const invoices = await openInvoicesForMatching(tx, companyId, chosen.map((c) => c.invoiceId));
    const line = paymentLines(asBankTransaction(row, remaining))[0]!;
    const checked = confirmAllocation(line, chosen.map((c) => ({ invoiceId: c.invoiceId, amount: centsToAmount(c.cents) })), invoices);
    const i = tx.tables.invoices;
    const debtorRows = chosen.length ? await tx.db.select({ debtorId: i.debtorId }).from(i).where(inArray(i.id, chosen.map((c) => c.invoiceId))) : [];
    const debtors = new Set(debtorRows.map((r) => r.debtorId));
    const paymentId = await recordPayment(
      tx,
      {
        companyId,
        debtorId: debtors.size === 1 ? [...debtors][0]! : null,
        cents: remaining,
        receivedOn: row.bookingDate,
        method: 'bank_transfer',
        reference: recorded.count === 0 ? row.dedupKey : `${row.dedupKey}#${recorded.count + 1}`,
        communication: row.structuredReference ?? row.communication?.slice(0, 500) ?? null,
        allocations: checked.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: toCents(a.amount, 'allocation') })),
      },
      actor,
    );
    const p = tx.tables.payments;
    await tx.db.update(p).set({ bankTransactionId: row.id }).where(eq(p.id, paymentId));
    const b = tx.tables.bankTransactions;
    await tx.db.update(b).set({ matchStatus: 'matched' }).where(eq(b.id, row.id));
    await appendAudit(tx, { companyId, actorUserId: actor.userId, action: 'bank.confirm', entityType: 'bank_transaction', entityId: row.id, at: actor.now, after: { paymentId, allocations: chosen, unapplied: checked.unapplied.toFixed(2) } });
    return { paymentId, unapplied: checked.unapplied.toFixed(2) };
  });
}

/**
 * Takes a credit out of the unmatched queue without recording a payment (a refund from a
 * supplier, a transfer between own accounts), with the reason in the audit trail.
 *
 * @example
 * ```ts
 * await ignoreQueued(db, companyId, transactionId, 'transfer from our savings account', actor);
 * ```
 */
export async function ignoreQueued(db: Database, companyId: string, transactionId: string, reason: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const row = await loadTransaction(tx, companyId, transactionId);
    if (row.matchStatus !== 'unmatched') throw apiError.precondition(`Only an unmatched bank transaction can be ignored; this one is ${row.matchStatus.replace('_', ' ')}.`);
    const b = tx.tables.bankTransactions;
    await tx.db.update(b).set({ matchStatus: 'ignored' }).where(eq(b.id, row.id));
    await appendAudit(tx, { companyId, actorUserId: actor.userId, action: 'bank.ignore', entityType: 'bank_transaction', entityId: row.id, at: actor.now, before: { matchStatus: row.matchStatus }, after: { matchStatus: 'ignored', reason } });
  });
}

import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { appendAudit } from '../audit.js';
import { reversePaymentRecord } from '../payments.js';

/** A payment that a queued return may take back, and why it is a candidate. */
export interface ReturnCandidate {
  paymentId: string;
  amount: string;
  receivedOn: string;
  invoices: { id: string; number: string }[];
  reasons: ('same-amount' | 'same-account' | 'reference' | 'iban')[];
}

/**
 * The candidates for a return that was not certainly tied to its original at import: live
 * payments from bank lines of the same account and amount, received on or before the return,
 * the likeliest (same structured reference or payer IBAN, then the latest) first.
 *
 * @example
 * ```ts
 * const candidates = await returnCandidates(db, companyId, row);
 * ```
 */
export async function returnCandidates(db: Database, companyId: string, row: { bankAccountId: string; amountCents: number; bookingDate: string; structuredReference: string | null; counterpartyIban: string | null }): Promise<ReturnCandidate[]> {
  const p = db.tables.payments;
  const b = db.tables.bankTransactions;
  const rows = await db.db
    .select({ id: p.id, cents: p.amountCents, receivedOn: p.receivedOn, reference: b.structuredReference, iban: b.counterpartyIban })
    .from(p)
    .innerJoin(b, eq(b.id, p.bankTransactionId))
    .where(and(eq(p.companyId, companyId), eq(b.bankAccountId, row.bankAccountId), eq(p.amountCents, -row.amountCents), isNull(p.reversedAt), lte(p.receivedOn, row.bookingDate)))
    .orderBy(desc(p.receivedOn), desc(p.id))
    .limit(10);
  if (rows.length === 0) return [];
  const a = db.tables.allocations;
  const i = db.tables.invoices;
  const invoices = await db.db
    .select({ paymentId: a.paymentId, id: i.id, number: i.number })
    .from(a)
    .innerJoin(i, eq(i.id, a.invoiceId))
    .where(and(inArray(a.paymentId, rows.map((r) => r.id)), isNull(a.reversedAt)));
  return rows
    .map((r) => ({
      paymentId: r.id,
      amount: centsToAmount(r.cents),
      receivedOn: r.receivedOn,
      invoices: invoices.filter((x) => x.paymentId === r.id).map((x) => ({ id: x.id, number: x.number })),
      reasons: [
        'same-amount' as const,
        'same-account' as const,
        ...(row.structuredReference && r.reference === row.structuredReference ? ['reference' as const] : []),
        ...(row.counterpartyIban && r.iban === row.counterpartyIban ? ['iban' as const] : []),
      ],
    }))
    .sort((x, y) => y.reasons.length - x.reasons.length)
    .slice(0, 3);
}

/**
 * The accountant's decision for a queued return: it takes back this payment. The payment and
 * its allocations are reversed (the invoices are open again), the return line is `matched`, and
 * the audit log keeps the decision, in one transaction.
 *
 * @example
 * ```ts
 * await confirmReturn(db, companyId, transactionId, paymentId, actor);
 * ```
 */
export async function confirmReturn(db: Database, companyId: string, transactionId: string, paymentId: string, actor: { userId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const b = tx.tables.bankTransactions;
    const row = (await tx.db.select().from(b).where(and(eq(b.id, transactionId), eq(b.companyId, companyId))).limit(1))[0];
    if (!row) throw apiError.notFound('bank transaction', transactionId);
    if (row.amountCents >= 0) throw apiError.badInput('transactionId', 'money in is not a return; allocate it to invoices instead');
    if (row.matchStatus !== 'unmatched') throw apiError.precondition(`This bank transaction is already ${row.matchStatus.replace('_', ' ')}.`);
    const p = tx.tables.payments;
    const payment = (await tx.db.select().from(p).where(and(eq(p.id, paymentId), eq(p.companyId, companyId))).limit(1))[0];
    if (!payment) throw apiError.notFound('payment', paymentId);
    if (payment.reversedAt) throw apiError.precondition('This payment was already reversed.');
    if (payment.amountCents !== -row.amountCents) {
      throw apiError.badInput('paymentId', `the payment is ${centsToAmount(payment.amountCents)}, the return ${centsToAmount(-row.amountCents)}; a return takes back the whole payment`);
    }
    await reversePaymentRecord(tx, paymentId, `returned by the bank on ${row.bookingDate} (bank line ${row.dedupKey}), confirmed by the accountant`, actor);
    await tx.db.update(b).set({ matchStatus: 'matched' }).where(eq(b.id, row.id));
    await appendAudit(tx, { companyId, actorUserId: actor.userId, action: 'bank.confirm_return', entityType: 'bank_transaction', entityId: row.id, at: actor.now, after: { paymentId, amount: centsToAmount(payment.amountCents) } });
    return { transactionId: row.id, paymentId, matchStatus: 'matched' as const };
  });
}

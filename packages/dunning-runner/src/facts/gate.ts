import { and, eq, inArray } from 'drizzle-orm';
import { fromCents, money, type CalendarDate } from '@fact/core';
import type { Executor } from '@fact/db';
import { collectionFacts, unappliedCredit, unmatchedBankPayments } from './receivables.js';

/** Why the gate refused a send at the last moment. */
export type GateReason =
  | 'paid'
  | 'amount-changed'
  | 'disputed'
  | 'on-hold'
  | 'payment-plan'
  | 'assigned-to-factor'
  | 'paid-in-bank'
  | 'credit-changed'
  | 'not-open';

/** The gate's answer: send, or drop with a reason (and the invoice it is about). */
export type GateOutcome = { ok: true } | { ok: false; reason: GateReason; invoiceId: string | undefined };

/** What the planner relied on, as stored with the planned send. */
export interface GateInput {
  companyId: string;
  debtorId: string;
  asOf: CalendarDate;
  items: readonly { itemId: string; openAmount: string }[];
  unappliedCredit?: string;
}

/**
 * Re-checks the facts right before a send: each invoice still open for the same amount (after
 * the latest bank import and credit notes), no unmatched bank payment naming it, not disputed, not
 * on hold, not factored, not in an active payment plan, and the debtor's unapplied credit as
 * planned. Any change drops the send; the next run plans again from the new facts.
 *
 * @example
 * ```ts
 * const gate = await sendGate(db, { companyId, debtorId, asOf, items: [{ itemId: 'inv-1', openAmount: '1210.00' }] });
 * if (!gate.ok) console.log(gate.reason);
 * ```
 */
export async function sendGate(ex: Executor, input: GateInput): Promise<GateOutcome> {
  return (await sendGates(ex, input.companyId, input.asOf, [input]))[0]!;
}

/**
 * The gate for a batch of sends of one company on one date, with one read of each fact for the
 * whole batch (invoices, unmatched bank lines, disputes, holds, plans, factoring, credit) instead
 * of one per send. Outcomes in the order of `inputs`.
 *
 * @example
 * ```ts
 * const outcomes = await sendGates(db, companyId, '2025-04-10', inputs);
 * ```
 */
export async function sendGates(ex: Executor, companyId: string, asOf: CalendarDate, inputs: readonly Omit<GateInput, 'companyId' | 'asOf'>[]): Promise<GateOutcome[]> {
  if (inputs.length === 0) return [];
  const i = ex.tables.invoices;
  const ids = [...new Set(inputs.flatMap((x) => x.items.map((it) => it.itemId)))];
  const rows = [];
  for (let k = 0; k < ids.length; k += 500) {
    rows.push(
      ...(await ex.db
        .select({ id: i.id, status: i.status, open: i.openAmountCents, number: i.number, paymentReference: i.paymentReference })
        .from(i)
        .where(and(eq(i.companyId, companyId), inArray(i.id, ids.slice(k, k + 500))))),
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bank = await unmatchedBankPayments(ex, companyId, rows);
  const facts = await collectionFacts(ex, companyId, ids, asOf);
  const credits = await unappliedCredit(ex, companyId, [...new Set(inputs.map((x) => x.debtorId))]);
  return inputs.map((input): GateOutcome => {
    for (const item of input.items) {
      const row = byId.get(item.itemId);
      if (!row || row.open === 0 || row.status === 'paid') return { ok: false, reason: 'paid', invoiceId: item.itemId };
      if (row.status !== 'open') return { ok: false, reason: 'not-open', invoiceId: item.itemId };
      if (!fromCents(row.open).equals(money(item.openAmount))) return { ok: false, reason: 'amount-changed', invoiceId: item.itemId };
    }
    const debtorHold = facts.debtorHoldUntil.get(input.debtorId);
    for (const { itemId: id } of input.items) {
      if (bank.has(id)) return { ok: false, reason: 'paid-in-bank', invoiceId: id };
      if (facts.disputed.has(id)) return { ok: false, reason: 'disputed', invoiceId: id };
      if (facts.holdUntil.has(id) || debtorHold) return { ok: false, reason: 'on-hold', invoiceId: id };
      if (facts.paymentPlan.has(id)) return { ok: false, reason: 'payment-plan', invoiceId: id };
      if (facts.factored.has(id)) return { ok: false, reason: 'assigned-to-factor', invoiceId: id };
    }
    const credit = credits.get(input.debtorId) ?? 0;
    if (!fromCents(credit).equals(money(input.unappliedCredit ?? '0'))) return { ok: false, reason: 'credit-changed', invoiceId: undefined };
    return { ok: true };
  });
}

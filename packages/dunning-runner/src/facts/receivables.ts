import { and, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { CalendarDate } from '@fact/core';
import type { Executor } from '@fact/db';

/** What pauses collection of invoices on a date, read fresh (the planner's input and the gate's). */
export interface CollectionFacts {
  disputed: Set<string>;
  holdUntil: Map<string, CalendarDate>;
  debtorHoldUntil: Map<string, CalendarDate>;
  paymentPlan: Map<string, string>;
  factored: Set<string>;
}

/**
 * Disputes, holds, active payment plans and factoring assignments of a company's invoices on a date.
 *
 * @example
 * ```ts
 * const facts = await collectionFacts(db, companyId, ['inv-1'], '2025-04-10');
 * ```
 */
export async function collectionFacts(ex: Executor, companyId: string, invoiceIds: readonly string[], asOf: CalendarDate): Promise<CollectionFacts> {
  const t = ex.tables;
  const facts: CollectionFacts = { disputed: new Set(), holdUntil: new Map(), debtorHoldUntil: new Map(), paymentPlan: new Map(), factored: new Set() };
  if (invoiceIds.length === 0) return facts;
  const ids = [...invoiceIds];
  const disputes = await ex.db
    .select({ invoiceId: t.disputes.invoiceId })
    .from(t.disputes)
    .where(and(eq(t.disputes.companyId, companyId), eq(t.disputes.status, 'open'), inArray(t.disputes.invoiceId, ids)));
  for (const d of disputes) if (d.invoiceId) facts.disputed.add(d.invoiceId);
  const holds = await ex.db
    .select()
    .from(t.holds)
    .where(and(eq(t.holds.companyId, companyId), isNull(t.holds.releasedAt), lte(t.holds.fromDate, asOf), or(isNull(t.holds.untilDate), gte(t.holds.untilDate, asOf))));
  for (const h of holds) {
    // An open-ended hold: far in the future, the planner only needs "until".
    const until = h.untilDate ?? '9999-12-31';
    if (h.invoiceId) facts.holdUntil.set(h.invoiceId, until);
    if (h.debtorId) facts.debtorHoldUntil.set(h.debtorId, until);
  }
  const plans = await ex.db
    .select({ invoiceId: t.paymentPlanInvoices.invoiceId, planId: t.paymentPlans.id })
    .from(t.paymentPlanInvoices)
    .innerJoin(t.paymentPlans, eq(t.paymentPlans.id, t.paymentPlanInvoices.planId))
    .where(and(eq(t.paymentPlans.companyId, companyId), eq(t.paymentPlans.status, 'active'), inArray(t.paymentPlanInvoices.invoiceId, ids)));
  for (const p of plans) facts.paymentPlan.set(p.invoiceId, p.planId);
  const assigned = await ex.db
    .select({ invoiceId: t.factoringAssignments.invoiceId })
    .from(t.factoringAssignments)
    .where(and(eq(t.factoringAssignments.companyId, companyId), inArray(t.factoringAssignments.status, ['proposed', 'assigned']), inArray(t.factoringAssignments.invoiceId, ids)));
  for (const a of assigned) facts.factored.add(a.invoiceId);
  return facts;
}

/**
 * Credit of each debtor (or of the given debtors) not yet applied: unallocated payments and open
 * credit notes, in cents.
 *
 * @example
 * ```ts
 * (await unappliedCredit(db, companyId)).get('debtor-1'); // 12000
 * ```
 */
export async function unappliedCredit(ex: Executor, companyId: string, debtors?: string | readonly string[]): Promise<Map<string, number>> {
  const p = ex.tables.payments;
  const i = ex.tables.invoices;
  const out = new Map<string, number>();
  const only = debtors === undefined ? undefined : typeof debtors === 'string' ? [debtors] : [...debtors];
  const pays = await ex.db
    .select({ debtorId: p.debtorId, cents: p.unallocatedCents })
    .from(p)
    .where(and(eq(p.companyId, companyId), isNull(p.reversedAt), gt(p.unallocatedCents, 0), only && inArray(p.debtorId, only)));
  const notes = await ex.db
    .select({ debtorId: i.debtorId, cents: i.openAmountCents })
    .from(i)
    .where(and(eq(i.companyId, companyId), eq(i.kind, 'credit_note'), eq(i.status, 'open'), gt(i.openAmountCents, 0), only && inArray(i.debtorId, only)));
  for (const r of [...pays, ...notes]) if (r.debtorId) out.set(r.debtorId, (out.get(r.debtorId) ?? 0) + Number(r.cents));
  return out;
}

/**
 * Incoming bank lines not yet matched that name one of these invoices (structured reference or
 * invoice number in the remittance text): money that arrived in the latest import but is not
 * booked yet. A reminder for such an invoice would be wrong (Odoo's "reconcile first" workaround).
 *
 * @example
 * ```ts
 * const paidInBank = await unmatchedBankPayments(db, companyId, [{ id: 'inv-1', number: 'F-1', paymentReference: '240283842818' }]);
 * ```
 */
export async function unmatchedBankPayments(
  ex: Executor,
  companyId: string,
  invoices: readonly { id: string; number: string; paymentReference: string | null }[],
): Promise<Set<string>> {
  const b = ex.tables.bankTransactions;
  const rows = await ex.db
    .select({ ref: b.structuredReference, text: b.communication })
    .from(b)
    .where(and(eq(b.companyId, companyId), eq(b.matchStatus, 'unmatched'), gt(b.amountCents, 0)));
  const hits = new Set<string>();
  const digits = (s: string | null) => (s ?? '').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  for (const inv of invoices) {
    const ref = digits(inv.paymentReference);
    for (const r of rows) {
      if ((ref && digits(r.ref) === ref) || (r.text && inv.number.length >= 3 && r.text.includes(inv.number))) hits.add(inv.id);
    }
  }
  return hits;
}

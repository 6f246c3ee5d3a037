// What pauses reminders on a date, for many companies at once. These tables are small and
// change often, so they are read live on every request instead of being cached.
import type { CalendarDate } from '@fact/core';
import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db.js';

/** Invoices and debtors whose follow-up is paused, and invoices offered or assigned to a factor. */
export interface Exclusions {
  /** Invoices not to remind: open dispute, invoice hold, active payment plan, running promise, factor. */
  readonly invoices: Set<string>;
  /** Debtors on hold: none of their invoices is reminded. */
  readonly debtors: Set<string>;
  /** Invoices offered or assigned to a factor: their VAT relief needs review, so it is not counted. */
  readonly assigned: Set<string>;
}

/**
 * Reads the exclusions of the companies as of a date, in five small queries (one per kind),
 * mirroring what the dunning planner skips: open disputes (betwisting), holds in force, active
 * payment plans (afbetalingsplan), promises to pay not yet due, and factoring.
 *
 * @example
 * ```ts
 * const ex = await loadExclusions(db, [companyId], '2026-11-20');
 * ex.invoices.has(invoiceId);
 * ```
 */
export async function loadExclusions(db: Database, companyIds: readonly string[], asOf: CalendarDate): Promise<Exclusions> {
  const result: Exclusions = { invoices: new Set(), debtors: new Set(), assigned: new Set() };
  if (companyIds.length === 0) return result;
  const t = db.tables;
  const ids = [...companyIds];
  const disputes = await db.db
    .select({ invoiceId: t.disputes.invoiceId })
    .from(t.disputes)
    .where(and(inArray(t.disputes.companyId, ids), eq(t.disputes.status, 'open')));
  const holds = await db.db
    .select({ invoiceId: t.holds.invoiceId, debtorId: t.holds.debtorId })
    .from(t.holds)
    .where(and(inArray(t.holds.companyId, ids), isNull(t.holds.releasedAt), lte(t.holds.fromDate, asOf), or(isNull(t.holds.untilDate), gte(t.holds.untilDate, asOf))));
  const plans = await db.db
    .select({ invoiceId: t.paymentPlanInvoices.invoiceId })
    .from(t.paymentPlanInvoices)
    .innerJoin(t.paymentPlans, eq(t.paymentPlans.id, t.paymentPlanInvoices.planId))
    .where(and(inArray(t.paymentPlans.companyId, ids), eq(t.paymentPlans.status, 'active')));
  const promises = await db.db
    .select({ invoiceId: t.promisesToPay.invoiceId })
    .from(t.promisesToPay)
    .where(and(inArray(t.promisesToPay.companyId, ids), eq(t.promisesToPay.status, 'pending'), gte(t.promisesToPay.dueOn, asOf), isNotNull(t.promisesToPay.invoiceId)));
  const assigned = await db.db
    .select({ invoiceId: t.factoringAssignments.invoiceId })
    .from(t.factoringAssignments)
    .where(and(inArray(t.factoringAssignments.companyId, ids), inArray(t.factoringAssignments.status, ['proposed', 'assigned'])));
  for (const r of disputes) result.invoices.add(r.invoiceId);
  for (const r of holds) {
    if (r.invoiceId) result.invoices.add(r.invoiceId);
    if (r.debtorId) result.debtors.add(r.debtorId);
  }
  for (const r of plans) result.invoices.add(r.invoiceId);
  for (const r of promises) if (r.invoiceId) result.invoices.add(r.invoiceId);
  for (const r of assigned) {
    result.invoices.add(r.invoiceId);
    result.assigned.add(r.invoiceId);
  }
  return result;
}

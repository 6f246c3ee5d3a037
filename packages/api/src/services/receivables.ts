// Reads what the core functions need about a company's receivables, in a handful of queries.
import { and, eq, gt, inArray, isNull, lte, or, gte, sql } from 'drizzle-orm';
import type { CalendarDate, Country } from '@fact/core';
import type { Database } from '../db.js';
import { apiError } from '../errors/api-error.js';

/** A company's settings relevant to receivables. */
export async function companyFacts(db: Database, companyId: string) {
  const c = db.tables.companies;
  const row = (await db.db.select().from(c).where(eq(c.id, companyId)).limit(1))[0];
  if (!row) throw apiError.notFound('company', companyId);
  return { ...row, country: row.country as Country };
}

/** Open invoices (open amount > 0) of a company, optionally of one debtor, with the debtor's kind and name. */
export async function openInvoicesOf(db: Database, companyId: string, debtorId?: string) {
  const i = db.tables.invoices;
  const d = db.tables.debtors;
  const where = [eq(i.companyId, companyId), eq(i.status, 'open'), eq(i.kind, 'invoice'), gt(i.openAmountCents, 0)];
  if (debtorId) where.push(eq(i.debtorId, debtorId));
  return db.db
    .select({ invoice: i, debtorKind: d.kind, debtorName: d.name })
    .from(i)
    .innerJoin(d, eq(d.id, i.debtorId))
    .where(and(...where));
}

/** What pauses collection of a set of invoices on a date: disputes, holds, plans, factoring. */
export async function collectionFacts(db: Database, companyId: string, invoiceIds: string[], asOf: CalendarDate) {
  const t = db.tables;
  if (invoiceIds.length === 0) {
    return { disputed: new Set<string>(), holdUntil: new Map<string, CalendarDate>(), debtorHoldUntil: new Map<string, CalendarDate>(), planned: new Map<string, string>(), assigned: new Set<string>() };
  }
  const disputes = await db.db
    .select({ invoiceId: t.disputes.invoiceId })
    .from(t.disputes)
    .where(and(eq(t.disputes.companyId, companyId), eq(t.disputes.status, 'open'), inArray(t.disputes.invoiceId, invoiceIds)));
  const holds = await db.db
    .select()
    .from(t.holds)
    .where(and(eq(t.holds.companyId, companyId), isNull(t.holds.releasedAt), lte(t.holds.fromDate, asOf), or(isNull(t.holds.untilDate), gte(t.holds.untilDate, asOf))));
  const holdUntil = new Map<string, CalendarDate>();
  const debtorHoldUntil = new Map<string, CalendarDate>();
  // An open-ended hold is represented as far in the future: the planner only needs "until".
  for (const h of holds) {
    const until = h.untilDate ?? '9999-12-31';
    if (h.invoiceId) holdUntil.set(h.invoiceId, until);
    if (h.debtorId) debtorHoldUntil.set(h.debtorId, until);
  }
  const plans = await db.db
    .select({ invoiceId: t.paymentPlanInvoices.invoiceId, planId: t.paymentPlans.id })
    .from(t.paymentPlanInvoices)
    .innerJoin(t.paymentPlans, eq(t.paymentPlans.id, t.paymentPlanInvoices.planId))
    .where(and(eq(t.paymentPlans.companyId, companyId), eq(t.paymentPlans.status, 'active'), inArray(t.paymentPlanInvoices.invoiceId, invoiceIds)));
  const assigned = await db.db
    .select({ invoiceId: t.factoringAssignments.invoiceId })
    .from(t.factoringAssignments)
    .where(and(eq(t.factoringAssignments.companyId, companyId), inArray(t.factoringAssignments.status, ['proposed', 'assigned']), inArray(t.factoringAssignments.invoiceId, invoiceIds)));
  return {
    disputed: new Set(disputes.map((d) => d.invoiceId)),
    holdUntil,
    debtorHoldUntil,
    planned: new Map(plans.map((p) => [p.invoiceId, p.planId])),
    assigned: new Set(assigned.map((a) => a.invoiceId)),
  };
}

/** Live allocations of invoices, for interest on partly paid invoices. */
export async function allocationsOf(db: Database, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return [];
  const a = db.tables.allocations;
  return db.db
    .select({ invoiceId: a.invoiceId, amountCents: a.amountCents, allocatedOn: a.allocatedOn })
    .from(a)
    .where(and(inArray(a.invoiceId, invoiceIds), isNull(a.reversedAt)));
}

/** Unallocated, unreversed payment money per debtor: credit the dunning planner sets off. */
export async function unappliedCreditByDebtor(db: Database, companyId: string) {
  const p = db.tables.payments;
  const rows = await db.db
    .select({ debtorId: p.debtorId, cents: sql<string>`sum(${p.unallocatedCents})` })
    .from(p)
    .where(and(eq(p.companyId, companyId), isNull(p.reversedAt), gt(p.unallocatedCents, 0)))
    .groupBy(p.debtorId);
  return rows.flatMap((r) => (r.debtorId ? [{ debtorId: r.debtorId, cents: Number(r.cents) }] : []));
}

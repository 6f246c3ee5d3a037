import {
  addDays,
  ageing,
  dso,
  euFixedCompensation,
  fromCents,
  lateInterest,
  statutoryInterestBasis,
  vatReliefEligibility,
  type CalendarDate,
  type VatFilingFrequency,
} from '@fact/core';
import { publishedRates } from '@fact/dunning-runner';
import { and, eq, gte, lte, ne } from 'drizzle-orm';
import type { Database } from '../db.js';
import { apiError } from '../errors/api-error.js';
import { centsToAmount } from '../schemas/money.js';
import { allocationsOf, collectionFacts, companyFacts, openInvoicesOf } from './receivables.js';

const money2 = (m: { toFixed(n: number): string }) => m.toFixed(2);

/**
 * Ageing of a company's open invoices by days past due, by @fact/core (buckets add up to the
 * total exactly).
 *
 * @example
 * ```ts
 * const report = await ageingReport(db, companyId, '2025-03-15');
 * ```
 */
export async function ageingReport(db: Database, companyId: string, asOf: CalendarDate) {
  const open = await openInvoicesOf(db, companyId);
  const report = ageing(
    open.map(({ invoice }) => ({
      item: { id: invoice.id, kind: 'invoice' as const, debtorId: invoice.debtorId, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: fromCents(invoice.totalCents) },
      open: fromCents(invoice.openAmountCents),
    })),
    asOf,
  );
  return {
    asOf,
    buckets: report.buckets.map((b) => ({ label: b.label, fromDays: b.fromDays, toDays: b.toDays, amount: money2(b.amount), count: b.count })),
    total: money2(report.total),
  };
}

/**
 * Days sales outstanding over the last `periodDays` days (standard method, @fact/core): open
 * receivables now ÷ invoiced in the period × days. `no-sales` when nothing was invoiced.
 *
 * @example
 * ```ts
 * await dsoReport(db, companyId, '2025-03-15', 90); // { kind: 'days', days: '41.3', ... }
 * ```
 */
export async function dsoReport(db: Database, companyId: string, asOf: CalendarDate, periodDays: number) {
  const i = db.tables.invoices;
  const from = addDays(asOf, -(periodDays - 1));
  const sales = await db.db
    .select({ total: i.totalCents })
    .from(i)
    .where(and(eq(i.companyId, companyId), eq(i.kind, 'invoice'), ne(i.status, 'cancelled'), ne(i.status, 'draft'), gte(i.issueDate, from), lte(i.issueDate, asOf)));
  const open = await openInvoicesOf(db, companyId);
  const receivables = open.reduce((s, r) => s + r.invoice.openAmountCents, 0);
  const salesCents = sales.reduce((s, r) => s + r.total, 0);
  const result = dso({ receivables: fromCents(receivables), sales: fromCents(salesCents), periodDays });
  return {
    asOf,
    periodFrom: from,
    periodDays,
    receivables: centsToAmount(receivables),
    sales: centsToAmount(salesCents),
    ...(result.kind === 'days' ? { kind: 'days' as const, days: result.days.toString() } : { kind: 'no-sales' as const, days: null }),
  };
}

/**
 * The debtors owing the most overdue money, with their oldest overdue due date.
 *
 * @example
 * ```ts
 * await topOverdueDebtors(db, companyId, '2025-03-15', 10);
 * ```
 */
export async function topOverdueDebtors(db: Database, companyId: string, asOf: CalendarDate, limit: number) {
  const open = await openInvoicesOf(db, companyId);
  const byDebtor = new Map<string, { debtorId: string; name: string; cents: number; invoices: number; oldestDue: CalendarDate }>();
  for (const { invoice, debtorName } of open) {
    if (invoice.dueDate >= asOf) continue;
    const row = byDebtor.get(invoice.debtorId) ?? { debtorId: invoice.debtorId, name: debtorName, cents: 0, invoices: 0, oldestDue: invoice.dueDate };
    row.cents += invoice.openAmountCents;
    row.invoices += 1;
    if (invoice.dueDate < row.oldestDue) row.oldestDue = invoice.dueDate;
    byDebtor.set(invoice.debtorId, row);
  }
  return [...byDebtor.values()]
    .sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((r) => ({ debtorId: r.debtorId, name: r.name, overdue: centsToAmount(r.cents), invoices: r.invoices, oldestDueDate: r.oldestDue }));
}

/**
 * What may be claimed from a debtor as of a date: per overdue invoice the open principal, the
 * statutory late-payment interest (handelsrente / intérêts de retard) with its segments, and the
 * fixed recovery compensation for businesses (€40, Directive 2011/7/EU art. 6). For consumers
 * recovery costs depend on the legal reminder (Book XIX / 14-dagenbrief): see the dunning plan.
 *
 * @example
 * ```ts
 * const statement = await claimStatement(db, debtorId, '2025-03-15');
 * ```
 */
export async function claimStatement(db: Database, debtorId: string, asOf: CalendarDate) {
  const d = db.tables.debtors;
  const debtor = (await db.db.select().from(d).where(eq(d.id, debtorId)).limit(1))[0];
  if (!debtor) throw apiError.notFound('debtor', debtorId);
  const company = await companyFacts(db, debtor.companyId);
  const rateTables = publishedRates();
  const basis = statutoryInterestBasis(company.country, debtor.kind, rateTables ? { rateTables } : {});
  const open = (await openInvoicesOf(db, debtor.companyId, debtorId)).filter((r) => r.invoice.dueDate < asOf);
  const allocations = await allocationsOf(db, open.map((r) => r.invoice.id));
  let principal = 0;
  let interest = fromCents(0);
  let costs = fromCents(0);
  const lines = open.map(({ invoice }) => {
    principal += invoice.openAmountCents;
    const payments = allocations.filter((a) => a.invoiceId === invoice.id && a.allocatedOn > invoice.dueDate && a.allocatedOn <= asOf);
    const runsFromDue = basis.runsFrom === 'day-after-due-date';
    const result = runsFromDue
      ? lateInterest({
          principal: fromCents(invoice.totalCents - allocations.filter((a) => a.invoiceId === invoice.id && a.allocatedOn <= invoice.dueDate).reduce((s, a) => s + a.amountCents, 0)),
          dueDate: invoice.dueDate,
          until: asOf,
          rateTable: basis.table,
          method: basis.method,
          payments: payments.map((p) => ({ date: p.allocatedOn, amount: fromCents(p.amountCents) })),
        })
      : undefined;
    const cost = debtor.kind === 'business' ? euFixedCompensation() : undefined;
    if (result) interest = interest.plus(result.total);
    if (cost) costs = costs.plus(cost.amount);
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      dueDate: invoice.dueDate,
      open: centsToAmount(invoice.openAmountCents),
      interest: result ? money2(result.total) : '0.00',
      interestSegments: (result?.segments ?? []).map((s) => ({ from: s.from, to: s.to, days: s.days, base: money2(s.base), ratePercent: s.ratePercent, amount: money2(s.amount), unconfirmed: s.unconfirmed })),
      interestNote: runsFromDue ? null : `Interest runs from ${basis.runsFrom.replace(/-/g, ' ')} (${basis.legalBasis}); not included until that date is recorded.`,
      recoveryCost: cost ? money2(cost.amount) : '0.00',
      recoveryCostBasis: cost?.legalBasis ?? null,
    };
  });
  return {
    debtorId,
    debtorName: debtor.name,
    debtorKind: debtor.kind,
    asOf,
    interestBasis: { legalBasis: basis.legalBasis, method: basis.method, runsFrom: basis.runsFrom, source: basis.source },
    lines,
    totals: { principal: centsToAmount(principal), interest: money2(interest), recoveryCosts: money2(costs), total: money2(fromCents(principal).plus(interest).plus(costs)) },
  };
}

/**
 * Invoices whose VAT may be reclaimed (BE art. 77 §1, 7° WBTW; NL art. 29 Wet OB) in a return
 * period, by @fact/core's eligibility rules, judged at the period's last day.
 *
 * @example
 * ```ts
 * await vatReliefList(db, companyId, { from: '2026-01-01', to: '2026-03-31', label: '2026-Q1' }, 'quarterly');
 * ```
 */
export async function vatReliefList(db: Database, companyId: string, period: { from: CalendarDate; to: CalendarDate; label: string }, filing: VatFilingFrequency) {
  const company = await companyFacts(db, companyId);
  const open = await openInvoicesOf(db, companyId);
  const ids = open.map((r) => r.invoice.id);
  const facts = await collectionFacts(db, companyId, ids, period.to);
  const eligible = [];
  const notYet = [];
  for (const { invoice, debtorName } of open) {
    if (invoice.vatCents === 0) continue;
    const result = vatReliefEligibility({
      country: company.country,
      invoiceTotal: fromCents(invoice.totalCents),
      invoiceVat: fromCents(invoice.vatCents),
      paid: fromCents(invoice.totalCents - invoice.openAmountCents),
      dueDate: invoice.dueDate,
      asOf: period.to,
      filing,
      receivableAssigned: facts.assigned.has(invoice.id),
    });
    const base = { invoiceId: invoice.id, number: invoice.number, debtorName, dueDate: invoice.dueDate };
    if (result.status === 'eligible') {
      eligible.push({ ...base, eligibleFrom: result.eligibleFrom, returnPeriod: result.returnPeriod.label, unpaid: money2(result.unpaid), reclaimableVat: money2(result.reclaimableVat), basis: result.basis, unconfirmed: result.unconfirmed, source: result.source, inThisPeriod: result.eligibleFrom >= period.from });
    } else if (result.status === 'not-yet') {
      notYet.push({ ...base, earliestFrom: result.earliestFrom, pending: [...result.pending], reclaimableVat: money2(result.reclaimableVat) });
    }
  }
  const total = eligible.reduce((s, e) => s.plus(e.reclaimableVat), fromCents(0));
  return { period, filing, country: company.country, eligible, notYet, reclaimableVatTotal: money2(total) };
}



import { addDays, fromCents, parseDate, type CalendarDate, type Money } from '@fact/core';
import { sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { DbError } from './errors.js';
import { num } from './rows.js';
import { scopeCompanyIds, type CompanyScope, type Scope } from './scope.js';

/** Receivables figures of one company on a day. */
export interface CompanyKpis {
  companyId: string;
  /** Open invoices minus unused credit notes. */
  outstanding: Money;
  /** Open amount of invoices past their due date. */
  overdue: Money;
  /** overdue ÷ outstanding × 100, two decimals as text ("0.00" when nothing is outstanding). */
  overduePercent: string;
  openInvoices: number;
  /** Sales (invoices issued) in the DSO window. */
  sales: Money;
  /** Days sales outstanding: outstanding ÷ sales × window days; null without sales. */
  dso: number | null;
}

/** The DSO window, in days. */
export const DSO_WINDOW_DAYS = 90;

/**
 * Outstanding, overdue (amount and %), open invoice count and DSO for every company of a scope,
 * in ONE query over the running totals (`receivable_due_totals`: one row per company and due
 * date with something open; `sales_day_totals`: one row per company and issue day), which the
 * invoice triggers keep equal to the invoices. A firm of 200 companies reads a few tens of
 * thousands of small rows instead of every open invoice.
 *
 * @example
 * ```ts
 * const kpis = await companyKpis(db, { firmId, companyIds }, '2025-06-30');
 * ```
 */
export async function companyKpis(ex: Executor, scope: Scope, asOf: CalendarDate): Promise<CompanyKpis[]> {
  parseDate(asOf, 'asOf');
  const ids = scopeCompanyIds(scope);
  if (ids.length === 0) return [];
  const from = addDays(asOf, -DSO_WINDOW_DAYS + 1);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await ex.all<{ company_id: string; outstanding: unknown; overdue: unknown; open_count: unknown; sales: unknown }>(sql`
    select company_id,
           sum(outstanding) as outstanding,
           sum(overdue) as overdue,
           sum(open_count) as open_count,
           sum(sales) as sales
    from (
      select company_id,
             open_cents - credit_cents as outstanding,
             case when due_date < ${asOf} then open_cents else 0 end as overdue,
             open_count,
             0 as sales
      from receivable_due_totals
      where company_id in (${idList})
      union all
      select company_id, 0, 0, 0, sales_cents
      from sales_day_totals
      where company_id in (${idList}) and issue_date >= ${from} and issue_date <= ${asOf}
    ) as figures
    group by company_id`);
  const byId = new Map(rows.map((r) => [r.company_id, r]));
  return ids.map((companyId) => {
    const r = byId.get(companyId);
    const outstanding = num(r?.outstanding);
    const overdue = num(r?.overdue);
    const sales = num(r?.sales);
    return {
      companyId,
      outstanding: fromCents(outstanding),
      overdue: fromCents(overdue),
      overduePercent: outstanding > 0 ? fromCents(overdue).dividedBy(fromCents(outstanding)).times(100).toFixed(2) : '0.00',
      openInvoices: num(r?.open_count),
      sales: fromCents(sales),
      dso: sales > 0 ? Math.round((Math.max(outstanding, 0) / sales) * DSO_WINDOW_DAYS) : null,
    };
  });
}

/** Ageing buckets of one company (ouderdomsanalyse / balance âgée). */
export interface Ageing {
  /** Not yet due. */
  current: Money;
  days1to30: Money;
  days31to60: Money;
  days61to90: Money;
  over90: Money;
  /** Unused credit notes (negative). They are not aged. */
  unusedCredit: Money;
  /** The sum of all buckets, equal to the outstanding balance. */
  total: Money;
}

/**
 * Ages one company's open invoices by days past due on `asOf`, in one query over its running
 * totals per due date (see {@link companyKpis}).
 *
 * @example
 * ```ts
 * const a = await ageing(db, { companyId }, '2025-06-30'); // a.days1to30, a.over90, …
 * ```
 */
export async function ageing(ex: Executor, scope: CompanyScope, asOf: CalendarDate): Promise<Ageing> {
  parseDate(asOf, 'asOf');
  if (!('companyId' in scope)) throw new DbError('NOT_FOUND', 'companyId: ageing is per company', 'companyId');
  const d30 = addDays(asOf, -30);
  const d60 = addDays(asOf, -60);
  const d90 = addDays(asOf, -90);
  const [r] = await ex.all<Record<string, unknown>>(sql`
    select
      sum(case when due_date >= ${asOf} then open_cents else 0 end) as current_cents,
      sum(case when due_date < ${asOf} and due_date >= ${d30} then open_cents else 0 end) as d30,
      sum(case when due_date < ${d30} and due_date >= ${d60} then open_cents else 0 end) as d60,
      sum(case when due_date < ${d60} and due_date >= ${d90} then open_cents else 0 end) as d90,
      sum(case when due_date < ${d90} then open_cents else 0 end) as older,
      sum(-credit_cents) as credit
    from receivable_due_totals
    where company_id = ${scope.companyId}`);
  const m = (k: string) => fromCents(num(r?.[k]));
  const buckets = { current: m('current_cents'), days1to30: m('d30'), days31to60: m('d60'), days61to90: m('d90'), over90: m('older'), unusedCredit: m('credit') };
  const total = Object.values(buckets).reduce((a, b) => a.plus(b), fromCents(0));
  return { ...buckets, total };
}

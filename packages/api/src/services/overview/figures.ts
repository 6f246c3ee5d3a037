// The aggregate half of the firm overview: outstanding, overdue, sales and a data version per
// company, from the running totals that the invoice triggers of @fact/db keep
// (receivable_due_totals, sales_day_totals) plus index seeks. Cheap enough to run on every
// request, whatever the number of invoices.
import { addDays, type CalendarDate } from '@fact/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db.js';

/** The DSO window, in days (the same 90 days as @fact/db's dashboard figures). */
export const OVERVIEW_DSO_DAYS = 90;

/** Aggregates of one company as of a date, in cents. */
export interface CompanyFigures {
  readonly openCents: number;
  readonly creditCents: number;
  readonly overdueCents: number;
  readonly openCount: number;
  readonly salesCents: number;
  /**
   * Changes whenever anything the per-invoice book depends on may have changed: the newest
   * audited change (every API write — invoice edits, payments, debtor edits, imports — is
   * audited with its company), the newest invoice, the number of dunning events (append-only,
   * also when the dunning runner writes them), the company's own version (its dunning policy)
   * and the open receivables (rows, sums and counts of the running totals, which the invoice
   * triggers keep even for writes that bypass the API).
   */
  readonly dataVersion: string;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));

function idList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/**
 * Figures and data versions of companies that share one as-of date: three queries, whatever the
 * number of companies.
 *
 * @example
 * ```ts
 * const figures = await companyFigures(db, [companyId], '2026-11-20');
 * figures.get(companyId)?.overdueCents;
 * ```
 */
export async function companyFigures(db: Database, companyIds: readonly string[], asOf: CalendarDate): Promise<Map<string, CompanyFigures>> {
  const out = new Map<string, CompanyFigures>();
  if (companyIds.length === 0) return out;
  const ids = idList(companyIds);
  const from = addDays(asOf, -OVERVIEW_DSO_DAYS + 1);
  const totals = await db.all<Record<string, unknown>>(sql`
    select company_id, sum(open_cents) as open_cents, sum(credit_cents) as credit_cents,
           sum(case when due_date < ${asOf} then open_cents else 0 end) as overdue,
           sum(open_count) as open_count, count(*) as due_rows
    from receivable_due_totals
    where company_id in (${ids})
    group by company_id`);
  const sales = await db.all<Record<string, unknown>>(sql`
    select company_id, sum(sales_cents) as sales
    from sales_day_totals
    where company_id in (${ids}) and issue_date >= ${from} and issue_date <= ${asOf}
    group by company_id`);
  const versions = await db.all<Record<string, unknown>>(sql`
    select c.id as company_id, c.version as company_version,
           (select i.id from invoices i where i.company_id = c.id order by i.id desc limit 1) as last_invoice,
           (select max(a.at) from audit_log a where a.company_id = c.id) as last_change,
           (select count(*) from dunning_events e where e.company_id = c.id) as events
    from companies c
    where c.id in (${ids})`);
  const totalsOf = new Map(totals.map((r) => [String(r.company_id), r]));
  const salesOf = new Map(sales.map((r) => [String(r.company_id), r.sales]));
  for (const v of versions) {
    const id = String(v.company_id);
    const t = totalsOf.get(id);
    out.set(id, {
      openCents: n(t?.open_cents),
      creditCents: n(t?.credit_cents),
      overdueCents: n(t?.overdue),
      openCount: n(t?.open_count),
      salesCents: n(salesOf.get(id)),
      dataVersion: [v.company_version, v.last_invoice, v.last_change, v.events, t?.due_rows, t?.open_cents, t?.credit_cents, t?.open_count].map(text).join('|'),
    });
  }
  return out;
}

import { parseDate, type CalendarDate } from '@fact/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { DbError } from './errors.js';
import { scopeCompanyIds, type Scope } from './scope.js';

/** A day of the history: the end of `on` is the instant `endsAt` (midnight after it, company time). */
export interface HistoryPoint {
  on: CalendarDate;
  endsAt: Date;
}

/** What the ledger said at the end of one day, in cents. */
export interface OverdueAt {
  on: CalendarDate;
  /** Open invoices due before `on` (what the dashboard calls overdue on that day). */
  overdueCents: number;
  /** Every open invoice on that day (issued by then, not yet settled, cancelled or written off). */
  openCents: number;
  /** What credit notes issued by then still offered (not yet set against an invoice). */
  unusedCreditCents: number;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
function checkPoints(points: readonly HistoryPoint[]): void {
  if (points.length === 0 || points.length > 36) throw new DbError('CONSTRAINT_VIOLATION', 'points: between 1 and 36 days', 'points');
  points.forEach((p, k) => {
    parseDate(p.on, `points[${k}].on`);
    if (k > 0 && p.on <= points[k - 1]!.on) throw new DbError('CONSTRAINT_VIOLATION', `points[${k}].on: the days must increase`, `points[${k}].on`);
  });
}

/**
 * The overdue, open and unused-credit amounts at the end of each of `points` (days in increasing
 * order, at most 36: month ends and today, say), per company, rebuilt from the
 * ledger's history rather than from stored snapshots: an invoice counts from its issue date, is
 * overdue from the day after its due date, and its open amount on a day is its total less the
 * allocations (payments and credit notes) dated on or before that day and not reversed by its
 * end. A cancelled or written-off invoice counts until the end of the day of that change (its
 * last update); drafts never. Credit notes give unused credit from their issue date until they
 * are set against an invoice.
 *
 * Exact in cents. The common case (live invoices and live allocations) is summed by the database
 * per company and point with plain date comparisons; the rare rows whose effect ends at an instant (reversed allocations,
 * cancelled or written-off documents) are read one by one and judged against each point's
 * `endsAt`.
 *
 * @example
 * ```ts
 * const series = await overdueHistory(db, { companyId }, [{ on: '2025-05-31', endsAt: new Date('2025-05-31T22:00:00Z') }]);
 * series.get(companyId)?.[0]?.overdueCents;
 * ```
 */
export async function overdueHistory(ex: Executor, scope: Scope, points: readonly HistoryPoint[]): Promise<Map<string, OverdueAt[]>> {
  checkPoints(points);
  const companyIds = scopeCompanyIds(scope);
  const out = new Map<string, OverdueAt[]>();
  if (companyIds.length === 0) return out;
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const asOf = points[points.length - 1]!.on;
  const pg = ex.dialect === 'pg';
  const later = (x: SQL, y: SQL): SQL => (pg ? sql`greatest(${x}, ${y})` : sql`max(${x}, ${y})`);
  const sumWhen = (name: string, cond: (on: CalendarDate) => SQL, cents: SQL) =>
    sql.join(
      points.map((p, k) => sql`coalesce(sum(case when ${cond(p.on)} then ${cents} end), 0) as ${sql.raw(`${name}${k}`)}`),
      sql`, `,
    );
  const none = (name: string) => sql.raw(points.map((_, k) => `0 as ${name}${k}`).join(', '));

  // The common case, one row per part and company, summed by the database with plain date
  // comparisons: live documents (open or paid now) and their live allocations.
  const live = sql`i.company_id in (${ids}) and i.status in ('open', 'paid') and i.issue_date <= ${asOf}`;
  const settles = sql`a.reversed_at is null and a.allocated_on <= ${asOf}`;
  const common = await ex.all<Record<string, unknown>>(sql`
    select i.company_id, 'invoices' as part, ${sumWhen('o', (on) => sql`i.issue_date <= ${on}`, sql`i.total_cents`)}, ${sumWhen('d', (on) => sql`i.due_date < ${on}`, sql`i.total_cents`)}, ${none('c')}
    from invoices i where ${live} and i.kind = 'invoice' group by i.company_id
    union all
    select i.company_id, 'payments', ${sumWhen('o', (on) => sql`${later(sql`a.allocated_on`, sql`i.issue_date`)} <= ${on}`, sql`a.amount_cents`)}, ${sumWhen('d', (on) => sql`a.allocated_on <= ${on} and i.due_date < ${on}`, sql`a.amount_cents`)}, ${none('c')}
    from invoices i join allocations a on a.invoice_id = i.id and a.company_id = i.company_id
    where ${live} and i.kind = 'invoice' and ${settles} group by i.company_id
    union all
    select i.company_id, 'credits', ${none('o')}, ${none('d')}, ${sumWhen('c', (on) => sql`i.issue_date <= ${on}`, sql`i.total_cents`)}
    from invoices i where ${live} and i.kind = 'credit_note' group by i.company_id
    union all
    select i.company_id, 'creditsUsed', ${none('o')}, ${none('d')}, ${sumWhen('c', (on) => sql`${later(sql`a.allocated_on`, sql`i.issue_date`)} <= ${on}`, sql`a.amount_cents`)}
    from invoices i join allocations a on a.credit_note_id = i.id and a.company_id = i.company_id
    where ${live} and i.kind = 'credit_note' and ${settles} group by i.company_id`);
  const parts = common.map((row) => ({ company: String(row.company_id), part: String(row.part), row }));

  // The rare rows: documents cancelled or written off, and reversed allocations.
  const dead = sql`i.status in ('cancelled', 'written_off')`;
  const docs = await ex.all<{ company_id: string; kind: string; issue_date: string; due_date: string; total_cents: unknown; updated_at: unknown }>(sql`
    select i.company_id, i.kind, i.issue_date, i.due_date, i.total_cents, i.updated_at
    from invoices i where i.company_id in (${ids}) and ${dead} and i.issue_date <= ${asOf}`);
  // Allocations of dead documents, and reversed allocations of live ones (both sides of a
  // credit note's allocation: the invoice it settles and the credit note it uses up).
  const rare = (side: 'invoice_id' | 'credit_note_id', kind: 'invoice' | 'credit_note', which: SQL) => sql`
    select i.company_id, i.kind, i.issue_date, i.due_date, i.status, i.updated_at, a.amount_cents, a.allocated_on, a.reversed_at
    from invoices i join allocations a on a.${sql.raw(side)} = i.id and a.company_id = i.company_id
    where i.company_id in (${ids}) and i.kind = ${kind} and i.issue_date <= ${asOf} and a.allocated_on <= ${asOf} and ${which}`;
  const reversedOfLive = sql`i.status in ('open', 'paid') and a.reversed_at is not null`;
  const allocs = await ex.all<{ company_id: string; kind: string; issue_date: string; due_date: string; status: string; updated_at: unknown; amount_cents: unknown; allocated_on: string; reversed_at: unknown }>(sql`
    ${rare('invoice_id', 'invoice', dead)} union all ${rare('invoice_id', 'invoice', reversedOfLive)}
    union all ${rare('credit_note_id', 'credit_note', dead)} union all ${rare('credit_note_id', 'credit_note', reversedOfLive)}`);

  const series = new Map<string, OverdueAt[]>(companyIds.map((id) => [id, points.map((p) => ({ on: p.on, overdueCents: 0, openCents: 0, unusedCreditCents: 0 }))]));
  for (const { company, part, row } of parts) {
    const s = series.get(company)!;
    const sign = part === 'payments' || part === 'creditsUsed' ? -1 : 1;
    points.forEach((_, k) => {
      s[k]!.openCents += sign * n(row[`o${k}`]);
      s[k]!.overdueCents += sign * n(row[`d${k}`]);
      s[k]!.unusedCreditCents += sign * n(row[`c${k}`]);
    });
  }
  const instant = (v: unknown): number | null => (v === null || v === undefined ? null : v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number(v));
  const aliveAt = (status: string, updatedAt: unknown, p: HistoryPoint) => status === 'open' || status === 'paid' || (instant(updatedAt) ?? 0) >= p.endsAt.getTime();
  for (const d of docs) {
    const s = series.get(String(d.company_id))!;
    points.forEach((p, k) => {
      if (d.issue_date > p.on || !aliveAt('dead', d.updated_at, p)) return;
      const cents = n(d.total_cents);
      if (d.kind === 'credit_note') s[k]!.unusedCreditCents += cents;
      else {
        s[k]!.openCents += cents;
        if (d.due_date < p.on) s[k]!.overdueCents += cents;
      }
    });
  }
  for (const a of allocs) {
    const s = series.get(String(a.company_id))!;
    const reversed = instant(a.reversed_at);
    points.forEach((p, k) => {
      if (a.allocated_on > p.on || a.issue_date > p.on || (reversed !== null && reversed < p.endsAt.getTime()) || !aliveAt(a.status, a.updated_at, p)) return;
      const cents = n(a.amount_cents);
      if (a.kind === 'credit_note') s[k]!.unusedCreditCents -= cents;
      else {
        s[k]!.openCents -= cents;
        if (a.due_date < p.on) s[k]!.overdueCents -= cents;
      }
    });
  }
  for (const [id, s] of series) out.set(id, s);
  return out;
}

import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { CalendarDate } from '@fact/core';
import type { Database } from '../db.js';

/** Receivable figures of one company as of a date. Amounts in cents. */
export interface CompanyKpis {
  openInvoices: number;
  openCents: number;
  overdueInvoices: number;
  overdueCents: number;
  openDisputes: number;
}

/**
 * Open and overdue totals per company in two grouped queries (a dashboard of two hundred
 * companies is one round trip per figure, not per company).
 *
 * @example
 * ```ts
 * const kpis = await companyKpis(db, [companyId], '2025-03-15');
 * ```
 */
export async function companyKpis(db: Database, companyIds: string[], asOf: Map<string, CalendarDate>): Promise<Map<string, CompanyKpis>> {
  const result = new Map<string, CompanyKpis>(
    companyIds.map((id) => [id, { openInvoices: 0, openCents: 0, overdueInvoices: 0, overdueCents: 0, openDisputes: 0 }]),
  );
  if (companyIds.length === 0) return result;
  const i = db.tables.invoices;
  const open = and(inArray(i.companyId, companyIds), eq(i.status, 'open'), eq(i.kind, 'invoice'));
  const totals = await db.db
    .select({ companyId: i.companyId, n: sql<number>`count(*)`, cents: sql<string>`coalesce(sum(${i.openAmountCents}), 0)` })
    .from(i)
    .where(open)
    .groupBy(i.companyId);
  for (const row of totals) {
    const k = result.get(row.companyId);
    if (k) Object.assign(k, { openInvoices: Number(row.n), openCents: Number(row.cents) });
  }
  // Overdue depends on each company's own "today"; group the companies by it.
  const byDate = new Map<CalendarDate, string[]>();
  for (const id of companyIds) {
    const d = asOf.get(id);
    if (d) byDate.set(d, [...(byDate.get(d) ?? []), id]);
  }
  for (const [date, ids] of byDate) {
    const overdue = await db.db
      .select({ companyId: i.companyId, n: sql<number>`count(*)`, cents: sql<string>`coalesce(sum(${i.openAmountCents}), 0)` })
      .from(i)
      .where(and(inArray(i.companyId, ids), eq(i.status, 'open'), eq(i.kind, 'invoice'), lt(i.dueDate, date), sql`${i.openAmountCents} > 0`))
      .groupBy(i.companyId);
    for (const row of overdue) {
      const k = result.get(row.companyId);
      if (k) Object.assign(k, { overdueInvoices: Number(row.n), overdueCents: Number(row.cents) });
    }
  }
  const d = db.tables.disputes;
  const disputes = await db.db
    .select({ companyId: d.companyId, n: sql<number>`count(*)` })
    .from(d)
    .where(and(inArray(d.companyId, companyIds), eq(d.status, 'open')))
    .groupBy(d.companyId);
  for (const row of disputes) {
    const k = result.get(row.companyId);
    if (k) k.openDisputes = Number(row.n);
  }
  return result;
}

import { addDays, fromCents, type CalendarDate } from '@fact/core';
import { overdueHistory, type OverdueAt } from '@fact/db';
import { endOfLocalDay } from '../../clock/local-date.js';
import type { Database } from '../../db.js';
import { companyFigures } from './figures.js';

/** How many points the trend has: the ends of the last eleven months and the as-of date. */
export const TREND_POINTS = 12;

/**
 * The days of the overdue trend: the last day of each of the eleven months before `asOf`'s
 * month, then `asOf` itself (which is the twelfth month end when it is one).
 *
 * @example
 * ```ts
 * trendDays('2025-03-15'); // ['2024-04-30', '2024-05-31', …, '2025-02-28', '2025-03-15']
 * ```
 */
export function trendDays(asOf: CalendarDate, points = TREND_POINTS): CalendarDate[] {
  const days: CalendarDate[] = [asOf];
  let firstOfMonth = `${asOf.slice(0, 8)}01`;
  while (days.length < points) {
    const end = addDays(firstOfMonth, -1);
    days.unshift(end);
    firstOfMonth = `${end.slice(0, 8)}01`;
  }
  return days;
}

/** A company whose trend is asked for. */
export interface TrendCompany {
  readonly id: string;
  readonly firmId: string;
  readonly timeZone: string;
  readonly asOf: CalendarDate;
}

interface Entry {
  readonly key: string;
  readonly series: readonly OverdueAt[];
}

// One cache per database handle, one entry per company (the latest as-of date wins). The series
// is rebuilt when the company's data version changes: any write that moves money or changes an
// invoice changes it (see CompanyFigures.dataVersion), back-dated payments included.
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * The overdue trend of each company: overdue, open and unused credit at the end of each of
 * {@link trendDays}, from the ledger's history (`overdueHistory` of @fact/db). Companies whose
 * data did not change since the last call come from a cache; the others are computed in one
 * query per as-of date, time zone and firm.
 *
 * @example
 * ```ts
 * const trends = await overdueTrends(db, [{ id: companyId, firmId, timeZone: 'Europe/Brussels', asOf: '2025-03-15' }]);
 * ```
 */
export async function overdueTrends(db: Database, companies: readonly TrendCompany[]): Promise<Map<string, readonly OverdueAt[]>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const out = new Map<string, readonly OverdueAt[]>();
  const missing = new Map<string, { asOf: CalendarDate; timeZone: string; firmId: string; items: { id: string; key: string }[] }>();
  for (const [asOf, group] of groupBy(companies, (c) => c.asOf)) {
    const figures = await companyFigures(
      db,
      group.map((c) => c.id),
      asOf,
    );
    for (const c of group) {
      const key = `${asOf}|${figures.get(c.id)?.dataVersion ?? ''}`;
      const hit = cache.get(c.id);
      if (hit?.key === key) {
        out.set(c.id, hit.series);
        continue;
      }
      const slot = `${asOf}|${c.timeZone}|${c.firmId}`;
      const m = missing.get(slot) ?? { asOf, timeZone: c.timeZone, firmId: c.firmId, items: [] };
      m.items.push({ id: c.id, key });
      missing.set(slot, m);
    }
  }
  for (const m of missing.values()) {
    const points = trendDays(m.asOf).map((on) => ({ on, endsAt: endOfLocalDay(on, m.timeZone) }));
    const series = await overdueHistory(db, { firmId: m.firmId, companyIds: m.items.map((i) => i.id) }, points);
    for (const i of m.items) {
      const s = series.get(i.id) ?? [];
      cache.set(i.id, { key: i.key, series: s });
      out.set(i.id, s);
    }
  }
  return out;
}

/** Forgets the cached trends of a database handle (benchmarks: a cold call). */
export function clearTrendCache(db: Database): void {
  caches.delete(db);
}

/**
 * overdue ÷ outstanding (open invoices − unused credit) × 100, two decimals, or null when
 * nothing is outstanding.
 *
 * @example
 * ```ts
 * overdueShare({ on: '2025-01-31', overdueCents: 250, openCents: 1100, unusedCreditCents: 100 }); // "25.00"
 * ```
 */
export function overdueShare(p: OverdueAt): string | null {
  const outstanding = p.openCents - p.unusedCreditCents;
  return outstanding > 0 ? fromCents(p.overdueCents).dividedBy(fromCents(outstanding)).times(100).toFixed(2) : null;
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k) ?? [];
    list.push(t);
    m.set(k, list);
  }
  return m;
}

import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { localDate } from '../clock/local-date.js';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { overdueShare, overdueTrends, type TrendCompany } from '../services/overview/overdue-trend.js';
import type { OverdueAt } from '@fact/db';

/** One point of the trend as the API gives it. */
export const trendPointOutput = z.object({
  on: z.string(),
  overdue: amountOutput,
  outstanding: amountOutput,
  /** overdue ÷ outstanding × 100, two decimals; null when nothing is outstanding. */
  overduePercent: z.string().nullable(),
});

export const trendOutput = z.object({ asOf: z.string(), points: z.array(trendPointOutput) });

function point(p: OverdueAt): z.infer<typeof trendPointOutput> {
  return { on: p.on, overdue: centsToAmount(p.overdueCents), outstanding: centsToAmount(p.openCents - p.unusedCreditCents), overduePercent: overdueShare(p) };
}

/** Sums the series of several companies point by point (they share the same days). */
function sumSeries(all: readonly (readonly OverdueAt[])[], days: readonly string[]): OverdueAt[] {
  return days.map((on, k) => {
    let overdueCents = 0;
    let openCents = 0;
    let unusedCreditCents = 0;
    for (const s of all) {
      overdueCents += s[k]?.overdueCents ?? 0;
      openCents += s[k]?.openCents ?? 0;
      unusedCreditCents += s[k]?.unusedCreditCents ?? 0;
    }
    return { on, overdueCents, openCents, unusedCreditCents };
  });
}

/**
 * The trend of companies (already checked visible) as of one date, summed: the firm's, or one company's.
 *
 * @example
 * ```ts
 * const trend = await trendOf(ctx, ['0190…'], '2025-03-15');
 * ```
 */
export async function trendOf(ctx: Pick<Context, 'db' | 'clock'>, companyIds: readonly string[], asOf?: string): Promise<z.infer<typeof trendOutput>> {
  const c = ctx.db.tables.companies;
  const rows = companyIds.length
    ? await ctx.db.db.select({ id: c.id, firmId: c.firmId, timeZone: c.timeZone }).from(c).where(inArray(c.id, [...companyIds])).orderBy(asc(c.id))
    : [];
  const now = ctx.clock();
  // Without an explicit date every company is judged on its local today; the firm's points are
  // those of its first company (Belgian and Dutch companies share one calendar day).
  const day = asOf ?? (rows[0] ? localDate(now, rows[0].timeZone) : localDate(now, 'Europe/Brussels'));
  const companies: TrendCompany[] = rows.map((r) => ({ id: r.id, firmId: r.firmId, timeZone: r.timeZone, asOf: day }));
  const trends = await overdueTrends(ctx.db, companies);
  const first = trends.values().next().value;
  const days = first ? first.map((p) => p.on) : [];
  return { asOf: day, points: sumSeries([...trends.values()], days).map(point) };
}

/** `reports.overdueTrend`: one company's overdue at each of the last twelve month ends. */
export async function companyTrend(ctx: Pick<Context, 'db' | 'clock'>, companyId: string, asOf?: string): Promise<z.infer<typeof trendOutput>> {
  const c = ctx.db.tables.companies;
  const [row] = await ctx.db.db.select({ id: c.id }).from(c).where(eq(c.id, companyId)).limit(1);
  if (!row) throw apiError.notFound('company', companyId);
  return trendOf(ctx, [companyId], asOf);
}

export const trendInput = z.object({ asOf: calendarDateInput.optional() });
export const companyTrendInput = z.object({ companyId: recordId, asOf: calendarDateInput.optional() });

import type { CalendarDate } from '@fact/core';
import { eq } from 'drizzle-orm';
import { localDate } from '../clock/local-date.js';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';

/**
 * "Today" for a company: the injected clock's instant, as a date in the company's time zone
 * (Europe/Brussels, Europe/Amsterdam). An explicit as-of date wins.
 *
 * @example
 * ```ts
 * const asOf = await companyToday(ctx, companyId, input.asOf);
 * ```
 */
export async function companyToday(ctx: Pick<Context, 'db' | 'clock'>, companyId: string, explicit?: CalendarDate): Promise<CalendarDate> {
  if (explicit) return explicit;
  const c = ctx.db.tables.companies;
  const rows = await ctx.db.db.select({ timeZone: c.timeZone }).from(c).where(eq(c.id, companyId)).limit(1);
  const row = rows[0];
  if (!row) throw apiError.notFound('company', companyId);
  return localDate(ctx.clock(), row.timeZone);
}

import { vatReturnPeriod } from '@fact/core';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { amountOutput } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { ageingReport, claimStatement, dsoReport, topOverdueDebtors, vatReliefList } from '../services/reports.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { companyTrend, companyTrendInput, trendOutput } from './overdue-trend.js';

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** Reads "2026-02" (a month) or "2026-Q1" (a quarter). */
function parsePeriod(text: string) {
  const m = PERIOD.exec(text);
  if (!m) throw apiError.badInput('period', `"${text}" is not a VAT return period: write 2026-02 for a month or 2026-Q1 for a quarter`, { code: 'VAT_PERIOD' });
  const [, year, month, quarter] = m;
  if (month) return vatReturnPeriod(`${year}-${month}-01`, 'monthly', 'period');
  const first = String((Number(quarter) - 1) * 3 + 1).padStart(2, '0');
  return vatReturnPeriod(`${year}-${first}-01`, 'quarterly', 'period');
}

/** Receivable reports: ageing, DSO, top overdue debtors, claim statement, VAT bad-debt relief. */
export const reportsRouter = router({
  ageing: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'GET', path: '/companies/{companyId}/reports/ageing', tags: ['reports'], summary: 'Open invoices by days past due' } })
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional() }))
    .output(
      z.object({
        asOf: z.string(),
        buckets: z.array(z.object({ label: z.string(), fromDays: z.number().nullable(), toDays: z.number().nullable(), amount: amountOutput, count: z.number() })),
        total: amountOutput,
      }),
    )
    .query(async ({ ctx, input }) => ageingReport(ctx.db, input.companyId, await companyToday(ctx, input.companyId, input.asOf))),

  /** Overdue and outstanding at the end of each of the last eleven months and on `asOf` (default: today). */
  overdueTrend: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'GET', path: '/companies/{companyId}/reports/overdue-trend', tags: ['reports'], summary: 'Overdue at each of the last twelve month ends' } })
    .input(companyTrendInput)
    .output(trendOutput)
    .query(({ ctx, input }) => companyTrend(ctx, input.companyId, input.asOf)),

  dso: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional(), periodDays: z.number().int().min(1).max(3660).default(90) }))
    .query(async ({ ctx, input }) => dsoReport(ctx.db, input.companyId, await companyToday(ctx, input.companyId, input.asOf), input.periodDays)),

  topOverdue: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional(), limit: z.number().int().min(1).max(100).default(10) }))
    .query(async ({ ctx, input }) => topOverdueDebtors(ctx.db, input.companyId, await companyToday(ctx, input.companyId, input.asOf), input.limit)),

  claimStatement: companyProcedure(...MANAGERS)
    .input(z.object({ debtorId: recordId, asOf: calendarDateInput }))
    .query(({ ctx, input }) => claimStatement(ctx.db, input.debtorId, input.asOf)),

  vatRelief: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, period: z.string().trim().max(10) }))
    .query(({ ctx, input }) => {
      const period = parsePeriod(input.period);
      return vatReliefList(ctx.db, input.companyId, { from: period.from, to: period.to, label: period.label }, period.frequency);
    }),
});

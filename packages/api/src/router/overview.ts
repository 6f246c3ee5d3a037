import type { Country } from '@fact/core';
import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { localDate } from '../clock/local-date.js';
import { calendarDateInput } from '../schemas/date.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { firmOverview, overduePercent } from '../services/overview/firm-overview.js';
import { firmProcedure, router } from '../trpc.js';
import { trendInput, trendOf, trendOutput } from './overdue-trend.js';

const companyLine = z.object({
  companyId: z.string(),
  legalName: z.string(),
  country: z.string(),
  asOf: z.string(),
  outstanding: amountOutput,
  openInvoicesAmount: amountOutput,
  unusedCredit: amountOutput,
  openInvoices: z.number(),
  overdue: amountOutput,
  overduePercent: z.string().nullable(),
  dso: z.string().nullable(),
  remindersDue: z.number(),
  reclaimableVat: amountOutput,
});

/** The accountant's firm dashboard in one call. */
export const overviewRouter = router({
  /**
   * Per visible company (accountant role): outstanding, overdue (amount and %), DSO (90 days),
   * reminders due today under the company's dunning policy (paused follow-up excluded) and VAT
   * reclaimable now; plus firm totals. `asOf` defaults to each company's local today.
   */
  firm: firmProcedure
    .meta({ openapi: { method: 'GET', path: '/overview/firm', tags: ['overview'], summary: 'Firm dashboard: receivable figures of every company' } })
    .input(z.object({ asOf: calendarDateInput.optional() }).optional())
    .output(
      z.object({
        companies: z.array(companyLine),
        totals: z.object({ outstanding: amountOutput, overdue: amountOutput, overduePercent: z.string().nullable(), remindersDue: z.number(), reclaimableVat: amountOutput }),
      }),
    )
    .query(async ({ ctx, input }) => {
      const visible = (await ctx.access.visibleCompanies()).filter((c) => c.roles.includes('accountant')).map((c) => c.companyId);
      const c = ctx.db.tables.companies;
      const rows = visible.length
        ? await ctx.db.db
            .select({ id: c.id, legalName: c.legalName, country: c.country, timeZone: c.timeZone, dunningPolicy: c.dunningPolicy })
            .from(c)
            .where(inArray(c.id, visible))
            .orderBy(asc(c.legalName), asc(c.id))
        : [];
      const now = ctx.clock();
      const { lines } = await firmOverview(
        ctx.db,
        rows.map((r) => ({ id: r.id, legalName: r.legalName, country: r.country as Country, dunningPolicy: r.dunningPolicy ?? null, asOf: input?.asOf ?? localDate(now, r.timeZone) })),
      );
      let outstanding = 0;
      let open = 0;
      let overdue = 0;
      let reminders = 0;
      let vat = 0;
      for (const l of lines) {
        outstanding += l.outstandingCents;
        open += l.openInvoiceCents;
        overdue += l.overdueCents;
        reminders += l.remindersDue;
        vat += l.reclaimableVatCents;
      }
      return {
        companies: lines.map((l) => ({
          companyId: l.companyId,
          legalName: l.legalName,
          country: l.country,
          asOf: l.asOf,
          outstanding: centsToAmount(l.outstandingCents),
          openInvoicesAmount: centsToAmount(l.openInvoiceCents),
          unusedCredit: centsToAmount(l.unusedCreditCents),
          openInvoices: l.openInvoices,
          overdue: centsToAmount(l.overdueCents),
          overduePercent: l.overduePercent,
          dso: l.dso,
          remindersDue: l.remindersDue,
          reclaimableVat: centsToAmount(l.reclaimableVatCents),
        })),
        totals: {
          outstanding: centsToAmount(outstanding),
          overdue: centsToAmount(overdue),
          overduePercent: overduePercent(overdue, open),
          remindersDue: reminders,
          reclaimableVat: centsToAmount(vat),
        },
      };
    }),

  /**
   * The firm's overdue trend: overdue and outstanding (amount, % overdue) at the end of each of
   * the last eleven months and on `asOf` (default: today), summed over the companies the caller
   * follows as accountant, rebuilt from the ledger's history.
   */
  trend: firmProcedure
    .meta({ openapi: { method: 'GET', path: '/overview/trend', tags: ['overview'], summary: 'Firm overdue trend over the last twelve month ends' } })
    .input(trendInput.optional())
    .output(trendOutput)
    .query(async ({ ctx, input }) => {
      const visible = (await ctx.access.visibleCompanies()).filter((c) => c.roles.includes('accountant')).map((c) => c.companyId);
      return trendOf(ctx, visible, input?.asOf);
    }),
});

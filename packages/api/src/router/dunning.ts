import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { localDate } from '../clock/local-date.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { centsToAmount } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { companyDunningPlan } from '../services/dunning.js';
import { companyProcedure, firmProcedure, MANAGERS, router } from '../trpc.js';

/** Dunning: what the planner proposes (per company or over the whole firm) and what was done. */
export const dunningRouter = router({
  preview: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional() }))
    .query(async ({ ctx, input }) => {
      const asOf = await companyToday(ctx, input.companyId, input.asOf);
      const plans = await companyDunningPlan(ctx.db, input.companyId, asOf);
      return { companyId: input.companyId, asOf, actions: plans.flatMap((p) => p.actions), skipped: plans.flatMap((p) => p.skipped) };
    }),

  /** The firm-wide follow-up queue: every company's plan, each as of its own local date. */
  firmPreview: firmProcedure.input(z.object({ asOf: calendarDateInput.optional() }).optional()).query(async ({ ctx, input }) => {
    const visible = (await ctx.access.visibleCompanies()).filter((c) => c.roles.includes('accountant')).map((c) => c.companyId);
    if (visible.length === 0) return [];
    const c = ctx.db.tables.companies;
    const companies = await ctx.db.db.select({ id: c.id, legalName: c.legalName, timeZone: c.timeZone }).from(c).where(inArray(c.id, visible));
    const now = ctx.clock();
    const result = [];
    for (const company of companies) {
      const asOf = input?.asOf ?? localDate(now, company.timeZone);
      const plans = await companyDunningPlan(ctx.db, company.id, asOf);
      const actions = plans.flatMap((p) => p.actions);
      if (actions.length > 0) result.push({ companyId: company.id, legalName: company.legalName, asOf, actions });
    }
    return result;
  }),

  history: companyProcedure(...MANAGERS)
    .input(
      z
        .object({ companyId: recordId.optional(), debtorId: recordId.optional(), invoiceId: recordId.optional(), limit: z.number().int().min(1).max(500).default(100) })
        .refine((v) => [v.companyId, v.debtorId, v.invoiceId].filter(Boolean).length === 1, { message: 'give exactly one of companyId, debtorId or invoiceId', path: ['companyId'] }),
    )
    .query(async ({ ctx, input }) => {
      const e = ctx.db.tables.dunningEvents;
      const where = input.companyId ? eq(e.companyId, input.companyId) : input.debtorId ? eq(e.debtorId, input.debtorId) : eq(e.invoiceId, input.invoiceId!);
      const rows = await ctx.db.db.select().from(e).where(and(where)).orderBy(desc(e.occurredOn), desc(e.id)).limit(input.limit);
      return rows.map((r) => ({
        id: r.id,
        debtorId: r.debtorId,
        invoiceId: r.invoiceId ?? null,
        level: r.level,
        action: r.action,
        channel: r.channel,
        occurredOn: r.occurredOn,
        interest: centsToAmount(r.interestCents),
        fees: centsToAmount(r.feesCents),
        explanation: r.explanation ?? null,
        documentId: r.documentId ?? null,
      }));
    }),
});

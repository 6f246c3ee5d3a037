import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { localDate } from '../clock/local-date.js';
import { centsToAmount } from '../schemas/money.js';
import { amountOutput } from '../schemas/money.js';
import { companyKpis } from '../services/kpis.js';
import { firmProcedure, router } from '../trpc.js';

const companyWithKpis = z.object({
  id: z.string(),
  firmId: z.string(),
  legalName: z.string(),
  country: z.string(),
  asOf: z.string(),
  openInvoices: z.number(),
  openAmount: amountOutput,
  overdueInvoices: z.number(),
  overdueAmount: amountOutput,
  openDisputes: z.number(),
});

/** The accountant's cockpit: every company of the firm with its receivable figures. */
export const firmRouter = router({
  companies: firmProcedure
    .meta({ openapi: { method: 'GET', path: '/firm/companies', tags: ['firm'], summary: "The firm's companies with open and overdue totals" } })
    .input(z.object({ search: z.string().trim().max(100).optional() }).optional())
    .output(z.array(companyWithKpis))
    .query(async ({ ctx, input }) => {
      const visible = (await ctx.access.visibleCompanies()).filter((c) => c.roles.includes('accountant')).map((c) => c.companyId);
      if (visible.length === 0) return [];
      const c = ctx.db.tables.companies;
      let rows = await ctx.db.db
        .select({ id: c.id, firmId: c.firmId, legalName: c.legalName, country: c.country, timeZone: c.timeZone })
        .from(c)
        .where(inArray(c.id, visible))
        .orderBy(asc(c.legalName));
      const search = input?.search?.toLowerCase();
      if (search) rows = rows.filter((r) => r.legalName.toLowerCase().includes(search));
      const now = ctx.clock();
      const asOf = new Map(rows.map((r) => [r.id, localDate(now, r.timeZone)]));
      const kpis = await companyKpis(ctx.db, rows.map((r) => r.id), asOf);
      return rows.map((r) => {
        const k = kpis.get(r.id)!;
        return {
          id: r.id,
          firmId: r.firmId,
          legalName: r.legalName,
          country: r.country,
          asOf: asOf.get(r.id)!,
          openInvoices: k.openInvoices,
          openAmount: centsToAmount(k.openCents),
          overdueInvoices: k.overdueInvoices,
          overdueAmount: centsToAmount(k.overdueCents),
          openDisputes: k.openDisputes,
        };
      });
    }),
});

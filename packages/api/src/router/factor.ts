import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordId } from '../schemas/ids.js';
import { companyToday } from '../services/as-of.js';
import { invoiceView } from '../services/invoice-view.js';
import { factorProcedure, router } from '../trpc.js';

/** What a factor's users see: the invoices a company has offered or assigned to the factor. */
export const factorRouter = router({
  invoices: factorProcedure.input(z.object({ companyId: recordId })).query(async ({ ctx, input }) => {
    const a = ctx.db.tables.factoringAssignments;
    const i = ctx.db.tables.invoices;
    const rows = await ctx.db.db
      .select({ invoice: i, status: a.status, assignedOn: a.assignedOn, notifiedOn: a.notifiedOn, batchId: a.batchId })
      .from(a)
      .innerJoin(i, eq(i.id, a.invoiceId))
      .where(and(eq(a.companyId, input.companyId), inArray(a.status, ['proposed', 'assigned', 'repurchased', 'settled'])))
      .orderBy(asc(i.dueDate), asc(i.id));
    const asOf = await companyToday(ctx, input.companyId);
    return rows.map((r) => ({ ...invoiceView(r.invoice, asOf), assignment: { status: r.status, assignedOn: r.assignedOn ?? null, notifiedOn: r.notifiedOn ?? null, batchId: r.batchId } }));
  }),
});

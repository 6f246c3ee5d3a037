import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordId } from '../schemas/ids.js';
import { centsToAmount } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { invoiceView } from '../services/invoice-view.js';
import { factorProcedure, router, scopedProcedure } from '../trpc.js';

/** Assignment statuses under which an invoice is addressed to the factor (as in authz/db-access.ts). */
const FACTOR_VISIBLE = ['proposed', 'assigned', 'repurchased', 'settled'] as const;

/** What a factor's users see: the batches addressed to their factor, and those batches' invoices. */
export const factorRouter = router({
  /** Every batch addressed to the caller's factors, newest first, with the seller's name. */
  batches: scopedProcedure('factor').query(async ({ ctx }) => {
    const mine = await ctx.access.factorIds();
    if (mine.length === 0) return [];
    const b = ctx.db.tables.factoringBatches;
    const c = ctx.db.tables.companies;
    const rows = await ctx.db.db
      .select({ batch: b, seller: c.legalName })
      .from(b)
      .innerJoin(c, eq(c.id, b.companyId))
      .where(inArray(b.factorId, mine))
      .orderBy(desc(b.createdOn), desc(b.id));
    return rows.map(({ batch, seller }) => ({
      batchId: batch.id,
      companyId: batch.companyId,
      seller,
      reference: batch.reference,
      factorName: batch.factorName,
      status: batch.status,
      createdOn: batch.createdOn,
      total: centsToAmount(batch.totalCents),
      hasPackage: batch.documentId !== null,
    }));
  }),

  /** The company's invoices in batches addressed to the caller's factors. */
  invoices: factorProcedure.input(z.object({ companyId: recordId })).query(async ({ ctx, input }) => {
    const mine = await ctx.access.factorIds();
    const a = ctx.db.tables.factoringAssignments;
    const b = ctx.db.tables.factoringBatches;
    const i = ctx.db.tables.invoices;
    if (mine.length === 0) return [];
    const rows = await ctx.db.db
      .select({ invoice: i, status: a.status, assignedOn: a.assignedOn, notifiedOn: a.notifiedOn, batchId: a.batchId })
      .from(a)
      .innerJoin(b, eq(b.id, a.batchId))
      .innerJoin(i, eq(i.id, a.invoiceId))
      .where(and(eq(a.companyId, input.companyId), inArray(b.factorId, mine), inArray(a.status, [...FACTOR_VISIBLE])))
      .orderBy(asc(i.dueDate), asc(i.id));
    const asOf = await companyToday(ctx, input.companyId);
    return rows.map((r) => ({ ...invoiceView(r.invoice, asOf), assignment: { status: r.status, assignedOn: r.assignedOn ?? null, notifiedOn: r.notifiedOn ?? null, batchId: r.batchId } }));
  }),
});

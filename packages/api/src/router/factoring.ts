import { z } from 'zod';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { nonNegativeAmountInput } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { factoringRepurchase, factoringSettlement } from '../services/factoring/after-sale.js';
import { batchDetail, downloadPackage, listBatches, type BatchViewer } from '../services/factoring/batches.js';
import { createFactoringPackageBatch } from '../services/factoring/create-batch.js';
import { deliverBatch } from '../services/factoring/deliveries.js';
import { factoringPreview } from '../services/factoring/preview.js';
import type { Context } from '../context.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { BATCH_READERS, factorsRouter, keysRouter, profileId, profilesRouter, sellerRouter } from './factoring-setup.js';

/** Open payables to debtors that are also suppliers (set-off / CONTRA); without it the whole balance is assumed. */
const payables = z
  .array(z.object({ debtorId: recordId, amount: nonNegativeAmountInput }))
  .max(10_000)
  .default([])
  .transform((list) => new Map(list.map((p) => [p.debtorId.toLowerCase(), p.amount])));

/** A manager sees the company's batches; a factor's user those addressed to their factor. */
async function viewerOf(ctx: Context): Promise<BatchViewer> {
  if (ctx.roles?.some((r) => MANAGERS.includes(r))) return { kind: 'manager' };
  return { kind: 'factor', factorIds: await ctx.access.factorIds() };
}

/** What delivering needs from the context. */
function deliveryEnv(ctx: Context) {
  return { db: ctx.db, documents: ctx.documents, clock: ctx.clock, keySecret: ctx.settings.keySecret, pushCa: ctx.settings.pushCa, allowPrivateTargets: ctx.settings.pushAllowPrivate === true, outboxDir: ctx.settings.factoringOutboxDir };
}

/**
 * Factoring (other-systems.md §3): factor profiles, the eligibility preview, selling a selection
 * as a signed package, the batches sold and their delivery, and what follows (settlement, repurchase).
 */
export const factoringRouter = router({
  profiles: profilesRouter,
  factors: factorsRouter,
  seller: sellerRouter,
  publicKey: keysRouter.publicKey,
  publicKeys: keysRouter.publicKeys,
  rotateKey: keysRouter.rotateKey,

  preview: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId, asOf: calendarDateInput.optional(), payables }))
    .query(async ({ ctx, input }) => {
      const asOf = await companyToday(ctx, input.companyId, input.asOf);
      return factoringPreview(ctx.db, input.companyId, input.profileId, asOf, input.payables);
    }),

  /** Sells the selection: the signed package is stored and the batch addressed to the profile's factor. */
  createBatch: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        profileId,
        invoiceIds: z.array(recordId).min(1, 'select at least one invoice').max(10_000).meta({ description: 'The selection to sell (after the preview)' }),
        asOf: calendarDateInput.optional(),
        payables,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const asOf = await companyToday(ctx, input.companyId, input.asOf);
      return createFactoringPackageBatch(
        { db: ctx.db, documents: ctx.documents, userId: ctx.user.id, now: ctx.clock(), keySecret: ctx.settings.keySecret },
        { companyId: input.companyId, profileId: input.profileId, invoiceIds: input.invoiceIds, asOf, payables: input.payables },
      );
    }),

  /**
   * Hands the package to the factor now (its HTTPS endpoint, else the server's delivery folder),
   * retried a few times; what still fails is retried later by `fact-factoring deliveries-retry`.
   * Delivered before: nothing is sent again.
   */
  deliver: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, batchId: recordId }))
    .mutation(async ({ ctx, input }) => deliverBatch(deliveryEnv(ctx), input.companyId, input.batchId)),

  batches: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => listBatches(ctx.db, input.companyId, await viewerOf(ctx))),

  batch: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId, batchId: recordId }))
    .query(async ({ ctx, input }) => batchDetail(ctx.db, ctx.documents, input.companyId, input.batchId, await viewerOf(ctx))),

  download: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId, batchId: recordId }))
    .query(async ({ ctx, input }) => downloadPackage(ctx.db, ctx.documents, input.companyId, input.batchId, await viewerOf(ctx))),

  settlement: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId }))
    .query(async ({ ctx, input }) => factoringSettlement(ctx.db, ctx.documents, input.companyId, input.profileId)),

  repurchase: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId, asOf: calendarDateInput.optional() }))
    .query(async ({ ctx, input }) => factoringRepurchase(ctx.db, ctx.documents, input.companyId, input.profileId, await companyToday(ctx, input.companyId, input.asOf))),
});

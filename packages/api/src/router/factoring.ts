import { z } from 'zod';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { nonNegativeAmountInput } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { appendAudit } from '../services/audit.js';
import { factoringRepurchase, factoringSettlement } from '../services/factoring/after-sale.js';
import { batchDetail, downloadPackage, listBatches, type BatchViewer } from '../services/factoring/batches.js';
import { createFactoringPackageBatch } from '../services/factoring/create-batch.js';
import { factoringPreview } from '../services/factoring/preview.js';
import { firmOfCompany, listProfiles, loadProfile, profileView, saveProfile } from '../services/factoring/profiles.js';
import { readFirmPublicKey, readSeller, writeSeller } from '../services/factoring/storage.js';
import type { Role } from '../auth/user.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

/** Those who see batches: the managers, and the factor's users for batches addressed to it. */
const BATCH_READERS: Role[] = [...MANAGERS, 'factor'];

const profileId = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/, 'a factor profile id: letters, digits, ".", "_" and "-"')
  .meta({ description: 'Id of a factor profile of the firm', example: 'acme-2025' });

/** Open payables to debtors that are also suppliers (set-off / CONTRA); without it the whole balance is assumed. */
const payables = z
  .array(z.object({ debtorId: recordId, amount: nonNegativeAmountInput }))
  .max(10_000)
  .default([])
  .transform((list) => new Map(list.map((p) => [p.debtorId.toLowerCase(), p.amount])));

const text = (max: number) => z.string().trim().min(1).max(max);

function viewerOf(roles: readonly Role[] | undefined): BatchViewer {
  return roles?.some((r) => MANAGERS.includes(r)) ? 'manager' : 'factor';
}

/**
 * Factoring (other-systems.md §3): factor profiles, the eligibility preview, selling a selection
 * as a signed package, the batches sold, and what follows (settlement, repurchase).
 */
export const factoringRouter = router({
  profiles: router({
    list: companyProcedure(...MANAGERS)
      .input(z.object({ companyId: recordId }))
      .query(async ({ ctx, input }) => listProfiles(await firmOfCompany(ctx.db, input.companyId))),

    get: companyProcedure(...MANAGERS)
      .input(z.object({ companyId: recordId, profileId }))
      .query(async ({ ctx, input }) => {
        const { profile, json } = await loadProfile(await firmOfCompany(ctx.db, input.companyId), input.profileId);
        return profileView(profile, json);
      }),

    /** Profiles are the firm's (one factor's terms for all its clients): accountants only. */
    save: companyProcedure('accountant')
      .input(z.object({ companyId: recordId, profile: z.record(z.string(), z.unknown()).meta({ description: 'A factor profile (format version 1) as JSON' }) }))
      .mutation(async ({ ctx, input }) => {
        const firmId = await firmOfCompany(ctx.db, input.companyId);
        const saved = await saveProfile(firmId, input.profile);
        await ctx.db.transaction((tx) =>
          appendAudit(tx, { companyId: input.companyId, firmId, actorUserId: ctx.user.id, action: 'factoring.profile.save', entityType: 'factor_profile', entityId: saved.id, at: ctx.clock(), after: input.profile }),
        );
        return saved;
      }),
  }),

  /** The seller's postal address on the notices of assignment (companies have no address column yet). */
  seller: router({
    get: companyProcedure(...MANAGERS)
      .input(z.object({ companyId: recordId }))
      .query(async ({ ctx, input }) => readSeller(await firmOfCompany(ctx.db, input.companyId), input.companyId)),
    save: companyProcedure(...MANAGERS)
      .input(z.object({ companyId: recordId, street: text(200), postalCode: text(20), city: text(100), email: z.email().max(200).optional() }))
      .mutation(async ({ ctx, input }) => {
        const { companyId, ...seller } = input;
        await writeSeller(await firmOfCompany(ctx.db, companyId), companyId, seller);
        await ctx.db.transaction((tx) =>
          appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'factoring.seller.save', entityType: 'company', entityId: companyId, at: ctx.clock(), after: seller }),
        );
        return seller;
      }),
  }),

  /** The firm's public key, which the factor checks every package against (null before the first package). */
  publicKey: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => readFirmPublicKey(await firmOfCompany(ctx.db, input.companyId))),

  preview: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId, asOf: calendarDateInput.optional(), payables }))
    .query(async ({ ctx, input }) => {
      const asOf = await companyToday(ctx, input.companyId, input.asOf);
      return factoringPreview(ctx.db, input.companyId, input.profileId, asOf, input.payables);
    }),

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
        { db: ctx.db, documents: ctx.documents, userId: ctx.user.id, now: ctx.clock() },
        { companyId: input.companyId, profileId: input.profileId, invoiceIds: input.invoiceIds, asOf, payables: input.payables },
      );
    }),

  batches: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => listBatches(ctx.db, input.companyId, viewerOf(ctx.roles))),

  batch: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId, batchId: recordId }))
    .query(async ({ ctx, input }) => batchDetail(ctx.db, input.companyId, input.batchId, viewerOf(ctx.roles))),

  download: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId, batchId: recordId }))
    .query(async ({ ctx, input }) => downloadPackage(ctx.db, input.companyId, input.batchId, viewerOf(ctx.roles))),

  settlement: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId }))
    .query(async ({ ctx, input }) => factoringSettlement(ctx.db, input.companyId, input.profileId)),

  repurchase: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId, asOf: calendarDateInput.optional() }))
    .query(async ({ ctx, input }) => factoringRepurchase(ctx.db, input.companyId, input.profileId, await companyToday(ctx, input.companyId, input.asOf))),
});

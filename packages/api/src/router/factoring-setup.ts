// The firm's factoring set-up, reached through one of its companies: factor profiles, the factors
// (where their packages go), the seller's address on the notices, and the signing keys.
import { z } from 'zod';
import { recordId, recordVersion } from '../schemas/ids.js';
import { listFactors, updateFactor } from '../services/factoring/factors.js';
import { firmOfCompany, listProfiles, loadProfile, profileView, saveProfile } from '../services/factoring/profiles.js';
import { readSeller, writeSeller } from '../services/factoring/seller.js';
import { firmPublicKeys, retireSigningKey } from '../services/factoring/signing-keys.js';
import { appendAudit } from '../services/audit.js';
import type { Role } from '../auth/user.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

/** Those who see batches: the managers, and the factor's users for batches addressed to it. */
export const BATCH_READERS: Role[] = [...MANAGERS, 'factor'];

export const profileId = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/, 'a factor profile id: letters, digits, ".", "_" and "-"')
  .meta({ description: 'Id of a factor profile of the firm', example: 'acme-2025' });

const text = (max: number) => z.string().trim().min(1).max(max);
const httpsUrl = z
  .url({ protocol: /^https$/, message: 'must be an https:// URL' })
  .max(2000)
  .meta({ description: "The factor's HTTPS endpoint that receives packages (POST)", example: 'https://intake.factor.example/fact' });

export const profilesRouter = router({
  list: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => listProfiles(ctx.db, await firmOfCompany(ctx.db, input.companyId))),

  get: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, profileId }))
    .query(async ({ ctx, input }) => {
      const loaded = await loadProfile(ctx.db, await firmOfCompany(ctx.db, input.companyId), input.profileId);
      return profileView(loaded.profile, loaded.json, loaded);
    }),

  /** Profiles are the firm's (one factor's terms for all its clients): accountants only. */
  save: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, profile: z.record(z.string(), z.unknown()).meta({ description: 'A factor profile (format version 1) as JSON' }) }))
    .mutation(async ({ ctx, input }) =>
      saveProfile(ctx.db, { firmId: await firmOfCompany(ctx.db, input.companyId), companyId: input.companyId, userId: ctx.user.id, now: ctx.clock() }, input.profile),
    ),
});

export const factorsRouter = router({
  /** The firm's factors (the push secret only as set or not). */
  list: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => listFactors(ctx.db, await firmOfCompany(ctx.db, input.companyId))),

  /** Where a factor's packages go: its e-mail, HTTPS endpoint and the secret pushes are signed with. Accountants only. */
  update: companyProcedure('accountant')
    .input(
      z.object({
        companyId: recordId,
        factorId: recordId.meta({ description: 'A factor of the firm' }),
        version: recordVersion,
        email: z.email().max(200).nullable().optional(),
        pushUrl: httpsUrl.nullable().optional(),
        pushSecret: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 48`)').max(500).nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { companyId, factorId, ...change } = input;
      return updateFactor(
        ctx.db,
        { firmId: await firmOfCompany(ctx.db, companyId), companyId, userId: ctx.user.id, now: ctx.clock(), keySecret: ctx.settings.keySecret, allowPrivateTargets: ctx.settings.pushAllowPrivate === true },
        factorId,
        change,
      );
    }),
});

/** The seller's postal address (companies.address/email) on the notices of assignment. */
export const sellerRouter = router({
  get: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => readSeller(ctx.db, input.companyId)),
  save: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, street: text(200), postalCode: text(20), city: text(100), email: z.email().max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      const { companyId, ...seller } = input;
      return writeSeller(ctx.db, { companyId, userId: ctx.user.id, now: ctx.clock() }, seller);
    }),
});

export const keysRouter = router({
  /**
   * The firm's public keys the factor checks packages against: the live one first, then retired
   * ones (which still verify what they signed). With `keyId`, that key only (null if unknown).
   */
  publicKey: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId, keyId: z.string().max(100).optional() }))
    .query(async ({ ctx, input }) => {
      const keys = await firmPublicKeys(ctx.db, await firmOfCompany(ctx.db, input.companyId));
      return (input.keyId ? keys.find((k) => k.keyId === input.keyId) : keys.find((k) => k.retiredAt === null)) ?? null;
    }),

  publicKeys: companyProcedure(...BATCH_READERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => firmPublicKeys(ctx.db, await firmOfCompany(ctx.db, input.companyId))),

  /** Retires the firm's live signing key (a suspected leak, a yearly change); the next package makes a new one. */
  rotateKey: companyProcedure('accountant')
    .input(z.object({ companyId: recordId }))
    .mutation(async ({ ctx, input }) => {
      const firmId = await firmOfCompany(ctx.db, input.companyId);
      const now = ctx.clock();
      return ctx.db.transaction(async (tx) => {
        const retired = await retireSigningKey(tx, firmId, now);
        await appendAudit(tx, { companyId: input.companyId, firmId, actorUserId: ctx.user.id, action: 'factoring.key.retire', entityType: 'signing_key', entityId: retired ?? 'none', at: now, after: { retiredKeyId: retired } });
        return { retiredKeyId: retired };
      });
    }),
});

// Factor profiles of a firm, in @fact/db `factor_profiles`: one row per profile id, its version
// bumped on every save, always read back through @fact/factoring's parseFactorProfile so a row
// that no longer validates (a hand edit, an older format) is refused with the field it gets wrong.
import { isDbError, translateDbError } from '@fact/db';
import { parseFactorProfile, type FactorProfile } from '@fact/factoring';
import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { ensureFactor } from './factors.js';

/** What a profile id may be: letters, digits, `.`, `_`, `-`, not starting with a dot (it appears in URLs). */
export const PROFILE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

/**
 * The firm a company belongs to (profiles, factors and the signing key are the firm's).
 *
 * @example
 * ```ts
 * const firmId = await firmOfCompany(db, companyId);
 * ```
 */
export async function firmOfCompany(db: Database, companyId: string): Promise<string> {
  const c = db.tables.companies;
  const row = (await db.db.select({ firmId: c.firmId }).from(c).where(eq(c.id, companyId)).limit(1))[0];
  if (!row) throw apiError.notFound('company', companyId);
  return row.firmId;
}

/** A profile as the API returns it: the validated figures as strings, and the stored JSON. */
export function profileView(profile: FactorProfile, json: unknown, row: { version: number; factorId: string | null }) {
  return {
    id: profile.id,
    name: profile.name,
    factorName: profile.factor.name,
    factorId: row.factorId,
    version: row.version,
    assignment: profile.assignment,
    advancePercent: profile.advancePercent.toString(),
    feePercent: profile.feePercent.toString(),
    maxInvoiceAgeDays: profile.maxInvoiceAgeDays,
    maxDaysPastDue: profile.maxDaysPastDue,
    recourse: profile.recourse,
    profile: json,
  };
}

/** A stored profile, validated, with its row. */
export interface LoadedProfile {
  readonly profile: FactorProfile;
  readonly json: unknown;
  readonly factorId: string | null;
  readonly version: number;
}

/**
 * A firm's profile by id, validated. Unknown: NOT_FOUND; stored but no longer valid: BAD_REQUEST
 * naming the field (INVALID_POLICY).
 *
 * @example
 * ```ts
 * const { profile, factorId } = await loadProfile(db, firmId, 'acme-2025');
 * ```
 */
export async function loadProfile(db: Database, firmId: string, profileId: string): Promise<LoadedProfile> {
  const p = db.tables.factorProfiles;
  const row = (await db.db.select().from(p).where(and(eq(p.firmId, firmId), eq(p.profileKey, profileId))).limit(1))[0];
  if (!row) throw apiError.notFound('factor profile', profileId);
  return { profile: parseFactorProfile(row.profile), json: row.profile, factorId: row.factorId ?? null, version: row.version };
}

/**
 * Every profile of a firm that still validates, and the ids of those that do not (with why).
 *
 * @example
 * ```ts
 * const { profiles, invalid } = await listProfiles(db, firmId);
 * ```
 */
export async function listProfiles(db: Database, firmId: string) {
  const p = db.tables.factorProfiles;
  const rows = await db.db.select().from(p).where(eq(p.firmId, firmId)).orderBy(asc(p.profileKey));
  const profiles: ReturnType<typeof profileView>[] = [];
  const invalid: { id: string; problem: string }[] = [];
  for (const row of rows) {
    try {
      profiles.push(profileView(parseFactorProfile(row.profile), row.profile, { version: row.version, factorId: row.factorId ?? null }));
    } catch (error) {
      invalid.push({ id: row.profileKey, problem: (error as Error).message });
    }
  }
  return { profiles, invalid };
}

/** Who saves, for the audit entry. */
export interface ProfileSaver {
  readonly firmId: string;
  readonly companyId: string | null;
  readonly userId: string | null;
  readonly now: Date;
}

/**
 * Validates a profile with parseFactorProfile (FactError INVALID_POLICY naming the field, which
 * the API turns into BAD_REQUEST) and stores it under its id: a new row at version 1, or the
 * existing one replaced at the next version. The factor it names is recorded (made when new).
 * The change is audited in the same transaction, with the version before and after.
 *
 * @example
 * ```ts
 * const saved = await saveProfile(db, { firmId, companyId, userId, now }, profileJson);
 * saved.version; // 2 on the second save
 * ```
 */
export async function saveProfile(db: Database, saver: ProfileSaver, json: Record<string, unknown>): Promise<ReturnType<typeof profileView>> {
  const profile = parseFactorProfile(json);
  if (!PROFILE_ID.test(profile.id)) throw apiError.badInput('profile.id', 'letters, digits, ".", "_" and "-" only, at most 100 characters');
  try {
    return await db.transaction(async (tx) => {
      const p = tx.tables.factorProfiles;
      const factorId = await ensureFactor(tx, saver.firmId, profile.factor.name);
      const before = (await tx.db.select().from(p).where(and(eq(p.firmId, saver.firmId), eq(p.profileKey, profile.id))).limit(1))[0];
      let version = 1;
      if (before) {
        version = before.version + 1;
        const changed = await tx.db
          .update(p)
          .set({ profile: json, factorId, version, updatedBy: saver.userId, updatedAt: saver.now })
          .where(and(eq(p.id, before.id), eq(p.version, before.version)))
          .returning({ id: p.id });
        if (changed.length === 0) throw apiError.staleVersion('factor profile', before.version, before.version + 1);
      } else {
        await tx.db.insert(p).values({ id: uuidv7(), firmId: saver.firmId, factorId, profileKey: profile.id, profile: json, version, updatedBy: saver.userId, updatedAt: saver.now });
      }
      await appendAudit(tx, {
        companyId: saver.companyId,
        firmId: saver.firmId,
        actorUserId: saver.userId,
        action: 'factoring.profile.save',
        entityType: 'factor_profile',
        entityId: profile.id,
        at: saver.now,
        before: before ? { version: before.version, profile: before.profile } : null,
        after: { version, profile: json },
      });
      return profileView(profile, json, { version, factorId });
    });
  } catch (error) {
    if (isDbError(translateDbError(error), 'DUPLICATE')) throw apiError.conflict(`Profile ${profile.id} was saved by someone else at the same moment. Reload it and save again.`);
    throw error;
  }
}

// Factor profiles of a firm: stored as JSON files (see ./storage.ts), always read back through
// @fact/factoring's parseFactorProfile so a hand-edited file that no longer validates is refused
// with the field it gets wrong.
import { parseFactorProfile, type FactorProfile } from '@fact/factoring';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { readProfile, readProfiles, SAFE_NAME, writeProfile } from './storage.js';

/**
 * The firm a company belongs to (profiles and the signing key are the firm's).
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
export function profileView(profile: FactorProfile, json: unknown) {
  return {
    id: profile.id,
    name: profile.name,
    factorName: profile.factor.name,
    assignment: profile.assignment,
    advancePercent: profile.advancePercent.toString(),
    feePercent: profile.feePercent.toString(),
    maxInvoiceAgeDays: profile.maxInvoiceAgeDays,
    maxDaysPastDue: profile.maxDaysPastDue,
    recourse: profile.recourse,
    profile: json,
  };
}

/**
 * A firm's profile by id, validated. Unknown (or not a safe file name): NOT_FOUND.
 *
 * @example
 * ```ts
 * const { profile } = await loadProfile(firmId, 'acme-2025');
 * ```
 */
export async function loadProfile(firmId: string, profileId: string): Promise<{ profile: FactorProfile; json: unknown }> {
  const json = await readProfile(firmId, profileId);
  if (json === null) throw apiError.notFound('factor profile', profileId);
  return { profile: parseFactorProfile(json), json };
}

/**
 * Every profile of a firm that still validates, and the ids of those that do not (with why).
 *
 * @example
 * ```ts
 * const { profiles, invalid } = await listProfiles(firmId);
 * ```
 */
export async function listProfiles(firmId: string) {
  const profiles: ReturnType<typeof profileView>[] = [];
  const invalid: { id: string; problem: string }[] = [];
  for (const { id, json } of await readProfiles(firmId)) {
    try {
      profiles.push(profileView(parseFactorProfile(json), json));
    } catch (error) {
      invalid.push({ id, problem: (error as Error).message });
    }
  }
  return { profiles, invalid };
}

/**
 * Validates a profile with parseFactorProfile (FactError INVALID_POLICY naming the field, which
 * the API turns into BAD_REQUEST) and stores it under its id, replacing an older version.
 *
 * @example
 * ```ts
 * await saveProfile(firmId, profileJson);
 * ```
 */
export async function saveProfile(firmId: string, json: unknown): Promise<ReturnType<typeof profileView>> {
  const profile = parseFactorProfile(json);
  if (!SAFE_NAME.test(profile.id)) throw apiError.badInput('profile.id', 'letters, digits, ".", "_" and "-" only (it names a file), at most 100 characters');
  await writeProfile(firmId, profile.id, json);
  return profileView(profile, json);
}

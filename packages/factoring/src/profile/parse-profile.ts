import { fail } from '../input/fail.js';
import { parseWith } from '../input/zod-error.js';
import type { z } from 'zod';
import { factorProfileSchema } from './profile-schema.js';

/** A validated factor profile: amounts and percentages are exact decimals. */
export type FactorProfile = z.output<typeof factorProfileSchema>;

/** A factor profile as written in its JSON file (amounts and percentages as decimal strings). */
export type FactorProfileInput = z.input<typeof factorProfileSchema>;

/**
 * Reads a factor profile (parsed JSON) and validates it. Throws a `FactError` with code
 * `INVALID_POLICY` and the field path (`profile.concentration.capPercent: …`) for anything wrong,
 * including a minimum above the maximum.
 *
 * @example
 * ```ts
 * const profile = parseFactorProfile(JSON.parse(await readFile('acme.profile.json', 'utf8')));
 * profile.advancePercent.toString(); // "85"
 * ```
 */
export function parseFactorProfile(value: unknown): FactorProfile {
  const profile = parseWith(factorProfileSchema, value, 'profile', 'INVALID_POLICY');
  if (profile.minAmount && profile.maxAmount && profile.minAmount.gt(profile.maxAmount)) {
    fail('INVALID_POLICY', 'profile.minAmount', `${profile.minAmount.toFixed(2)} is above maxAmount ${profile.maxAmount.toFixed(2)}`);
  }
  return profile;
}

import { fail } from '../errors/fail.js';

/**
 * One ageing bucket: the items whose days past due lie in `[fromDays, toDays]`. `null` means
 * unbounded (the first bucket starts at −∞, the last ends at +∞). Day 0 is the due date itself;
 * negative days are not yet due.
 *
 * @example
 * ```ts
 * const b: AgeingBucketDefinition = { label: '31–60', fromDays: 31, toDays: 60 };
 * ```
 */
export interface AgeingBucketDefinition {
  readonly label: string;
  readonly fromDays: number | null;
  readonly toDays: number | null;
}

/**
 * Builds contiguous buckets from the last day of each overdue bucket: `[30, 60, 90]` gives
 * "not due" (up to and including the due date), "1–30", "31–60", "61–90" and "> 90".
 * Throws `INVALID_AGEING_BUCKETS` (`boundaries[i]`) unless the boundaries are whole numbers,
 * at least 1, and strictly increasing.
 *
 * @example
 * ```ts
 * ageingBuckets([15, 45]).map((b) => b.label); // ["not due", "1–15", "16–45", "> 45"]
 * ```
 */
export function ageingBuckets(boundaries: readonly number[]): readonly AgeingBucketDefinition[] {
  if (!Array.isArray(boundaries)) fail('INVALID_AGEING_BUCKETS', 'boundaries', 'must be a list of day counts');
  boundaries.forEach((b, i) => {
    if (!Number.isSafeInteger(b) || b < 1) fail('INVALID_AGEING_BUCKETS', `boundaries[${i}]`, `must be a whole number of days ≥ 1, got ${b}`);
    const prev = boundaries[i - 1];
    if (prev !== undefined && b <= prev) fail('INVALID_AGEING_BUCKETS', `boundaries[${i}]`, `${b} does not come after ${prev}`);
  });
  const buckets: AgeingBucketDefinition[] = [{ label: 'not due', fromDays: null, toDays: 0 }];
  let from = 1;
  for (const to of boundaries) {
    buckets.push({ label: `${from}–${to}`, fromDays: from, toDays: to });
    from = to + 1;
  }
  buckets.push({ label: boundaries.length === 0 ? 'overdue' : `> ${from - 1}`, fromDays: from, toDays: null });
  return Object.freeze(buckets);
}

/**
 * The usual report: not due, 1–30, 31–60, 61–90 and more than 90 days past due.
 *
 * @example
 * ```ts
 * DEFAULT_AGEING_BUCKETS.map((b) => b.label); // ["not due", "1–30", "31–60", "61–90", "> 90"]
 * ```
 */
export const DEFAULT_AGEING_BUCKETS: readonly AgeingBucketDefinition[] = ageingBuckets([30, 60, 90]);

/**
 * Checks that buckets cover every day exactly once: the first starts at −∞ (`fromDays: null`),
 * each next one starts the day after the previous one ends, the last ends at +∞, and none is
 * empty. This is what lets the buckets always add up to the outstanding total. Throws
 * `INVALID_AGEING_BUCKETS` naming the offending `buckets[i].field`.
 *
 * @example
 * ```ts
 * validateAgeingBuckets([{ label: 'all', fromDays: null, toDays: null }]); // fine
 * validateAgeingBuckets([{ label: 'x', fromDays: 0, toDays: null }]); // throws: buckets[0].fromDays
 * ```
 */
export function validateAgeingBuckets(buckets: readonly AgeingBucketDefinition[]): readonly AgeingBucketDefinition[] {
  if (!Array.isArray(buckets) || buckets.length === 0) fail('INVALID_AGEING_BUCKETS', 'buckets', 'needs at least one bucket');
  const labels = new Set<string>();
  buckets.forEach((b, i) => {
    const field = `buckets[${i}]`;
    if (typeof b.label !== 'string' || b.label.trim() === '') fail('INVALID_AGEING_BUCKETS', `${field}.label`, 'must be a non-empty string');
    if (labels.has(b.label)) fail('INVALID_AGEING_BUCKETS', `${field}.label`, `"${b.label}" is used twice`);
    labels.add(b.label);
    for (const key of ['fromDays', 'toDays'] as const) {
      const v = b[key];
      if (v !== null && !Number.isSafeInteger(v)) fail('INVALID_AGEING_BUCKETS', `${field}.${key}`, `must be a whole number or null, got ${String(v)}`);
    }
    const prev = buckets[i - 1];
    if (prev === undefined) {
      if (b.fromDays !== null) fail('INVALID_AGEING_BUCKETS', `${field}.fromDays`, 'the first bucket must start at null (no lower bound)');
    } else if (prev.toDays === null || b.fromDays !== prev.toDays + 1) {
      fail('INVALID_AGEING_BUCKETS', `${field}.fromDays`, `must be the day after the previous bucket ends (${String(prev.toDays)})`);
    }
    if (b.fromDays !== null && b.toDays !== null && b.toDays < b.fromDays) {
      fail('INVALID_AGEING_BUCKETS', `${field}.toDays`, `${b.toDays} is before ${b.fromDays}`);
    }
    if (i === buckets.length - 1 && b.toDays !== null) fail('INVALID_AGEING_BUCKETS', `${field}.toDays`, 'the last bucket must end at null (no upper bound)');
  });
  return buckets;
}

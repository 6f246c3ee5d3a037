import { addYears, fromEpochDay, toEpochDay } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import type { InterestMethod } from '../interest/types.js';
import type { RateEntry, RateTable } from '../rates/rateTable.js';
import { rateDecimals, scaledRate } from './cents.js';

const RATE_TEXT = /^\d{1,3}(\.\d{1,6})?$/;

/**
 * Reason bits of a schedule boundary: an anniversary of the start (compounding), a rate change,
 * a payment. @internal
 *
 * @example
 * ```ts
 * (reasons & ANNIVERSARY) !== 0; // capitalise before this segment
 * ```
 */
export const ANNIVERSARY = 1;
/** A rate change starts the segment. @internal @example `(reasons & RATE_CHANGE) !== 0` */
export const RATE_CHANGE = 2;
/** A payment lowers the base from this day. @internal @example `(reasons & PAYMENT) !== 0` */
export const PAYMENT = 4;

/**
 * A rate table read once into epoch days and integer rates, with the rule of `rateChanges`
 * precomputed: an entry only starts a new segment when its rate (or its unconfirmed flag)
 * differs from the entry before. @internal
 */
export interface CompiledRates {
  readonly table: RateTable;
  /** Interest of a segment in cents = base × scaled rate × days / divisor. */
  readonly divisor: number;
  readonly fromDay: readonly number[];
  readonly scaled: readonly number[];
  readonly isChange: readonly boolean[];
  /** For entry j: the last entry ≤ j that is a change (or 0): the rate a segment shows. */
  readonly anchor: readonly number[];
  readonly untilDay: number | undefined;
}

/**
 * Reads a rate table for the fast path. Throws `INVALID_PERCENTAGE` naming
 * `rateTable.entries[i].rate` for a rate that is not a plain percent. @internal
 *
 * @example
 * ```ts
 * compileRates(beCommercialRates).divisor; // 3_650_000 (two decimals × 100 × 365)
 * ```
 */
export function compileRates(table: RateTable): CompiledRates {
  const entries = table.entries;
  if (!Array.isArray(entries) || entries.length === 0) fail('INVALID_ARGUMENT', 'rateTable.entries', `table ${table.id} has no entries`);
  let scale = 0;
  entries.forEach((e, i) => {
    if (!RATE_TEXT.test(e.rate)) fail('INVALID_PERCENTAGE', `rateTable.entries[${i}].rate`, `"${e.rate}" is not a percent like "10.50"`);
    scale = Math.max(scale, rateDecimals(e.rate));
  });
  const scaled = entries.map((e) => scaledRate(e.rate, scale));
  const isChange = entries.map((e, i) => {
    const prev = entries[i - 1];
    return prev !== undefined && (scaled[i] !== scaled[i - 1] || e.unconfirmed !== prev.unconfirmed);
  });
  const anchor: number[] = [];
  entries.forEach((_, i) => anchor.push(i === 0 || isChange[i] ? i : (anchor[i - 1] as number)));
  return {
    table,
    divisor: 10 ** scale * 100 * 365,
    fromDay: entries.map((e) => toEpochDay(e.from)),
    scaled,
    isChange,
    anchor,
    untilDay: table.validUntil === undefined ? undefined : toEpochDay(table.validUntil),
  };
}

/**
 * The index of the entry in force on `day`, or −1 before the first entry. @internal
 *
 * @example
 * ```ts
 * rates.table.entries[entryOn(rates, toEpochDay('2025-03-16'))]?.rate; // "11.50"
 * ```
 */
export function entryOn(rates: CompiledRates, day: number): number {
  const from = rates.fromDay;
  let lo = 0;
  let hi = from.length - 1;
  if (day < (from[0] as number)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((from[mid] as number) <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * What every item with the same due date shares: the segment boundaries from the day after the
 * due date to the as-of date (rate changes, anniversaries for compounding), each with the entry
 * whose rate applies and, for an item without payments, the multiplier `scaled rate × days`.
 * @internal
 */
export interface InterestSchedule {
  readonly startDay: number;
  readonly untilDay: number;
  /** First day of each segment; `from[0] === startDay` when there is any segment. */
  readonly from: readonly number[];
  /** Reason bits of each boundary (0 for the start). */
  readonly reasons: readonly number[];
  /** The rate-table entry each segment shows. */
  readonly entry: readonly number[];
  readonly multiplier: readonly number[];
}

/**
 * Builds the schedule of one due date. Throws `RATE_TABLE_GAP` naming `dueDate` when the table
 * does not cover the first day of interest, or `asOf` when it ends before the as-of date (only
 * for items that bear interest, as `lateInterest` does). @internal
 *
 * @example
 * ```ts
 * const s = interestSchedule(rates, toEpochDay('2025-03-15'), toEpochDay('2025-09-30'), 'simple');
 * s.from.map(fromEpochDay); // ["2025-03-16", "2025-07-01"]
 * ```
 */
export function interestSchedule(rates: CompiledRates, dueDay: number, untilDay: number, method: InterestMethod): InterestSchedule {
  const startDay = dueDay + 1;
  if (untilDay < startDay) return { startDay, untilDay, from: [], reasons: [], entry: [], multiplier: [] };
  const first = entryOn(rates, startDay);
  const gap = (day: number, field: string, why: string): never =>
    fail('RATE_TABLE_GAP', field, `no rate in table ${rates.table.id} (${rates.table.name}) for ${fromEpochDay(day)}: ${why}`);
  // Same order as lateInterest: the first day of interest, then the last.
  const ends = `the table ends on ${rates.table.validUntil ?? '?'}`;
  if (first < 0) gap(startDay, 'dueDate', `the table starts on ${rates.table.entries[0]?.from ?? '?'}`);
  if (rates.untilDay !== undefined && startDay > rates.untilDay) gap(startDay, 'dueDate', ends);
  if (rates.untilDay !== undefined && untilDay > rates.untilDay) gap(untilDay, 'asOf', ends);
  const marks = new Map<number, number>();
  const mark = (day: number, bit: number) => {
    if (day > startDay && day <= untilDay) marks.set(day, (marks.get(day) ?? 0) | bit);
  };
  for (let j = first + 1; j < rates.fromDay.length; j += 1) if (rates.isChange[j]) mark(rates.fromDay[j] as number, RATE_CHANGE);
  if (method === 'compound-annual') {
    const start = fromEpochDay(startDay);
    for (let n = 1; ; n += 1) {
      const day = toEpochDay(addYears(start, n));
      if (day > untilDay) break;
      mark(day, ANNIVERSARY);
    }
  }
  const from = [startDay, ...[...marks.keys()].sort((a, b) => a - b)];
  const reasons = from.map((d, i) => (i === 0 ? 0 : (marks.get(d) as number)));
  const entry = from.map((d) => Math.max(rates.anchor[entryOn(rates, d)] as number, first));
  const multiplier = from.map((d, i) => {
    const to = i + 1 < from.length ? (from[i + 1] as number) - 1 : untilDay;
    return (rates.scaled[entry[i] as number] as number) * (to - d + 1);
  });
  return { startDay, untilDay, from, reasons, entry, multiplier };
}

/**
 * The rate-table entry a segment shows. @internal
 *
 * @example
 * ```ts
 * shownEntry(rates, schedule.entry[0]).source;
 * ```
 */
export function shownEntry(rates: CompiledRates, index: number): RateEntry {
  return rates.table.entries[index] as RateEntry;
}

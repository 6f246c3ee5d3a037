import { fail } from '../errors/fail.js';
import { mulDivHalfUp } from './cents.js';
import { ANNIVERSARY, PAYMENT, type CompiledRates, type InterestSchedule } from './rate-schedule.js';

/** A payment read for accrual: the first day of the lower base and the cents. @internal */
export interface EffectivePayment {
  readonly effective: number;
  readonly cents: number;
  readonly field: string;
}

/** Receives each segment `lateInterest` would list (segments on a zero base are skipped). @internal */
export type SegmentSink = (fromDay: number, toDay: number, baseCents: number, entry: number, reasons: number, amountCents: number) => void;

/** Receives each capitalisation (compound interest). @internal */
export type CapitalisationSink = (onDay: number, amountCents: number, newBaseCents: number) => void;

/**
 * Interest of an item without payments: the sum over the shared segments of
 * `base × multiplier / divisor`, each rounded half-up to the cent; under compounding the
 * rounded interest of each year is added to the base at the anniversary. @internal
 *
 * @example
 * ```ts
 * accrueWithoutPayments(rates, schedule, 500_000, false); // 30089 (reference.md §1.2)
 * ```
 */
export function accrueWithoutPayments(rates: CompiledRates, s: InterestSchedule, baseCents: number, compound: boolean): number {
  const n = s.from.length;
  const d = rates.divisor;
  let total = 0;
  if (!compound) {
    for (let i = 0; i < n; i += 1) total += mulDivHalfUp(baseCents, s.multiplier[i] as number, d);
    return total;
  }
  let base = baseCents;
  let year = 0;
  for (let i = 0; i < n; i += 1) {
    if (((s.reasons[i] as number) & ANNIVERSARY) !== 0) {
      base += year;
      year = 0;
    }
    const amount = mulDivHalfUp(base, s.multiplier[i] as number, d);
    year += amount;
    total += amount;
  }
  return total;
}

function exceeds(p: EffectivePayment, base: number): never {
  return fail('INVALID_AMOUNT', p.field, `${(p.cents / 100).toFixed(2)} exceeds the outstanding base ${(base / 100).toFixed(2)}`);
}

/**
 * The general path, segment for segment as `lateInterest` computes it: payments lower the base
 * from the day after they were received (those effective on or before the first day of interest
 * lower the opening base), anniversaries capitalise the year's rounded interest. Calls `sink`
 * for every listed segment. @internal
 *
 * @example
 * ```ts
 * accrue(rates, schedule, 100_000, [{ effective: day + 1, cents: 40_000, field: 'payments[0].amountCents' }], false,
 *   (from, to, base, entry, reasons, amount) => rows.push({ from, to, base, amount }));
 * ```
 */
export function accrue(
  rates: CompiledRates,
  s: InterestSchedule,
  principalCents: number,
  payments: readonly EffectivePayment[],
  compound: boolean,
  sink?: SegmentSink,
  capitalised?: CapitalisationSink,
): number {
  let base = principalCents;
  for (const p of payments) {
    if (p.effective > s.startDay) continue;
    if (p.cents > base) exceeds(p, base);
    base -= p.cents;
  }
  const n = s.from.length;
  if (n === 0) return 0;
  const payDays = [...new Set(payments.filter((p) => p.cents !== 0 && p.effective > s.startDay && p.effective <= s.untilDay).map((p) => p.effective))];
  payDays.sort((a, b) => a - b);

  // Merge the shared boundaries with this item's payment days.
  const days: number[] = [];
  const bits: number[] = [];
  const owner: number[] = []; // index of the shared segment a merged one lies in
  let i = 0;
  let k = 0;
  while (i < n || k < payDays.length) {
    const a = i < n ? (s.from[i] as number) : Infinity;
    const b = k < payDays.length ? (payDays[k] as number) : Infinity;
    if (a <= b) {
      days.push(a);
      bits.push((s.reasons[i] as number) | (a === b ? PAYMENT : 0));
      owner.push(i);
      i += 1;
      if (a === b) k += 1;
    } else {
      days.push(b);
      bits.push(PAYMENT);
      owner.push(i - 1);
      k += 1;
    }
  }

  let total = 0;
  let year = 0;
  for (let m = 0; m < days.length; m += 1) {
    const from = days[m] as number;
    const to = m + 1 < days.length ? (days[m + 1] as number) - 1 : s.untilDay;
    const reasons = bits[m] as number;
    if (compound && (reasons & ANNIVERSARY) !== 0) {
      base += year;
      capitalised?.(from, year, base);
      year = 0;
    }
    if (m > 0) {
      for (const p of payments) {
        if (p.effective !== from) continue;
        if (p.cents > base) exceeds(p, base);
        base -= p.cents;
      }
    }
    const entry = s.entry[owner[m] as number] as number;
    const amount = mulDivHalfUp(base, (rates.scaled[entry] as number) * (to - from + 1), rates.divisor);
    year += amount;
    total += amount;
    if (base !== 0) sink?.(from, to, base, entry, reasons, amount);
  }
  return total;
}

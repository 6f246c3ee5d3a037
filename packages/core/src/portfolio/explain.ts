import { fromEpochDay } from '../calendar/date.js';
import type { Capitalisation, InterestMethod, InterestSegment, LateInterestResult, SegmentReason } from '../interest/types.js';
import { fromCents } from '../money/money.js';
import { accrue, type EffectivePayment } from './accrue.js';
import { ANNIVERSARY, PAYMENT, RATE_CHANGE, shownEntry, type CompiledRates, type InterestSchedule } from './rate-schedule.js';

/** Reason bits in the order `lateInterest` lists them. */
const ORDER: readonly [number, SegmentReason][] = [
  [ANNIVERSARY, 'anniversary'],
  [PAYMENT, 'payment'],
  [RATE_CHANGE, 'rate-change'],
];

function reasonsOf(bits: number, first: boolean): SegmentReason[] {
  if (first) return ['start'];
  return ORDER.filter(([bit]) => (bits & bit) !== 0).map(([, r]) => r);
}

/**
 * The full statement of the fast path, shaped as `lateInterest` returns it, so a letter can
 * show the segments the dashboard summed. @internal
 *
 * @example
 * ```ts
 * explainInterest(rates, schedule, 500_000, [], 'simple').total.toFixed(2); // "300.89"
 * ```
 */
export function explainInterest(
  rates: CompiledRates,
  schedule: InterestSchedule,
  principalCents: number,
  payments: readonly EffectivePayment[],
  method: InterestMethod,
): LateInterestResult {
  const segments: InterestSegment[] = [];
  const capitalised: Capitalisation[] = [];
  const total = accrue(
    rates,
    schedule,
    principalCents,
    payments,
    method === 'compound-annual',
    (fromDay, toDay, base, entryIndex, bits, amount) => {
      const entry = shownEntry(rates, entryIndex);
      const reasons = reasonsOf(bits, fromDay === schedule.startDay);
      segments.push({
        from: fromEpochDay(fromDay),
        to: fromEpochDay(toDay),
        days: toDay - fromDay + 1,
        base: fromCents(base),
        ratePercent: entry.rate,
        amount: fromCents(amount),
        reason: reasons[0] as SegmentReason,
        reasons,
        yearDays: 365,
        rateSource: entry.source,
        unconfirmed: entry.unconfirmed === true,
      });
    },
    (onDay, amount, newBase) => capitalised.push({ on: fromEpochDay(onDay), amount: fromCents(amount), newBase: fromCents(newBase) }),
  );
  return {
    start: fromEpochDay(schedule.startDay),
    until: fromEpochDay(schedule.untilDay),
    segments,
    total: fromCents(total),
    capitalised,
    tableId: rates.table.id,
    method,
    dayCount: 'actual/365',
    rounding: 'per-segment',
    unconfirmed: segments.some((s) => s.unconfirmed),
  };
}

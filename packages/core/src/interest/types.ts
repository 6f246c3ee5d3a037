import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput, Money } from '../money/money.js';
import type { RateTable } from '../rates/rateTable.js';

/**
 * Simple interest (Belgium) or interest capitalised at each anniversary of the start (NL
 * rente op rente, art. 6:119 lid 2 / 6:119a lid 3 BW).
 *
 * @example
 * ```ts
 * const method: InterestMethod = 'compound-annual';
 * lateInterest({ principal: '10000', dueDate: '2023-03-31', until: '2025-03-31', rateTable: nlCommercialRates, method })
 *   .total.toFixed(2); // "2524.35" (1178.35 capitalised on 2024-04-01)
 * ```
 */
export type InterestMethod = 'simple' | 'compound-annual';

/**
 * Day count. `actual/365` (default) divides by 365 even in leap years, as the reference
 * calculator does (reference.md §1.3). `actual/actual` divides by 366 in leap years; some
 * commercial calculators do this, it is [U] in reference.md and splits segments at 1 January.
 *
 * @example
 * ```ts
 * const dayCount: DayCount = 'actual/actual';
 * const r = lateInterest({ principal: '1000', dueDate: '2023-12-15', until: '2024-01-31', contractualRate: '10', method: 'simple', dayCount });
 * r.total.toFixed(2); // "12.85" (4.38 over 16/365 + 8.47 over 31/366; "12.88" with actual/365)
 * r.unconfirmed; // true
 * ```
 */
export type DayCount = 'actual/365' | 'actual/actual';

/**
 * Where to round. `per-segment` (default): every segment is rounded half-up to the cent and
 * the total is their sum, as the reference implementation does (reference.md §1.3); this is
 * what gives the compound figure €1,515.56. `total`: the exact sum is rounded once and the
 * cents are spread over the segments by largest remainder (so the rows still add up); this
 * gives the simple-interest figure €1,482.10 of reference.md §1.3. Only for `simple`.
 *
 * @example
 * ```ts
 * const input = { principal: '1000.10', dueDate: '2025-03-15', until: '2025-09-30', rateTable: beCommercialRates, method: 'simple' } as const;
 * lateInterest(input).total.toFixed(2); // "60.19" (33.72 + 26.47)
 * const rounding: InterestRounding = 'total';
 * lateInterest({ ...input, rounding }).total.toFixed(2); // "60.18" (33.71 + 26.47)
 * ```
 */
export type InterestRounding = 'per-segment' | 'total';

/**
 * A payment that reduces the interest base (the part applied to principal).
 *
 * @example
 * ```ts
 * const payment: InterestPayment = { date: '2025-03-15', amount: '400' };
 * // 1000 at 12 % due 2025-01-31: 1000 bears interest to 15 March, 600 from 16 March
 * lateInterest({ principal: '1000', dueDate: '2025-01-31', until: '2025-04-30', contractualRate: '12', method: 'simple', payments: [payment] })
 *   .total.toFixed(2); // "23.21" (14.14 + 9.07)
 * ```
 */
export interface InterestPayment {
  /** Day the money was received. It still bears interest on the old base; the base drops from the next day. */
  readonly date: CalendarDate;
  /**
   * The part of the payment applied to the base (principal, plus capitalised interest under
   * compounding). Allocating a payment to costs, then interest, then principal (art. 6:44 BW)
   * happens before this function is called.
   */
  readonly amount: AmountInput;
}

/**
 * What {@link lateInterest} needs to compute late-payment interest (verwijlinterest / intérêts
 * de retard; NL handelsrente or wettelijke rente). Give exactly one of `rateTable` and
 * `contractualRate`.
 *
 * @example
 * ```ts
 * const input: LateInterestInput = {
 *   principal: '5000', dueDate: '2025-03-15', until: '2025-09-30', rateTable: beCommercialRates, method: 'simple',
 * };
 * lateInterest(input).total.toFixed(2); // "300.89"
 * ```
 */
export interface LateInterestInput {
  readonly principal: AmountInput;
  /** Last day for payment; interest starts the day after. */
  readonly dueDate: CalendarDate;
  /** Last day that bears interest (inclusive), normally the day of payment or the as-of date. */
  readonly until: CalendarDate;
  readonly rateTable?: RateTable;
  /** An agreed annual rate in percent, e.g. `'12'`. */
  readonly contractualRate?: string;
  readonly method: InterestMethod;
  readonly payments?: readonly InterestPayment[];
  readonly dayCount?: DayCount;
  readonly rounding?: InterestRounding;
}

/**
 * Why an interest segment starts where it does: the start of interest, a new published rate,
 * an anniversary (capitalisation), a payment, or 1 January under `actual/actual`.
 *
 * @example
 * ```ts
 * const r = lateInterest({ principal: '1000', dueDate: '2025-01-31', until: '2025-04-30', contractualRate: '12',
 *   method: 'simple', payments: [{ date: '2025-03-15', amount: '400' }] });
 * const reasons: SegmentReason[] = r.segments.map((s) => s.reason); // ["start", "payment"]
 * ```
 */
export type SegmentReason = 'start' | 'rate-change' | 'anniversary' | 'payment' | 'year-start';

/**
 * One line of an interest statement (renteberekening / décompte des intérêts): a period with
 * one base and one rate.
 *
 * @example
 * ```ts
 * // the first segment of the reference.md §1.2 example (5000, BE commercial rate)
 * const segment: InterestSegment = {
 *   from: '2025-03-16', to: '2025-06-30', days: 107, base: money('5000'), ratePercent: '11.50',
 *   amount: money('168.56'), reason: 'start', reasons: ['start'], yearDays: 365,
 *   rateSource: 'reference.md §1.2 H1 2025 (lawbase.be)', unconfirmed: false,
 * };
 * ```
 */
export interface InterestSegment {
  readonly from: CalendarDate;
  /** Inclusive. */
  readonly to: CalendarDate;
  /** Days in `[from, to]`, both counted. */
  readonly days: number;
  readonly base: Money;
  /** Annual percent as published, e.g. `'11.50'`. */
  readonly ratePercent: string;
  /** Rounded to the cent. */
  readonly amount: Money;
  /** The main reason the segment starts here (anniversary > payment > rate-change > year-start). */
  readonly reason: SegmentReason;
  /** Every reason that coincides on `from`. */
  readonly reasons: readonly SegmentReason[];
  /** 365, or 366 for a leap year under `actual/actual`. */
  readonly yearDays: 365 | 366;
  readonly rateSource: string;
  /** True when the rate is marked [U]/[F] in reference.md. */
  readonly unconfirmed: boolean;
}

/**
 * Interest added to the base at an anniversary (rente op rente, NL art. 6:119 lid 2 BW).
 *
 * @example
 * ```ts
 * lateInterest({ principal: '10000', dueDate: '2023-03-31', until: '2025-03-31', rateTable: nlCommercialRates, method: 'compound-annual' })
 *   .capitalised; // [{ on: "2024-04-01", amount: 1178.35, newBase: 11178.35 }]
 * ```
 */
export interface Capitalisation {
  /** First day on which the larger base bears interest (the anniversary of the start). */
  readonly on: CalendarDate;
  readonly amount: Money;
  readonly newBase: Money;
}

/**
 * The result of {@link lateInterest}: every segment, so a letter can show the computation.
 *
 * @example
 * ```ts
 * const r: LateInterestResult = lateInterest({ principal: '5000', dueDate: '2025-03-15', until: '2025-09-30',
 *   rateTable: beCommercialRates, method: 'simple' });
 * // r: { start: "2025-03-16", until: "2025-09-30", total: 300.89, segments: [two rows], capitalised: [],
 * //      tableId: "be-commercial", method: "simple", dayCount: "actual/365", rounding: "per-segment", unconfirmed: false }
 * ```
 */
export interface LateInterestResult {
  /** First day bearing interest (day after the due date). */
  readonly start: CalendarDate;
  readonly until: CalendarDate;
  readonly segments: readonly InterestSegment[];
  readonly total: Money;
  readonly capitalised: readonly Capitalisation[];
  readonly tableId: string;
  readonly method: InterestMethod;
  readonly dayCount: DayCount;
  readonly rounding: InterestRounding;
  /** True when any rate used is unconfirmed, or the day count is the [U] `actual/actual`. */
  readonly unconfirmed: boolean;
}

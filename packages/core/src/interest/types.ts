import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput, Money } from '../money/money.js';
import type { RateTable } from '../rates/rateTable.js';

/** Simple interest (Belgium) or interest capitalised at each anniversary of the start (NL, art. 6:119 lid 2 / 6:119a lid 3 BW). */
export type InterestMethod = 'simple' | 'compound-annual';

/**
 * Day count. `actual/365` (default) divides by 365 even in leap years, as the reference
 * calculator does (reference.md §1.3). `actual/actual` divides by 366 in leap years; some
 * commercial calculators do this, it is [U] in reference.md and splits segments at 1 January.
 */
export type DayCount = 'actual/365' | 'actual/actual';

/**
 * Where to round. `per-segment` (default): every segment is rounded half-up to the cent and
 * the total is their sum, as the reference implementation does (reference.md §1.3); this is
 * what gives the compound figure €1,515.56. `total`: the exact sum is rounded once and the
 * cents are spread over the segments by largest remainder (so the rows still add up); this
 * gives the simple-interest figure €1,482.10 of reference.md §1.3. Only for `simple`.
 */
export type InterestRounding = 'per-segment' | 'total';

/** A payment that reduces the base. */
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

/** What {@link lateInterest} needs. Give exactly one of `rateTable` and `contractualRate`. */
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

/** Why a segment starts where it does. */
export type SegmentReason = 'start' | 'rate-change' | 'anniversary' | 'payment' | 'year-start';

/** One line of an interest statement: a period with one base and one rate. */
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

/** Interest added to the base at an anniversary (rente op rente). */
export interface Capitalisation {
  /** First day on which the larger base bears interest (the anniversary of the start). */
  readonly on: CalendarDate;
  readonly amount: Money;
  readonly newBase: Money;
}

/** The result of {@link lateInterest}: every segment, so a letter can show the computation. */
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

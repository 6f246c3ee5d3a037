import type { AgeingBucketDefinition } from '../ageing/buckets.js';
import type { CalendarDate } from '../calendar/date.js';
import type { DunningChannel, DunningPolicy } from '../dunning/policy-types.js';
import type { InterestMethod } from '../interest/types.js';
import type { RateTable } from '../rates/rateTable.js';

/**
 * A payment applied to the principal of a portfolio item, in whole cents. It lowers the open
 * amount and, from the day after `date`, the interest base (as an `InterestPayment` does for
 * `lateInterest`). Payments dated after the as-of date are ignored.
 *
 * @example
 * ```ts
 * const p: PortfolioPayment = { date: '2025-04-20', amountCents: 50_000 };
 * ```
 */
export interface PortfolioPayment {
  readonly date: CalendarDate;
  readonly amountCents: number;
}

/**
 * A reminder already sent for the item (manual sends count), as the dunning runner stores it.
 * Reminders dated after the as-of date are ignored.
 *
 * @example
 * ```ts
 * const r: PortfolioReminder = { level: 2, sentOn: '2025-04-08', channel: 'email' };
 * ```
 */
export interface PortfolioReminder {
  readonly level: number;
  readonly sentOn: CalendarDate;
  readonly channel: DunningChannel;
  readonly manual?: boolean;
  readonly deliveredOn?: CalendarDate;
}

/**
 * One open invoice as a portfolio view holds it: amounts in whole cents (as `@fact/db` stores
 * them), dates as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * const item: PortfolioItem = {
 *   issueDate: '2025-03-01', dueDate: '2025-03-31', amountCents: 121_000,
 *   payments: [{ date: '2025-04-20', amountCents: 50_000 }],
 *   reminders: [{ level: 2, sentOn: '2025-04-07', channel: 'email' }],
 * };
 * ```
 */
export interface PortfolioItem {
  /** Issue date; before it the item is `not-issued`. Omitted: treated as issued. */
  readonly issueDate?: CalendarDate;
  /** The last day of payment; interest runs from the day after. */
  readonly dueDate: CalendarDate;
  /** The principal claimed (VAT included), whole cents, ≥ 0. */
  readonly amountCents: number;
  readonly payments?: readonly PortfolioPayment[];
  readonly reminders?: readonly PortfolioReminder[];
}

/**
 * What every item of one portfolio evaluation shares.
 *
 * @example
 * ```ts
 * const options: PortfolioOptions = {
 *   asOf: '2025-12-31', rateTable: beCommercialRates, method: 'simple',
 *   buckets: DEFAULT_AGEING_BUCKETS, policy: BE_B2B_POLICY,
 * };
 * ```
 */
export interface PortfolioOptions {
  /** The company's local date; interest runs up to and including it. */
  readonly asOf: CalendarDate;
  readonly rateTable: RateTable;
  /**
   * `simple` (Belgium) or `compound-annual` (NL). The day count is `actual/365` and segments
   * are rounded one by one (the defaults of `lateInterest`); for `actual/actual` or `total`
   * rounding, call `lateInterest`.
   */
  readonly method: InterestMethod;
  /** Default `DEFAULT_AGEING_BUCKETS`. */
  readonly buckets?: readonly AgeingBucketDefinition[];
  /** Without a policy, `next` is `undefined`. */
  readonly policy?: DunningPolicy;
}

/**
 * The next dunning step for one item, decided as `planDunning` decides it for an item with no
 * exclusion (dispute, hold, payment plan, promise), no unapplied credit and an amount above the
 * minimum: those depend on the debtor and stay the planner's job.
 *
 * @example
 * ```ts
 * const n: PortfolioNextStep = { kind: 'due', level: 2, levelKey: 'reminder', dueOn: '2025-04-07', lapsed: [1] };
 * ```
 */
export type PortfolioNextStep =
  | { readonly kind: 'paid' }
  | { readonly kind: 'due'; readonly level: number; readonly levelKey: string; readonly dueOn: CalendarDate; readonly lapsed: readonly number[] }
  | {
      readonly kind: 'wait';
      readonly reason: 'not-yet-due' | 'waiting-period' | 'final-level-reached';
      readonly until?: CalendarDate;
      readonly level?: number;
    };

/**
 * The evaluation of one item as of the portfolio date. Days are never negative: `dueInDays`
 * counts down to the due date, `daysOverdue` counts from it.
 *
 * @example
 * ```ts
 * line.status; // "overdue"
 * fromCents(line.interestCents).toFixed(2); // "300.89"
 * ```
 */
export interface PortfolioLine {
  readonly status: 'not-issued' | 'paid' | 'not-due' | 'due-today' | 'overdue';
  readonly dueInDays: number;
  readonly daysOverdue: number;
  readonly partlyPaid: boolean;
  /** Principal still open, whole cents. */
  readonly openCents: number;
  /** Index into the ageing buckets; −1 when nothing is open or the item is not issued yet. */
  readonly bucket: number;
  /** Late-payment interest from the day after the due date up to the as-of date, whole cents. */
  readonly interestCents: number;
  readonly next: PortfolioNextStep | undefined;
}

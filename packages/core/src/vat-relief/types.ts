import type { CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import type { AmountInput, Money } from '../money/money.js';
import type { VatFilingFrequency, VatReturnPeriod } from './vatReturnPeriod.js';

/**
 * An event that makes the loss of a receivable certain. BE (art. 77 §1, 7° WBTW): the date of
 * the bankruptcy judgment; the homologation of a reorganisation plan (or the relevant
 * judgment); or a loss booked to profit and loss with proof that recovery is impossible.
 * NL (art. 29 Wet OB): any of these fixes the date on which it became clear the invoice will
 * not be paid.
 */
export interface LossEvent {
  readonly kind: 'bankruptcy-judgment' | 'judicial-reorganisation-homologation' | 'loss-established';
  readonly date: CalendarDate;
}

/**
 * The Belgian 2023 probable-loss regime (vermoedelijk verlies / perte probable). **[U]**:
 * reference.md §4.2 says not to rely on these timing rules before checking art. 77 WBTW as
 * amended late 2022 and the FOD Financiën circular, so it is off unless switched on and every
 * result that uses it is marked `unconfirmed`. As modelled: unpaid at 31 December of the year
 * after the year the debt fell due, and the customer notified of the VAT correction.
 */
export interface BeProbableLossConfig {
  readonly enabled: boolean;
  /** Day the customer was told (in writing or electronically) that the VAT is corrected. */
  readonly customerNotifiedOn?: CalendarDate;
}

/** Input of `vatReliefEligibility`. */
export interface VatReliefInput {
  readonly country: Country;
  /** Invoice total including VAT. */
  readonly invoiceTotal: AmountInput;
  /** VAT on the invoice. */
  readonly invoiceVat: AmountInput;
  /** Paid so far (including VAT); default 0. */
  readonly paid?: AmountInput;
  /** Day the consideration became due (opeisbaar / exigible). */
  readonly dueDate: CalendarDate;
  readonly asOf: CalendarDate;
  readonly filing: VatFilingFrequency;
  readonly lossEvents?: readonly LossEvent[];
  /** NL: turning the receivable into a loan counts as payment and ends the right. */
  readonly convertedToLoan?: boolean;
  /** The receivable was assigned or factored: who may claim is not researched [U]. */
  readonly receivableAssigned?: boolean;
  readonly beProbableLoss?: BeProbableLossConfig;
}

/** Why relief arises on a date. */
export type VatReliefBasis =
  | 'nl-one-year-after-due'
  | 'nl-transitional-2018'
  | 'loss-event'
  | 'be-probable-loss';

/** A condition that is still open. */
export type VatReliefPending = 'time' | 'notify-customer';

/** Why there is no relief. */
export type VatReliefRefusal = 'fully-paid' | 'converted-to-loan' | 'no-certain-loss' | 'receivable-assigned-needs-review';

/** The figures that go into the return. */
export interface VatReliefAmounts {
  readonly unpaid: Money;
  /** VAT on the unpaid part: invoiceVat × unpaid / invoiceTotal, rounded half-up. */
  readonly reclaimableVat: Money;
}

/** The outcome of `vatReliefEligibility`. */
export type VatReliefEligibility =
  | (VatReliefAmounts & {
      readonly status: 'eligible';
      readonly eligibleFrom: CalendarDate;
      readonly basis: VatReliefBasis;
      readonly lossEvent?: LossEvent;
      /** The return in which to claim it. */
      readonly returnPeriod: VatReturnPeriod;
      readonly unconfirmed: boolean;
      readonly note?: string;
      readonly source: string;
    })
  | (VatReliefAmounts & {
      readonly status: 'not-yet';
      /** Earliest date relief can arise if nothing is paid (before any pending notification). */
      readonly earliestFrom: CalendarDate;
      readonly basis: VatReliefBasis;
      readonly pending: readonly VatReliefPending[];
      /** The return period of `earliestFrom`, for planning. */
      readonly returnPeriod: VatReturnPeriod;
      readonly unconfirmed: boolean;
      readonly note?: string;
      readonly source: string;
    })
  | { readonly status: 'not-eligible'; readonly reasons: readonly VatReliefRefusal[]; readonly source: string };

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
 *
 * @example
 * ```ts
 * const bankruptcy: LossEvent = { kind: 'bankruptcy-judgment', date: '2025-05-20' }; // faillissement / faillite
 * ```
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
 *
 * @example
 * ```ts
 * const beProbableLoss: BeProbableLossConfig = { enabled: true, customerNotifiedOn: '2025-01-05' };
 * vatReliefEligibility({ country: 'BE', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2023-02-09',
 *   asOf: '2025-01-10', filing: 'monthly', beProbableLoss });
 * // { status: "eligible", eligibleFrom: "2025-01-05", basis: "be-probable-loss", unconfirmed: true, … }
 * ```
 */
export interface BeProbableLossConfig {
  readonly enabled: boolean;
  /** Day the customer was told (in writing or electronically) that the VAT is corrected. */
  readonly customerNotifiedOn?: CalendarDate;
}

/**
 * Input of `vatReliefEligibility`: the invoice, what was paid, and the facts that can make the
 * VAT on an unpaid invoice reclaimable (NL teruggaaf btw bij oninbare vorderingen; BE
 * teruggave btw / restitution de la TVA).
 *
 * @example
 * ```ts
 * const input: VatReliefInput = {
 *   country: 'BE', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2025-02-09', asOf: '2025-06-01',
 *   filing: 'monthly', lossEvents: [{ kind: 'bankruptcy-judgment', date: '2025-05-20' }],
 * };
 * vatReliefEligibility(input).status; // "eligible" (from 2025-05-20, return 2025-05)
 * ```
 */
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

/**
 * Why relief arises on a date: NL one year after the due date (or the 2018 transitional rule
 * for older debts), a loss event, or the BE probable-loss regime.
 *
 * @example
 * ```ts
 * const r = vatReliefEligibility({ country: 'NL', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2016-02-09', asOf: '2026-03-01', filing: 'monthly' });
 * const basis: VatReliefBasis | undefined = r.status === 'not-eligible' ? undefined : r.basis; // "nl-transitional-2018"
 * ```
 */
export type VatReliefBasis =
  | 'nl-one-year-after-due'
  | 'nl-transitional-2018'
  | 'loss-event'
  | 'be-probable-loss';

/**
 * A condition of relief that is still open: time must pass, or (BE probable loss) the customer
 * must be told of the VAT correction.
 *
 * @example
 * ```ts
 * const r = vatReliefEligibility({ country: 'BE', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2023-02-09',
 *   asOf: '2025-01-10', filing: 'monthly', beProbableLoss: { enabled: true } });
 * const pending: readonly VatReliefPending[] = r.status === 'not-yet' ? r.pending : []; // ["notify-customer"]
 * ```
 */
export type VatReliefPending = 'time' | 'notify-customer';

/**
 * Why there is no relief.
 *
 * @example
 * ```ts
 * vatReliefEligibility({ country: 'BE', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2025-02-09', asOf: '2025-06-01', filing: 'monthly' });
 * // { status: "not-eligible", reasons: ["no-certain-loss"], source: "reference.md §4.2 (art. 77 §1, 7° WBTW)" }
 * const reason: VatReliefRefusal = 'no-certain-loss';
 * ```
 */
export type VatReliefRefusal = 'fully-paid' | 'converted-to-loan' | 'no-certain-loss' | 'receivable-assigned-needs-review';

/**
 * The figures that go into the VAT return: the unpaid amount and the VAT on it.
 *
 * @example
 * ```ts
 * // 1210.00 invoice with 210.00 VAT, 605.00 paid
 * const amounts: VatReliefAmounts = { unpaid: money('605'), reclaimableVat: money('105') };
 * ```
 */
export interface VatReliefAmounts {
  readonly unpaid: Money;
  /** VAT on the unpaid part: invoiceVat × unpaid / invoiceTotal, rounded half-up. */
  readonly reclaimableVat: Money;
}

/**
 * The outcome of `vatReliefEligibility`: `eligible` (claim it in `returnPeriod`), `not-yet`
 * (with the earliest date and what is pending) or `not-eligible` (with reasons). Switch on
 * `status`.
 *
 * @example
 * ```ts
 * const r: VatReliefEligibility = vatReliefEligibility({ country: 'NL', invoiceTotal: '1210', invoiceVat: '210',
 *   paid: '605', dueDate: '2025-02-09', asOf: '2025-06-01', filing: 'quarterly' });
 * // { status: "not-yet", unpaid: 605, reclaimableVat: 105, earliestFrom: "2026-02-09", basis: "nl-one-year-after-due",
 * //   pending: ["time"], returnPeriod: { label: "2026-Q1", … }, unconfirmed: false, source: "reference.md §4.1 (…)" }
 * ```
 */
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

import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput, Money } from '../money/money.js';
import type { VatCategory } from '../vat/categories.js';

/**
 * How VAT follows an early-payment discount (korting voor contante betaling / escompte) :
 * - `on-discounted-base`: VAT is charged on the discounted base from the start, whether or not
 *   the customer pays early (Belgian practice; Odoo "Always (upon invoice)").
 * - `reduce-on-early-payment`: VAT is on the full base and is reduced only when the customer
 *   pays early (Odoo "On early payment").
 * - `none`: VAT is never reduced; the discount comes off the base only (Odoo "Never").
 *
 * @example
 * ```ts
 * const vatMode: DiscountVatMode = 'reduce-on-early-payment';
 * // €100 + 21 % VAT, 2 % within 7 days: the invoice shows VAT 21.00; paying early corrects it by 0.42
 * discountTerms(totals, { percent: 2, withinDays: 7, vatMode }, '2025-03-01').invoiceVatTotal.toFixed(2); // "21.00"
 * ```
 */
export type DiscountVatMode = 'on-discounted-base' | 'reduce-on-early-payment' | 'none';

/**
 * "2 % within 10 days, otherwise net": the early-payment discount offer as agreed (korting voor
 * contante betaling / escompte pour paiement comptant).
 *
 * @example
 * ```ts
 * const offer: EarlyPaymentDiscount = { percent: 2, withinDays: 10, vatMode: 'on-discounted-base' };
 * ```
 */
export interface EarlyPaymentDiscount {
  /** Percent of the amount excluding VAT, above 0 and below 100. */
  readonly percent: AmountInput;
  /** Calendar days from the start date; a payment on the last day still counts. */
  readonly withinDays: number;
  readonly vatMode: DiscountVatMode;
}

/**
 * The discount's share of one VAT category and rate, inside {@link DiscountTerms}.
 *
 * @example
 * ```ts
 * // €100 at 21 % with 2 % early-payment discount
 * const share: CategoryDiscount = {
 *   category: 'S', rate: money(21), taxableAmount: money(100), baseDiscount: money(2),
 *   vatAmount: money(21), vatOnDiscountedBase: money('20.58'), vatDiscount: money('0.42'),
 * };
 * ```
 */
export interface CategoryDiscount {
  readonly category: VatCategory;
  readonly rate: Money;
  readonly taxableAmount: Money;
  /** This category's share of the one rounded base discount. */
  readonly baseDiscount: Money;
  /** VAT on the full base (as in the totals). */
  readonly vatAmount: Money;
  /** VAT on the discounted base, rounded once per category and rate (BR-CO-17). */
  readonly vatOnDiscountedBase: Money;
  /** `vatAmount − vatOnDiscountedBase`, or 0 when the mode never reduces VAT. */
  readonly vatDiscount: Money;
}

/**
 * The discount worked out once for an invoice by {@link discountTerms}: what to print and what
 * to reconcile against.
 *
 * @example
 * ```ts
 * // €100 + 21 % VAT, 2 % within 7 days, Belgian mode, invoice dated 2025-03-01
 * const t: DiscountTerms = discountTerms(totals, { percent: 2, withinDays: 7, vatMode: 'on-discounted-base' }, '2025-03-01');
 * // t: { deadline: "2025-03-08", originalPayable: 121, baseDiscount: 2, vatDiscount: 0.42,
 * //      discountTotal: 2.42, invoiceVatTotal: 20.58, payableIfEarly: 118.58, payableIfLate: 120.58, … }
 * ```
 */
export interface DiscountTerms {
  readonly percent: Money;
  readonly withinDays: number;
  readonly vatMode: DiscountVatMode;
  /** Last day a payment earns the discount (inclusive). */
  readonly deadline: CalendarDate;
  /** The invoice's payable before any discount (BT-115). */
  readonly originalPayable: Money;
  /** Base discount + VAT discount; exactly `originalPayable − payableIfEarly`. */
  readonly discountTotal: Money;
  readonly baseDiscount: Money;
  readonly vatDiscount: Money;
  /** The VAT the invoice shows: reduced from the start in `on-discounted-base` mode. */
  readonly invoiceVatTotal: Money;
  readonly payableIfEarly: Money;
  readonly payableIfLate: Money;
  readonly perCategory: readonly CategoryDiscount[];
}

/**
 * A payment received on the invoice, for {@link settleWithDiscount}.
 *
 * @example
 * ```ts
 * const payment: DiscountPayment = { date: '2025-03-05', amount: '100.00' };
 * ```
 */
export interface DiscountPayment {
  readonly date: CalendarDate;
  /** > 0, whole cents. */
  readonly amount: AmountInput;
}

/**
 * What payments did with the discount offer: `earned`, still `pending` before the deadline, or
 * `lost`. Returned by {@link settleWithDiscount}; switch on `status`.
 *
 * @example
 * ```ts
 * // 118.58 early / 120.58 late, deadline 2025-03-08; 100.00 paid on 5 March, asked on 6 March
 * const s: DiscountSettlement = settleWithDiscount(terms, [{ date: '2025-03-05', amount: '100.00' }], '2025-03-06');
 * if (s.status === 'pending') s.remainingToEarn.toFixed(2); // "18.58" (or 20.58 after the deadline)
 * ```
 */
export type DiscountSettlement =
  | {
      /** The payments within the deadline reached the discounted amount. */
      readonly status: 'earned';
      readonly paid: Money;
      readonly paidInTime: Money;
      readonly discountGranted: Money;
      /** VAT to correct now (credit note or VAT correction): only in `reduce-on-early-payment` mode. */
      readonly vatCorrection: Money;
      readonly remaining: Money;
      readonly overpaid: Money;
    }
  | {
      /** The deadline has not passed yet (as of `asOf`) and the discount can still be earned. */
      readonly status: 'pending';
      readonly paid: Money;
      readonly deadline: CalendarDate;
      /** Still to pay by the deadline to earn the discount. */
      readonly remainingToEarn: Money;
      /** Still to pay if the discount is not earned. */
      readonly remainingIfLate: Money;
    }
  | {
      /** The deadline passed without the discounted amount: the late amount is owed. */
      readonly status: 'lost';
      readonly paid: Money;
      readonly paidInTime: Money;
      readonly remaining: Money;
      readonly overpaid: Money;
    };

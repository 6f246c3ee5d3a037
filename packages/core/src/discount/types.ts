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
 */
export type DiscountVatMode = 'on-discounted-base' | 'reduce-on-early-payment' | 'none';

/** "2 % within 10 days, otherwise net": the offer as agreed. */
export interface EarlyPaymentDiscount {
  /** Percent of the amount excluding VAT, above 0 and below 100. */
  readonly percent: AmountInput;
  /** Calendar days from the start date; a payment on the last day still counts. */
  readonly withinDays: number;
  readonly vatMode: DiscountVatMode;
}

/** The discount's share of one VAT category and rate. */
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

/** The discount worked out once for an invoice: what to print and what to reconcile against. */
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

/** A payment received on the invoice. */
export interface DiscountPayment {
  readonly date: CalendarDate;
  /** > 0, whole cents. */
  readonly amount: AmountInput;
}

/** What payments did with the discount offer. */
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

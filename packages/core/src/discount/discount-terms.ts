import { addDays, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import type { InvoiceTotals } from '../invoice/types.js';
import { allocate } from '../money/allocate.js';
import { Dec } from '../money/decimal.js';
import { money, roundCents, sumMoney, toCents, type Money } from '../money/money.js';
import type { CategoryDiscount, DiscountTerms, DiscountVatMode, EarlyPaymentDiscount } from './types.js';

const MODES: readonly DiscountVatMode[] = ['on-discounted-base', 'reduce-on-early-payment', 'none'];

/**
 * The totals a discount needs; a full {@link InvoiceTotals} fits.
 *
 * @example
 * ```ts
 * const totals: DiscountableTotals = computeInvoiceTotals({
 *   kind: 'invoice', number: 'F-1', issueDate: '2025-03-01', currency: 'EUR', vatCountry: 'BE',
 *   lines: [{ description: 'Service', quantity: 1, unitPrice: '100', vatCategory: 'S', vatRate: 21 }],
 * });
 * discountTerms(totals, { percent: 2, withinDays: 7, vatMode: 'none' }, '2025-03-01').payableIfEarly.toFixed(2); // "119.00"
 * ```
 */
export type DiscountableTotals = Pick<InvoiceTotals, 'kind' | 'taxExclusive' | 'vatTotal' | 'payable' | 'vatBreakdown'>;

function checkDiscount(discount: EarlyPaymentDiscount): { percent: Money; withinDays: number; vatMode: DiscountVatMode } {
  if (discount === null || typeof discount !== 'object') return fail('INVALID_ARGUMENT', 'discount', 'expected { percent, withinDays, vatMode }');
  let percent: Money;
  try {
    percent = money(discount.percent, 'discount.percent');
  } catch {
    return fail('INVALID_PERCENTAGE', 'discount.percent', `${JSON.stringify(String(discount.percent))} is not a number`);
  }
  if (!percent.greaterThan(0) || !percent.lessThan(100)) fail('INVALID_PERCENTAGE', 'discount.percent', `must be above 0 and below 100, got ${percent.toString()}`);
  const d = discount.withinDays;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 3650) {
    fail('INVALID_ARGUMENT', 'discount.withinDays', `must be a whole number of days from 0 to 3650, got ${String(d)}`);
  }
  if (!MODES.includes(discount.vatMode)) fail('INVALID_ARGUMENT', 'discount.vatMode', `${JSON.stringify(discount.vatMode)} is not one of ${MODES.join(', ')}`);
  return { percent, withinDays: d, vatMode: discount.vatMode };
}

/**
 * Works out an early-payment discount ("2 % within 10 days, otherwise 30 days net") for an
 * invoice: the deadline, the discount and the amounts to pay early or late.
 *
 * Rounding, once and at named points (the lesson of Odoo's EPD rounding fixes and ERPNext's
 * 0.01 residue, other-systems.md §2.1 and §5 items 23–25):
 * 1. The base discount is `percent × taxExclusive` on the invoice total, rounded to the cent once,
 *    then split over the VAT categories with `allocate()` (never rounded per line).
 * 2. When VAT follows the discount, each category's VAT on the discounted base is
 *    `rate × (taxable − its share)`, rounded once per category and rate (BR-CO-17), so the VAT
 *    shown matches what a VAT inspector recomputes. The VAT discount is the difference.
 * 3. `discountTotal = baseDiscount + vatDiscount` and `payableIfEarly = payable − discountTotal`
 *    exactly: the customer who pays `payableIfEarly` leaves no cent open.
 *
 * Late amount: `on-discounted-base` keeps the reduced VAT (`payable − vatDiscount`); the
 * other modes owe the full payable. The discount is on this document's own totals; an amount
 * already prepaid (BT-113) is not discounted again but is deducted from both amounts.
 *
 * Throws `INVALID_PERCENTAGE`, `INVALID_ARGUMENT`, `INVALID_DATE`, `INVALID_INVOICE` (a credit
 * note has no discount), `INVALID_AMOUNT` (the discount exceeds the payable).
 *
 * @example
 * ```ts
 * // Odoo's documented example: €100 + 21 % VAT, 2 % within 7 days, net 30.
 * const t = discountTerms(totals, { percent: 2, withinDays: 7, vatMode: 'on-discounted-base' }, '2025-03-01');
 * [t.deadline, t.payableIfEarly.toFixed(2), t.payableIfLate.toFixed(2)]; // ["2025-03-08", "118.58", "120.58"]
 * ```
 */
export function discountTerms(totals: DiscountableTotals, discount: EarlyPaymentDiscount, from: CalendarDate): DiscountTerms {
  const { percent, withinDays, vatMode } = checkDiscount(discount);
  const start = parseDate(from, 'from');
  if (totals === null || typeof totals !== 'object') return fail('INVALID_ARGUMENT', 'totals', 'expected invoice totals');
  if (totals.kind === 'credit-note') fail('INVALID_INVOICE', 'totals.kind', 'a credit note carries no early-payment discount');
  for (const [name, value] of [['taxExclusive', totals.taxExclusive], ['vatTotal', totals.vatTotal], ['payable', totals.payable]] as const) {
    toCents(money(value, `totals.${name}`), `totals.${name}`);
  }

  const taxExclusive = money(totals.taxExclusive);
  // Rounding point: the one base discount, on the invoice total.
  const baseDiscount = roundCents(taxExclusive.times(percent).dividedBy(100));
  const categories = totals.vatBreakdown;
  const shares = baseDiscount.isZero() || taxExclusive.isZero()
    ? categories.map(() => new Dec(0))
    : allocate(baseDiscount, categories.map((c) => c.taxableAmount), 'baseDiscount');

  const perCategory: CategoryDiscount[] = categories.map((c, i) => {
    const share = shares[i] ?? new Dec(0);
    // Rounding point: VAT per category and rate on the discounted base (BR-CO-17).
    const vatOnDiscountedBase = roundCents(c.taxableAmount.minus(share).times(c.rate).dividedBy(100));
    const vatDiscount = vatMode === 'none' ? new Dec(0) : c.vatAmount.minus(vatOnDiscountedBase);
    return { category: c.category, rate: c.rate, taxableAmount: c.taxableAmount, baseDiscount: share, vatAmount: c.vatAmount, vatOnDiscountedBase, vatDiscount };
  });

  const vatDiscount = sumMoney(perCategory.map((c) => c.vatDiscount));
  const discountTotal = baseDiscount.plus(vatDiscount);
  const originalPayable = money(totals.payable);
  if (discountTotal.greaterThan(originalPayable)) {
    fail('INVALID_AMOUNT', 'totals.payable', `the discount ${discountTotal.toFixed(2)} exceeds the amount payable ${originalPayable.toFixed(2)}`);
  }
  const vatTotal = money(totals.vatTotal);
  return {
    percent,
    withinDays,
    vatMode,
    deadline: addDays(start, withinDays),
    originalPayable,
    discountTotal,
    baseDiscount,
    vatDiscount,
    invoiceVatTotal: vatMode === 'on-discounted-base' ? vatTotal.minus(vatDiscount) : vatTotal,
    payableIfEarly: originalPayable.minus(discountTotal),
    payableIfLate: vatMode === 'on-discounted-base' ? originalPayable.minus(vatDiscount) : originalPayable,
    perCategory,
  };
}

import { parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { money, toCents, type Money } from '../money/money.js';
import type { DiscountPayment, DiscountSettlement, DiscountTerms } from './types.js';

const positive = (m: Money): Money => (m.greaterThan(0) ? m : new Dec(0));

/**
 * Decides whether payments earned the early-payment discount and what is still owed.
 *
 * The rule (what a bookkeeper expects, and what the offer says): **the discount is earned when
 * the payments dated on or before the deadline add up to at least the discounted amount**
 * (`payableIfEarly`). Several partial payments within the deadline count together (Odoo PR
 * #94050: after a part payment the customer owes the rest of the discounted amount, not the
 * whole discounted amount again). A part paid in time does not earn a part of the discount:
 * "2 % if you pay within 10 days" rewards settling the invoice early, and one discount figure,
 * fixed on the invoice, keeps the VAT correction single and free of per-payment rounding
 * (ERPNext's unallocated 0.01, other-systems.md §5 item 25).
 *
 * Without `asOf` the deadline is taken as passed; with `asOf` on or before the deadline, an
 * unearned discount is `pending` and both remaining amounts are given. Remaining amounts are
 * exact differences of whole cents: paying them leaves nothing, never 0.01.
 *
 * Throws `INVALID_AMOUNT` (a payment ≤ 0 or with a fraction of a cent) and `INVALID_DATE`,
 * naming `payments[i].amount` / `payments[i].date`.
 *
 * @example
 * ```ts
 * // 118.58 early / 120.58 late (Belgian mode), deadline 2025-03-08.
 * settleWithDiscount(terms, [{ date: '2025-03-05', amount: '100.00' }, { date: '2025-03-08', amount: '18.58' }]);
 * // { status: 'earned', discountGranted: 2.42, remaining: 0, … }
 * settleWithDiscount(terms, [{ date: '2025-03-05', amount: '100.00' }]);
 * // { status: 'lost', remaining: 20.58, … }
 * ```
 */
export function settleWithDiscount(terms: DiscountTerms, payments: readonly DiscountPayment[], asOf?: CalendarDate): DiscountSettlement {
  if (terms === null || typeof terms !== 'object') return fail('INVALID_ARGUMENT', 'terms', 'expected the result of discountTerms()');
  const deadline = parseDate(terms.deadline, 'terms.deadline');
  if (!Array.isArray(payments)) fail('INVALID_ARGUMENT', 'payments', 'expected an array of { date, amount }');
  let paid: Money = new Dec(0);
  let paidInTime: Money = new Dec(0);
  payments.forEach((p, i) => {
    const date = parseDate(p?.date, `payments[${i}].date`);
    const amount = money(p.amount, `payments[${i}].amount`);
    if (!amount.greaterThan(0)) fail('INVALID_AMOUNT', `payments[${i}].amount`, `must be greater than 0, got ${amount.toString()}`);
    toCents(amount, `payments[${i}].amount`);
    paid = paid.plus(amount);
    if (date <= deadline) paidInTime = paidInTime.plus(amount);
  });
  const early = money(terms.payableIfEarly, 'terms.payableIfEarly');
  const late = money(terms.payableIfLate, 'terms.payableIfLate');

  if (paidInTime.greaterThanOrEqualTo(early)) {
    return {
      status: 'earned',
      paid,
      paidInTime,
      discountGranted: money(terms.discountTotal),
      // In Belgian mode the VAT was already on the discounted base; only "reduce on early payment" corrects now.
      vatCorrection: terms.vatMode === 'reduce-on-early-payment' ? money(terms.vatDiscount) : new Dec(0),
      remaining: new Dec(0),
      overpaid: paid.minus(early),
    };
  }
  if (asOf !== undefined && parseDate(asOf, 'asOf') <= deadline) {
    return { status: 'pending', paid, deadline, remainingToEarn: early.minus(paidInTime), remainingIfLate: positive(late.minus(paid)) };
  }
  return { status: 'lost', paid, paidInTime, remaining: positive(late.minus(paid)), overpaid: positive(paid.minus(late)) };
}

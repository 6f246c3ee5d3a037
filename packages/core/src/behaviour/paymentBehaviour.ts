import { daysBetween, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { ZERO, type AmountInput, type Money } from '../money/money.js';
import { assertUniqueIds, readId, wholeCents } from '../payments/read.js';

/**
 * Averages of days are rounded half-up to this many decimals, once, at the end.
 *
 * @example
 * ```ts
 * BEHAVIOUR_DAYS_DECIMALS; // 1, so 7.45 days is reported as 7.5
 * ```
 */
export const BEHAVIOUR_DAYS_DECIMALS = 1;
/**
 * Ratios (0 to 1) are rounded half-up to this many decimals, once, at the end.
 *
 * @example
 * ```ts
 * BEHAVIOUR_RATIO_DECIMALS; // 4, so two on time out of three is 0.6667
 * ```
 */
export const BEHAVIOUR_RATIO_DECIMALS = 4;

/**
 * One settled invoice of a debtor's history, with the dates and amounts in which it was paid.
 *
 * @example
 * ```ts
 * const paid: PaidInvoice = {
 *   id: 'INV-7', issueDate: '2025-01-01', dueDate: '2025-01-31',
 *   payments: [{ date: '2025-02-10', amount: '600.00' }, { date: '2025-03-01', amount: '610.00' }],
 * };
 * ```
 */
export interface PaidInvoice {
  readonly id: string;
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly payments: readonly { readonly date: CalendarDate; readonly amount: AmountInput }[];
}

/**
 * An average computed two ways. `perInvoice`: each invoice counts once, with the day it was
 * settled (its last payment). `amountWeighted`: each euro counts once, with the day it was paid,
 * so a large invoice paid late weighs more than a small one paid on time.
 *
 * @example
 * ```ts
 * behaviour.kind === 'history' && behaviour.averageDaysBeyondTerms.amountWeighted.toString(); // "6.5"
 * ```
 */
export interface DayAverages {
  readonly perInvoice: Money;
  readonly amountWeighted: Money;
}

/**
 * How a debtor has paid (betaalgedrag, comportement de paiement). With no settled invoice there
 * is nothing to average, and the result says so rather than returning NaN.
 *
 * @example
 * ```ts
 * const b = paymentBehaviour([]); // { kind: 'no-history', sampleSize: 0 }
 * ```
 */
export type PaymentBehaviour =
  | { readonly kind: 'no-history'; readonly sampleSize: 0 }
  | {
      readonly kind: 'history';
      /** Settled invoices in the history. */
      readonly sampleSize: number;
      readonly paymentCount: number;
      readonly amountPaid: Money;
      /** Days from the issue date to payment (never negative: prepayment counts as 0). */
      readonly averageDaysToPay: DayAverages;
      /** Days past the due date at payment; payment on or before the due date counts as 0. */
      readonly averageDaysBeyondTerms: DayAverages;
      /** Share settled by the due date: of invoices (`byCount`) and of euros (`byAmount`), 0 to 1. */
      readonly onTimeRatio: { readonly byCount: Money; readonly byAmount: Money };
      /** The most days past due at which any invoice was settled. */
      readonly longestDaysBeyondTerms: number;
      readonly lastPaidOn: CalendarDate;
    };

/**
 * Summarises a debtor's settled invoices: average days to pay, average days beyond terms (per
 * invoice and amount-weighted, see {@link DayAverages}), the on-time ratio, and the worst delay.
 * Days are whole calendar days; averages are rounded half-up to {@link BEHAVIOUR_DAYS_DECIMALS}
 * decimals and ratios to {@link BEHAVIOUR_RATIO_DECIMALS}, once, at the end.
 *
 * Throws `INVALID_ARGUMENT` (`history[i].payments`) for an invoice without payments,
 * `INVALID_AMOUNT` (`history[i].payments[j].amount`) for a zero, negative or sub-cent payment,
 * `INVALID_DATE` for a bad date, `INVALID_RANGE` (`history[i].dueDate`) for a due date before the
 * issue date, and `DUPLICATE_ID` (`history[i].id`).
 *
 * @example
 * ```ts
 * const b = paymentBehaviour([
 *   { id: 'A', issueDate: '2025-01-01', dueDate: '2025-01-31', payments: [{ date: '2025-01-31', amount: '100.00' }] },
 *   { id: 'B', issueDate: '2025-02-01', dueDate: '2025-03-03', payments: [{ date: '2025-03-13', amount: '300.00' }] },
 * ]);
 * // averageDaysBeyondTerms: perInvoice 5.0, amountWeighted 7.5; onTimeRatio.byCount 0.5
 * ```
 */
export function paymentBehaviour(history: readonly PaidInvoice[]): PaymentBehaviour {
  if (!Array.isArray(history)) fail('INVALID_ARGUMENT', 'history', 'must be a list of paid invoices');
  assertUniqueIds(history.map((h, i) => readId(h?.id, `history[${i}].id`)), 'history');
  if (history.length === 0) return { kind: 'no-history', sampleSize: 0 };

  let paymentCount = 0;
  let amountPaid = ZERO;
  let toPayWeighted = ZERO;
  let beyondWeighted = ZERO;
  let onTimeAmount = ZERO;
  let toPaySum = 0;
  let beyondSum = 0;
  let onTimeCount = 0;
  let longest = 0;
  let lastPaidOn = '';

  history.forEach((h, i) => {
    const field = `history[${i}]`;
    const issueDate = parseDate(h.issueDate, `${field}.issueDate`);
    const dueDate = parseDate(h.dueDate, `${field}.dueDate`);
    if (dueDate < issueDate) fail('INVALID_RANGE', `${field}.dueDate`, `${dueDate} is before the issue date ${issueDate}`);
    if (!Array.isArray(h.payments) || h.payments.length === 0) fail('INVALID_ARGUMENT', `${field}.payments`, 'a paid invoice needs at least one payment');
    const payments: PaidInvoice['payments'] = h.payments;
    let settledOn = '';
    payments.forEach((p, j) => {
      const date = parseDate(p.date, `${field}.payments[${j}].date`);
      const amount = wholeCents(p.amount, `${field}.payments[${j}].amount`, false);
      paymentCount += 1;
      amountPaid = amountPaid.plus(amount);
      toPayWeighted = toPayWeighted.plus(amount.times(Math.max(0, daysBetween(issueDate, date))));
      beyondWeighted = beyondWeighted.plus(amount.times(Math.max(0, daysBetween(dueDate, date))));
      if (date <= dueDate) onTimeAmount = onTimeAmount.plus(amount);
      if (date > settledOn) settledOn = date;
    });
    const beyond = Math.max(0, daysBetween(dueDate, settledOn));
    toPaySum += Math.max(0, daysBetween(issueDate, settledOn));
    beyondSum += beyond;
    if (beyond === 0) onTimeCount += 1;
    longest = Math.max(longest, beyond);
    if (settledOn > lastPaidOn) lastPaidOn = settledOn;
  });

  const n = history.length;
  const days = (d: Money): Money => d.toDecimalPlaces(BEHAVIOUR_DAYS_DECIMALS, Dec.ROUND_HALF_UP);
  const ratio = (r: Money): Money => r.toDecimalPlaces(BEHAVIOUR_RATIO_DECIMALS, Dec.ROUND_HALF_UP);
  return {
    kind: 'history',
    sampleSize: n,
    paymentCount,
    amountPaid,
    averageDaysToPay: { perInvoice: days(new Dec(toPaySum).dividedBy(n)), amountWeighted: days(toPayWeighted.dividedBy(amountPaid)) },
    averageDaysBeyondTerms: { perInvoice: days(new Dec(beyondSum).dividedBy(n)), amountWeighted: days(beyondWeighted.dividedBy(amountPaid)) },
    onTimeRatio: { byCount: ratio(new Dec(onTimeCount).dividedBy(n)), byAmount: ratio(onTimeAmount.dividedBy(amountPaid)) },
    longestDaysBeyondTerms: longest,
    lastPaidOn,
  };
}

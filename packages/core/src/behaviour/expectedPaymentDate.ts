import { addDays, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { readItem } from '../payments/read.js';
import type { OpenItem } from '../payments/types.js';
import type { PaymentBehaviour } from './paymentBehaviour.js';

/**
 * When an open invoice is likely to be paid, and on what that guess rests.
 *
 * @example
 * ```ts
 * const e: ExpectedPayment = { date: '2025-03-09', basis: 'history', daysBeyondTerms: 7, passed: false };
 * ```
 */
export interface ExpectedPayment {
  readonly date: CalendarDate;
  /** `history`: the debtor's own record; `terms`: no history, so the due date. */
  readonly basis: 'history' | 'terms';
  /** Whole days added to the due date (the amount-weighted average, rounded half-up). */
  readonly daysBeyondTerms: number;
  /** With `asOf`: the expected date has already gone by, and the invoice is still open. */
  readonly passed: boolean;
}

/**
 * Expects an open invoice to be paid as late as this debtor usually pays: the due date plus the
 * amount-weighted average days beyond terms, rounded half-up to a whole day. Without history the
 * due date itself is expected (`basis: 'terms'`). Early payers are expected on the due date,
 * never before it, because days beyond terms are never negative.
 *
 * Throws `INVALID_ARGUMENT` (`item.kind`) for a credit note, `INVALID_DATE` (`asOf`), plus the
 * item checks of `allocatePayment`.
 *
 * @example
 * ```ts
 * const invoice: OpenItem = { id: 'INV-9', kind: 'invoice', issueDate: '2025-02-01', dueDate: '2025-03-03', amount: '500.00' };
 * expectedPaymentDate(invoice, behaviour); // { date: '2025-03-10', basis: 'history', daysBeyondTerms: 7, passed: false } when the average is 7.4
 * ```
 */
export function expectedPaymentDate(item: OpenItem, behaviour: PaymentBehaviour, asOf?: CalendarDate): ExpectedPayment {
  const checked = readItem(item, 'item');
  if (checked.kind !== 'invoice') fail('INVALID_ARGUMENT', 'item.kind', 'only an invoice is expected to be paid');
  const today = asOf === undefined ? undefined : parseDate(asOf, 'asOf');
  const daysBeyondTerms =
    behaviour.kind === 'history'
      ? new Dec(behaviour.averageDaysBeyondTerms.amountWeighted).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber()
      : 0;
  const date = addDays(checked.dueDate, daysBeyondTerms);
  return {
    date,
    basis: behaviour.kind === 'history' ? 'history' : 'terms',
    daysBeyondTerms,
    passed: today !== undefined && date < today,
  };
}

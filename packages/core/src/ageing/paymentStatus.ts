import { daysBetween, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import type { Money } from '../money/money.js';
import { readItem } from '../payments/read.js';
import type { OpenBalance, OpenItem } from '../payments/types.js';

/**
 * Where an item stands on a date. Overdue means the last day of payment has passed: on the due
 * date itself the invoice is `due-today`, not overdue (frappe/erpnext PR #45685, other-systems.md
 * §5 item 14). Days are whole calendar days, never negative.
 *
 * @example
 * ```ts
 * const s: PaymentStatus = { status: 'overdue', daysOverdue: 12, open: money('250.00'), partlyPaid: true };
 * ```
 */
export type PaymentStatus =
  | { readonly status: 'not-issued'; readonly issuedInDays: number }
  | { readonly status: 'paid'; readonly paidOn: CalendarDate }
  | { readonly status: 'not-due'; readonly dueInDays: number; readonly open: Money; readonly partlyPaid: boolean }
  | { readonly status: 'due-today'; readonly open: Money; readonly partlyPaid: boolean }
  | { readonly status: 'overdue'; readonly daysOverdue: number; readonly open: Money; readonly partlyPaid: boolean }
  | { readonly status: 'credit'; readonly open: Money };

/**
 * The status of an invoice (or credit note) as of `asOf`, from its open balance on that date
 * (see `openBalance` / `ledgerOf`). An invoice is `paid` once nothing is open, whatever is left of
 * interest or costs (they are part of the balance); `paidOn` is the date of the allocation that
 * settled it. A credit note is always `credit`, with the credit not yet set off.
 *
 * Throws `INVALID_DATE` (`asOf`), `INVALID_ARGUMENT` (`balance.itemId`) when the balance belongs
 * to another item, plus the item checks of `allocatePayment`.
 *
 * @example
 * ```ts
 * const invoice: OpenItem = { id: 'INV-1', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00' };
 * paymentStatus(invoice, openBalance(invoice, [], '2025-02-10'), '2025-02-10');
 * // { status: 'overdue', daysOverdue: 10, open: 100, partlyPaid: false }
 * ```
 */
export function paymentStatus(item: OpenItem, balance: OpenBalance, asOf: CalendarDate): PaymentStatus {
  const checked = readItem(item, 'item');
  const date = parseDate(asOf, 'asOf');
  if (balance.itemId !== checked.id) fail('INVALID_ARGUMENT', 'balance.itemId', `is "${balance.itemId}", not "${checked.id}"`);
  if (checked.issueDate > date) return { status: 'not-issued', issuedInDays: daysBetween(date, checked.issueDate) };
  const open = balance.total;
  if (open.isNegative()) fail('INVALID_AMOUNT', 'balance.total', 'must not be negative');
  if (checked.kind === 'credit-note') return { status: 'credit', open };
  if (open.isZero()) return { status: 'paid', paidOn: balance.lastAllocationDate ?? checked.issueDate };
  const claimed = checked.amount.plus(checked.costs).plus(checked.interest);
  const partlyPaid = open.lessThan(claimed);
  const days = daysBetween(checked.dueDate, date);
  if (days < 0) return { status: 'not-due', dueInDays: -days, open, partlyPaid };
  if (days === 0) return { status: 'due-today', open, partlyPaid };
  return { status: 'overdue', daysOverdue: days, open, partlyPaid };
}

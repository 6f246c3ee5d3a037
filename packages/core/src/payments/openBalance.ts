import { parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { ZERO, type Money } from '../money/money.js';
import { readItem } from './read.js';
import type { Allocation, ClaimComponent, OpenBalance, OpenItem } from './types.js';

/**
 * What is still open on an item at the end of `asOf`: the claim (principal, costs, interest)
 * minus every allocation to it dated on or before `asOf`. Later allocations, including later
 * reversals, do not count, so the same history answers "what was open on 31 December?" and
 * "what is open today?".
 *
 * For a credit note, the result is the credit not yet set off (in `principal` and `total`).
 * An item issued after `asOf` did not exist yet: its balance is zero.
 *
 * Throws `INVALID_DATE` (`asOf`), the item checks of {@link allocatePayment}, and
 * `INVALID_AMOUNT` (`allocations`) when the allocations take more than was claimed.
 *
 * @example
 * ```ts
 * const invoice: OpenItem = { id: 'INV-1', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00' };
 * const paid = allocatePayment({ id: 'P-1', date: '2025-02-10', amount: '30.00' }, [invoice]);
 * openBalance(invoice, paid.allocations, '2025-02-09').total.toFixed(2); // "100.00"
 * openBalance(invoice, paid.allocations, '2025-02-10').total.toFixed(2); // "70.00"
 * ```
 */
export function openBalance(item: OpenItem, allocations: readonly Allocation[], asOf: CalendarDate): OpenBalance {
  const checked = readItem(item, 'item');
  const date = parseDate(asOf, 'asOf');
  if (checked.issueDate > date) {
    return { itemId: checked.id, asOf: date, costs: ZERO, interest: ZERO, principal: ZERO, total: ZERO, lastAllocationDate: undefined };
  }
  const counted = allocations.filter((a) =>
    a.date <= date && (checked.kind === 'invoice' ? a.itemId === checked.id : a.paymentId === checked.id && a.source === 'credit-note'),
  );
  const taken: Record<ClaimComponent, Money> = { costs: ZERO, interest: ZERO, principal: ZERO };
  let lastAllocationDate: CalendarDate | undefined;
  for (const a of counted) {
    const key = checked.kind === 'invoice' ? a.component : 'principal';
    taken[key] = taken[key].plus(a.amount);
    if (lastAllocationDate === undefined || a.date > lastAllocationDate) lastAllocationDate = a.date;
  }
  const costs = checked.costs.minus(taken.costs);
  const interest = checked.interest.minus(taken.interest);
  const principal = checked.amount.minus(taken.principal);
  for (const [name, value] of [['costs', costs], ['interest', interest], ['principal', principal]] as const) {
    if (value.isNegative() && !value.isZero()) fail('INVALID_AMOUNT', 'allocations', `take more ${name} from "${checked.id}" than it holds`);
  }
  const zeroed = (m: Money): Money => (m.isZero() ? ZERO : m);
  return {
    itemId: checked.id,
    asOf: date,
    costs: zeroed(costs),
    interest: zeroed(interest),
    principal: zeroed(principal),
    total: zeroed(costs.plus(interest).plus(principal)),
    lastAllocationDate,
  };
}

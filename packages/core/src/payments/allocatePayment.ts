import { fail } from '../errors/fail.js';
import { minMoney, ZERO, type Money } from '../money/money.js';
import { assertUniqueIds, readItem, readPayment, type CheckedItem, type CheckedPayment } from './read.js';
import type { Allocation, ClaimComponent, OpenItem, PaymentInput } from './types.js';

/**
 * The statutory order within one claim: costs, then interest, then principal (art. 6:44 lid 1 BW:
 * "strekt in de eerste plaats in mindering van de kosten, vervolgens van de verschenen rente en
 * ten slotte van de hoofdsom"). Belgian law has the same rule for interest before principal
 * (art. 5.215 BW / former art. 1254 BW).
 *
 * @example
 * ```ts
 * allocatePayment(payment, items, { order: STATUTORY_ALLOCATION_ORDER });
 * ```
 */
export const STATUTORY_ALLOCATION_ORDER: readonly ClaimComponent[] = Object.freeze(['costs', 'interest', 'principal']);

/**
 * Which open invoice a payment goes to when the debtor did not name one.
 *
 * - `oldest-due-first` (default): earliest due date, then earliest issue date, then id. Art. 6:43
 *   lid 2 BW sends an undesignated payment to the most burdensome claim (bezwarendste vordering)
 *   and, among equally burdensome ones, to the oldest. In receivables practice the claim that has
 *   been overdue longest is the one carrying the most interest and costs, so oldest-due-first is
 *   the usual approximation; choose another order when a contract or the facts say otherwise.
 * - `oldest-issued-first`: earliest issue date, then earliest due date, then id.
 *
 * @example
 * ```ts
 * allocatePayment(payment, items, { itemOrder: 'oldest-issued-first' });
 * ```
 */
export type ItemOrder = 'oldest-due-first' | 'oldest-issued-first';

/**
 * How {@link allocatePayment} spreads a payment.
 *
 * @example
 * ```ts
 * const options: AllocationOptions = { order: ['principal', 'interest', 'costs'], itemOrder: 'oldest-issued-first' };
 * ```
 */
export interface AllocationOptions {
  /** The order of components within one item; default {@link STATUTORY_ALLOCATION_ORDER}. */
  readonly order?: readonly ClaimComponent[];
  /** The order of items when the debtor named none (or after the named ones); default `oldest-due-first`. */
  readonly itemOrder?: ItemOrder;
  /**
   * What happens to money left after the items the debtor named are settled: `other-items`
   * (default) pays further open items in `itemOrder`; `unapplied` keeps it as credit.
   */
  readonly beyondTargets?: 'other-items' | 'unapplied';
  /** Allocations already made to these items (earlier payments, credit notes, reversals). */
  readonly prior?: readonly Allocation[];
}

/**
 * The result of allocating one payment: where each part went, and what found no open claim.
 * `sum(allocations.amount) + unapplied` always equals the payment.
 *
 * @example
 * ```ts
 * const { allocations, unapplied } = allocatePayment(payment, items);
 * ```
 */
export interface PaymentAllocation {
  readonly paymentId: string;
  readonly allocations: readonly Allocation[];
  /** The overpayment, kept as the debtor's credit. */
  readonly unapplied: Money;
}

/** Open amounts per component of one item, while allocating. @internal */
export type OpenComponents = Record<ClaimComponent, Money>;

/** Checked options. @internal */
export interface CheckedAllocationOptions {
  readonly order: readonly ClaimComponent[];
  readonly itemOrder: ItemOrder;
  readonly beyondTargets: 'other-items' | 'unapplied';
}

/** Validates the options (without `prior`). @internal */
export function readAllocationOptions(options: AllocationOptions, field = 'options'): CheckedAllocationOptions {
  const order = options.order ?? STATUTORY_ALLOCATION_ORDER;
  const all: readonly ClaimComponent[] = ['costs', 'interest', 'principal'];
  if (!Array.isArray(order) || order.length !== 3 || !all.every((c) => order.includes(c))) {
    fail('INVALID_POLICY', `${field}.order`, 'must name costs, interest and principal, each once');
  }
  const itemOrder = options.itemOrder ?? 'oldest-due-first';
  if (itemOrder !== 'oldest-due-first' && itemOrder !== 'oldest-issued-first') {
    fail('INVALID_POLICY', `${field}.itemOrder`, `unknown item order "${String(itemOrder)}"`);
  }
  const beyondTargets = options.beyondTargets ?? 'other-items';
  if (beyondTargets !== 'other-items' && beyondTargets !== 'unapplied') {
    fail('INVALID_POLICY', `${field}.beyondTargets`, `must be "other-items" or "unapplied"`);
  }
  return { order, itemOrder, beyondTargets };
}

/** Sorts items for allocation. @internal */
export function compareForAllocation(itemOrder: ItemOrder): (a: CheckedItem, b: CheckedItem) => number {
  const [first, second] = itemOrder === 'oldest-due-first' ? (['dueDate', 'issueDate'] as const) : (['issueDate', 'dueDate'] as const);
  return (a, b) => cmp(a[first], b[first]) || cmp(a[second], b[second]) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The full claim of an item, before any allocation. @internal */
export function fullClaim(item: CheckedItem): OpenComponents {
  return { costs: item.costs, interest: item.interest, principal: item.amount };
}

/**
 * Allocates a checked payment over checked invoices, taking from and updating `open`.
 * Items issued after the payment date cannot receive it. @internal
 */
export function allocateChecked(
  payment: CheckedPayment,
  items: readonly CheckedItem[],
  open: Map<string, OpenComponents>,
  options: CheckedAllocationOptions,
  field: string,
): PaymentAllocation {
  const invoices = new Map(items.filter((i) => i.kind === 'invoice').map((i) => [i.id, i]));
  payment.targetItemIds.forEach((id, i) => {
    if (!invoices.has(id)) fail('UNKNOWN_ITEM', `${field}.targetItemIds[${i}]`, `no invoice "${id}" among the items`);
  });
  const eligible = (i: CheckedItem): boolean => i.issueDate <= payment.date;
  const named = [...new Set(payment.targetItemIds)].map((id) => invoices.get(id) as CheckedItem).filter(eligible);
  const others = options.beyondTargets === 'unapplied' && payment.targetItemIds.length > 0 ? [] : [...invoices.values()]
    .filter((i) => eligible(i) && !named.includes(i))
    .sort(compareForAllocation(options.itemOrder));

  const allocations: Allocation[] = [];
  let left = payment.amount;
  for (const item of [...named, ...others]) {
    const components = open.get(item.id) ?? fullClaim(item);
    for (const component of options.order) {
      if (left.isZero()) break;
      const take = minMoney(left, components[component]);
      if (take.isZero()) continue;
      components[component] = components[component].minus(take);
      left = left.minus(take);
      allocations.push({ paymentId: payment.id, source: 'payment', itemId: item.id, component, amount: take, date: payment.date });
    }
    open.set(item.id, components);
  }
  return { paymentId: payment.id, allocations, unapplied: left.isZero() ? ZERO : left };
}

/** Builds the open components of each item after `prior` allocations. @internal */
export function openAfter(items: readonly CheckedItem[], prior: readonly Allocation[], field: string): Map<string, OpenComponents> {
  const open = new Map(items.map((i) => [i.id, fullClaim(i)]));
  prior.forEach((a, i) => {
    const components = open.get(a.itemId);
    if (!components) fail('UNKNOWN_ITEM', `${field}[${i}].itemId`, `no item "${a.itemId}" among the items`);
    components[a.component] = components[a.component].minus(a.amount);
    if (components[a.component].isNegative()) {
      fail('INVALID_AMOUNT', `${field}[${i}].amount`, `allocates more ${a.component} to "${a.itemId}" than is claimed`);
    }
  });
  return open;
}

/**
 * Allocates one payment to a debtor's open invoices: first to the invoices the debtor named
 * (art. 6:43 lid 1 BW), then to the others in `itemOrder` (art. 6:43 lid 2 BW); within each
 * invoice to costs, then interest, then principal (art. 6:44 BW) unless `order` says otherwise.
 * Credit notes never receive payments, and no invoice receives a payment dated before its issue
 * date (a named one included: that money stays credit). What is left is returned as `unapplied` credit: an
 * overpayment is never lost.
 *
 * Throws `INVALID_AMOUNT` (`payment.amount`) for a zero, negative or sub-cent amount,
 * `INVALID_DATE` (`payment.date`), `UNKNOWN_ITEM` for a named item that is not an invoice here,
 * `INVALID_POLICY` for a bad `order`, and `INVALID_ARGUMENT` for a reversal (use
 * {@link reversePayment}).
 *
 * @example
 * ```ts
 * const items: OpenItem[] = [
 *   { id: 'INV-1', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00', costs: '40.00', interest: '2.50' },
 * ];
 * const r = allocatePayment({ id: 'P-1', date: '2025-03-01', amount: '150.00' }, items);
 * r.allocations.map((a) => `${a.component} ${a.amount.toFixed(2)}`); // ["costs 40.00", "interest 2.50", "principal 100.00"]
 * r.unapplied.toFixed(2); // "7.50"
 * ```
 */
export function allocatePayment(payment: PaymentInput, items: readonly OpenItem[], options: AllocationOptions = {}): PaymentAllocation {
  const checked = readPayment(payment, 'payment');
  if (checked.reversalOf !== undefined) fail('INVALID_ARGUMENT', 'payment.reversalOf', 'a reversal is undone with reversePayment, not allocated');
  const checkedItems = items.map((item, i) => readItem(item, `items[${i}]`));
  assertUniqueIds(checkedItems.map((i) => i.id), 'items');
  const opts = readAllocationOptions(options);
  const open = openAfter(checkedItems, options.prior ?? [], 'options.prior');
  return allocateChecked(checked, checkedItems, open, opts, 'payment');
}

// Input checks shared by the payments room. Internal: the public functions call these so every
// broken field is reported with its path, and the rest of the code works on exact values.
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { money, toCents, type AmountInput, type Money } from '../money/money.js';
import { ZERO } from '../money/money.js';
import type { OpenItem, OpenItemKind, PaymentInput } from './types.js';

/** An {@link OpenItem} with its amounts read exactly. @internal */
export interface CheckedItem {
  readonly id: string;
  readonly kind: OpenItemKind;
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly amount: Money;
  readonly costs: Money;
  readonly interest: Money;
  readonly appliesTo: string | undefined;
}

/** A {@link PaymentInput} with its amount read exactly. @internal */
export interface CheckedPayment {
  readonly id: string;
  readonly date: CalendarDate;
  readonly amount: Money;
  readonly reversalOf: string | undefined;
  readonly targetItemIds: readonly string[];
}

/** An amount of whole cents, positive (or, with `allowZero`, zero). @internal */
export function wholeCents(value: AmountInput, field: string, allowZero: boolean): Money {
  const m = money(value, field);
  toCents(m, field);
  if (m.isNegative() && !m.isZero()) fail('INVALID_AMOUNT', field, `must not be negative, got ${m.toString()}`);
  if (!allowZero && m.isZero()) fail('INVALID_AMOUNT', field, 'must be more than zero');
  return m.isZero() ? ZERO : m;
}

/** A non-empty identifier. @internal */
export function readId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail('INVALID_ARGUMENT', field, 'must be a non-empty string');
  return value;
}

/** Checks an open item; `field` is its path in the caller's input (`items[2]`). @internal */
export function readItem(item: OpenItem, field: string): CheckedItem {
  if (item === null || typeof item !== 'object') fail('INVALID_ARGUMENT', field, 'must be an object');
  const id = readId(item.id, `${field}.id`);
  if (item.kind !== 'invoice' && item.kind !== 'credit-note') {
    fail('INVALID_ARGUMENT', `${field}.kind`, `must be "invoice" or "credit-note", got ${String(item.kind)}`);
  }
  const issueDate = parseDate(item.issueDate, `${field}.issueDate`);
  const dueDate = parseDate(item.dueDate, `${field}.dueDate`);
  if (dueDate < issueDate) fail('INVALID_RANGE', `${field}.dueDate`, `${dueDate} is before the issue date ${issueDate}`);
  const amount = wholeCents(item.amount, `${field}.amount`, false);
  const costs = item.costs === undefined ? ZERO : wholeCents(item.costs, `${field}.costs`, true);
  const interest = item.interest === undefined ? ZERO : wholeCents(item.interest, `${field}.interest`, true);
  if (item.kind === 'credit-note' && !(costs.isZero() && interest.isZero())) {
    fail('INVALID_ARGUMENT', `${field}.kind`, 'a credit note carries no costs or interest');
  }
  if (item.appliesTo !== undefined) {
    if (item.kind !== 'credit-note') fail('INVALID_ARGUMENT', `${field}.appliesTo`, 'only a credit note applies to an invoice');
    readId(item.appliesTo, `${field}.appliesTo`);
  }
  return { id, kind: item.kind, issueDate, dueDate, amount, costs, interest, appliesTo: item.appliesTo };
}

/** Checks a payment; `field` is its path in the caller's input (`payments[0]`). @internal */
export function readPayment(payment: PaymentInput, field: string): CheckedPayment {
  if (payment === null || typeof payment !== 'object') fail('INVALID_ARGUMENT', field, 'must be an object');
  const id = readId(payment.id, `${field}.id`);
  const date = parseDate(payment.date, `${field}.date`);
  const amount = wholeCents(payment.amount, `${field}.amount`, false);
  if (payment.reversalOf !== undefined) readId(payment.reversalOf, `${field}.reversalOf`);
  const targets = payment.targetItemIds ?? [];
  if (!Array.isArray(targets)) fail('INVALID_ARGUMENT', `${field}.targetItemIds`, 'must be a list of item ids');
  targets.forEach((t, i) => readId(t, `${field}.targetItemIds[${i}]`));
  return { id, date, amount, reversalOf: payment.reversalOf, targetItemIds: targets };
}

/** Throws `DUPLICATE_ID` when two entries share an id. @internal */
export function assertUniqueIds(ids: readonly string[], field: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fail('DUPLICATE_ID', `${field}[${i}].id`, `"${id}" appears twice`);
    seen.add(id);
  });
}

import { daysBetween, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { ZERO, type AmountInput, type Money } from '../money/money.js';
import { assertUniqueIds, readItem, wholeCents } from '../payments/read.js';
import type { OpenBalance, OpenItem } from '../payments/types.js';
import { DEFAULT_AGEING_BUCKETS, validateAgeingBuckets, type AgeingBucketDefinition } from './buckets.js';

/**
 * An item with what is open on it as of the ageing date: a `ledgerOf` line fits as it is, or
 * pass the open amount directly.
 *
 * @example
 * ```ts
 * const entries: AgeingEntry[] = ledgerOf({ items, payments, asOf }).lines;
 * const direct: AgeingEntry = { item: invoice, open: '250.00' };
 * ```
 */
export interface AgeingEntry {
  readonly item: OpenItem;
  readonly open: OpenBalance | AmountInput;
}

/**
 * One bucket of the report with its exact amount (no rounding: open balances are whole cents).
 *
 * @example
 * ```ts
 * report.buckets.map((b) => `${b.label}: ${b.amount.toFixed(2)} (${b.count})`);
 * ```
 */
export interface AgeingBucket extends AgeingBucketDefinition {
  readonly amount: Money;
  readonly count: number;
  readonly itemIds: readonly string[];
}

/**
 * The ageing report (ouderdomsanalyse debiteuren, balance âgée). `total` is the sum of the
 * buckets by construction and equals the open invoice balances passed in; credit stays out of the
 * buckets and is netted only in `net`.
 *
 * @example
 * ```ts
 * report.total.equals(ledger.totals.open); // true
 * ```
 */
export interface AgeingReport {
  readonly asOf: CalendarDate;
  readonly buckets: readonly AgeingBucket[];
  /** Open invoice balances: exactly the sum of the buckets. */
  readonly total: Money;
  /** Credit notes not set off plus `options.unappliedCredit`. */
  readonly credit: Money;
  /** `total − credit`. */
  readonly net: Money;
}

/**
 * Options of {@link ageing}.
 *
 * @example
 * ```ts
 * const options: AgeingOptions = { buckets: ageingBuckets([15, 30, 60]), unappliedCredit: ledger.totals.unapplied };
 * ```
 */
export interface AgeingOptions {
  /** Contiguous buckets by days past due; default {@link DEFAULT_AGEING_BUCKETS}. */
  readonly buckets?: readonly AgeingBucketDefinition[];
  /** Overpayments and other credit to show next to the buckets (e.g. `ledger.totals.unapplied`). */
  readonly unappliedCredit?: AmountInput;
}

/**
 * Ages open invoices by days past their due date as of `asOf`. Every open invoice lands in
 * exactly one bucket (future-due ones in "not due", invoices due today too, since overdue starts
 * the day after), and each contributes its exact open balance, so the buckets always add up to
 * the outstanding total, unlike ERPNext's report (other-systems.md §5 item 26: erpnext#43161,
 * #49262, #51596). Items with nothing open are left out. Credit notes in `entries` count as
 * credit, not in a bucket; their open amount is the credit left.
 *
 * Throws `INVALID_DATE` (`asOf`), `INVALID_AGEING_BUCKETS` (see {@link validateAgeingBuckets}),
 * `INVALID_AMOUNT` (`entries[i].open`: negative or sub-cent), `INVALID_ARGUMENT`
 * (`entries[i].item.issueDate`) for an item with an open balance issued after `asOf`, and
 * `DUPLICATE_ID` (`entries[i].id`).
 *
 * @example
 * ```ts
 * const report = ageing(
 *   [
 *     { item: { id: 'A', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00' }, open: '100.00' },
 *     { item: { id: 'B', kind: 'invoice', issueDate: '2025-03-01', dueDate: '2025-03-31', amount: '50.00' }, open: '20.00' },
 *   ],
 *   '2025-03-15',
 * );
 * report.buckets.map((b) => b.amount.toFixed(2)); // ["20.00", "0.00", "100.00", "0.00", "0.00"]
 * report.total.toFixed(2); // "120.00"
 * ```
 */
export function ageing(entries: readonly AgeingEntry[], asOf: CalendarDate, options: AgeingOptions = {}): AgeingReport {
  const date = parseDate(asOf, 'asOf');
  const definitions = validateAgeingBuckets(options.buckets ?? DEFAULT_AGEING_BUCKETS);
  const items = entries.map((e, i) => readItem(e.item, `entries[${i}].item`));
  assertUniqueIds(items.map((i) => i.id), 'entries');
  const amounts = definitions.map(() => ZERO);
  const ids: string[][] = definitions.map(() => []);
  let total = ZERO;
  let credit = options.unappliedCredit === undefined ? ZERO : wholeCents(options.unappliedCredit, 'options.unappliedCredit', true);

  entries.forEach((entry, i) => {
    const item = items[i] as (typeof items)[number];
    const open = readOpen(entry.open, `entries[${i}].open`, item.id, date);
    if (open.isZero()) return;
    if (item.issueDate > date) fail('INVALID_ARGUMENT', `entries[${i}].item.issueDate`, `${item.issueDate} is after ${date} but has an open balance`);
    if (item.kind === 'credit-note') {
      credit = credit.plus(open);
      return;
    }
    const days = daysBetween(item.dueDate, date);
    const at = definitions.findIndex((b) => (b.fromDays === null || days >= b.fromDays) && (b.toDays === null || days <= b.toDays));
    // Validated buckets cover every day, so `at` is always found.
    amounts[at] = (amounts[at] as Money).plus(open);
    (ids[at] as string[]).push(item.id);
    total = total.plus(open);
  });

  const buckets = definitions.map((b, i) => ({
    label: b.label,
    fromDays: b.fromDays,
    toDays: b.toDays,
    amount: amounts[i] as Money,
    count: (ids[i] as string[]).length,
    itemIds: ids[i] as string[],
  }));
  return { asOf: date, buckets, total, credit, net: total.minus(credit) };
}

function readOpen(open: OpenBalance | AmountInput, field: string, itemId: string, asOf: CalendarDate): Money {
  if (open !== null && typeof open === 'object' && 'total' in open && 'itemId' in open) {
    if (open.itemId !== itemId) fail('INVALID_ARGUMENT', `${field}.itemId`, `is "${open.itemId}", not "${itemId}"`);
    if (open.asOf !== asOf) fail('INVALID_ARGUMENT', `${field}.asOf`, `is a balance as of ${open.asOf}, not ${asOf}`);
    return wholeCents(open.total, `${field}.total`, true);
  }
  return wholeCents(open, field, true);
}

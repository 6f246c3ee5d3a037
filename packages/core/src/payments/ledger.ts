import { parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { sumMoney, type Money } from '../money/money.js';
import {
  allocateChecked,
  fullClaim,
  readAllocationOptions,
  type AllocationOptions,
  type OpenComponents,
} from './allocatePayment.js';
import { applyCreditChecked } from './creditNote.js';
import { openBalance } from './openBalance.js';
import { assertUniqueIds, readItem, readPayment, type CheckedItem, type CheckedPayment } from './read.js';
import { reversePayment } from './reversePayment.js';
import type { Allocation, OpenBalance, OpenItem, PaymentInput, UnappliedCredit } from './types.js';

/**
 * What {@link ledgerOf} needs: one debtor's items and bank entries, and the date to look from.
 *
 * @example
 * ```ts
 * const input: DebtorLedgerInput = { items, payments, asOf: '2025-03-31' };
 * ```
 */
export interface DebtorLedgerInput {
  readonly items: readonly OpenItem[];
  readonly payments: readonly PaymentInput[];
  readonly asOf: CalendarDate;
  readonly options?: Omit<AllocationOptions, 'prior'>;
}

/**
 * One invoice of the ledger with what is open on it.
 *
 * @example
 * ```ts
 * ledger.lines.map((l) => [l.item.id, l.open.total.toFixed(2)]);
 * ```
 */
export interface LedgerLine {
  readonly item: OpenItem;
  readonly open: OpenBalance;
}

/**
 * A debtor's position as of a date (rekeningoverzicht, relevé de compte).
 *
 * @example
 * ```ts
 * const { totals } = ledgerOf({ items, payments, asOf: '2025-03-31' });
 * totals.net.toFixed(2); // what the debtor owes after setting off its credit
 * ```
 */
export interface DebtorLedger {
  readonly asOf: CalendarDate;
  /** The invoices issued on or before `asOf`, in input order. */
  readonly lines: readonly LedgerLine[];
  /** Every allocation dated on or before `asOf`, in the order they were made. */
  readonly allocations: readonly Allocation[];
  /** Overpayments and credit notes not (fully) set off, with what is left of each. */
  readonly credits: readonly UnappliedCredit[];
  readonly totals: {
    /** Sum of the open invoice balances (principal, interest and costs). */
    readonly open: Money;
    /** Sum of `credits`. */
    readonly unapplied: Money;
    /** `open − unapplied`; negative when the debtor is in credit. */
    readonly net: Money;
  };
}

type LedgerEvent =
  | { readonly date: CalendarDate; readonly rank: 0; readonly seq: number; readonly creditNote: CheckedItem }
  | { readonly date: CalendarDate; readonly rank: 1 | 2; readonly seq: number; readonly payment: CheckedPayment; readonly input: PaymentInput };

/**
 * Replays a debtor's history up to and including `asOf` and returns what is open per invoice,
 * every allocation made, and the debtor's unapplied credit.
 *
 * The replay is chronological. On one day, credit notes come first (they correct the invoice),
 * then payments, then reversals, each group in input order. Credit notes with `appliesTo` are set
 * off against that invoice on the later of the two issue dates; others stay as credit for the
 * accountant to apply. Payments are allocated as {@link allocatePayment} does; a reversal undoes
 * its original from its own date ({@link reversePayment}). Overpayments stay as credit; they are
 * not applied automatically to later invoices, because which invoice the debtor meant is the
 * debtor's choice.
 *
 * Because nothing after `asOf` is used, `ledgerOf({ …, asOf: d })` gives the same balances as
 * `openBalance(item, ledgerOf({ …, asOf: later }).allocations, d)`.
 *
 * Throws `DUPLICATE_ID` when an id is used twice across items and payments, `UNKNOWN_ITEM`
 * (`items[i].appliesTo`, `payments[i].targetItemIds[j]`), `INVALID_REVERSAL`
 * (`payments[i].reversalOf`: unknown, reversed twice, a reversal of a reversal, or not matching),
 * plus the checks of {@link allocatePayment}.
 *
 * @example
 * ```ts
 * const ledger = ledgerOf({
 *   items: [{ id: 'INV-1', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00' }],
 *   payments: [{ id: 'P-1', date: '2025-02-03', amount: '120.00' }],
 *   asOf: '2025-02-28',
 * });
 * ledger.lines[0]?.open.total.toFixed(2); // "0.00"
 * ledger.totals.unapplied.toFixed(2); // "20.00"
 * ```
 */
export function ledgerOf(input: DebtorLedgerInput): DebtorLedger {
  const asOf = parseDate(input.asOf, 'asOf');
  const items = input.items.map((item, i) => readItem(item, `items[${i}]`));
  const payments = input.payments.map((p, i) => readPayment(p, `payments[${i}]`));
  assertUniqueIds(items.map((i) => i.id), 'items');
  assertUniqueIds(payments.map((p) => p.id), 'payments');
  const itemIds = new Set(items.map((i) => i.id));
  payments.forEach((p, i) => {
    if (itemIds.has(p.id)) fail('DUPLICATE_ID', `payments[${i}].id`, `"${p.id}" is also the id of an item`);
  });
  const options = readAllocationOptions(input.options ?? {});
  const byId = new Map(items.map((i) => [i.id, i]));
  const inputs = new Map(input.payments.map((p) => [p.id, p]));
  checkReversals(payments);

  const events: LedgerEvent[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'credit-note') return;
    const target = item.appliesTo === undefined ? undefined : byId.get(item.appliesTo);
    if (item.appliesTo !== undefined && target?.kind !== 'invoice') {
      fail('UNKNOWN_ITEM', `items[${i}].appliesTo`, `no invoice "${item.appliesTo}" among the items`);
    }
    const date = target && target.issueDate > item.issueDate ? target.issueDate : item.issueDate;
    events.push({ date, rank: 0, seq: i, creditNote: item });
  });
  payments.forEach((p, i) => {
    events.push({ date: p.date, rank: p.reversalOf === undefined ? 1 : 2, seq: i, payment: p, input: input.payments[i] as PaymentInput });
  });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank || a.seq - b.seq));

  const open = new Map<string, OpenComponents>(items.map((i) => [i.id, fullClaim(i)]));
  const allocations: Allocation[] = [];
  const credits = new Map<string, UnappliedCredit>();
  const addCredit = (credit: UnappliedCredit): void => void credits.set(credit.sourceId, credit);

  for (const event of events) {
    if (event.date > asOf) {
      // A credit note for an invoice issued later is credit until that invoice exists.
      if ('creditNote' in event && event.creditNote.issueDate <= asOf) {
        const cn = event.creditNote;
        addCredit({ sourceId: cn.id, source: 'credit-note', date: cn.issueDate, amount: cn.amount });
      }
      continue;
    }
    if ('creditNote' in event) {
      const cn = event.creditNote;
      const target = cn.appliesTo === undefined ? undefined : byId.get(cn.appliesTo);
      if (!target) {
        addCredit({ sourceId: cn.id, source: 'credit-note', date: cn.issueDate, amount: cn.amount });
        continue;
      }
      const applied = applyCreditChecked(cn, target, open);
      allocations.push(...applied.allocations);
      if (!applied.unapplied.isZero()) addCredit({ sourceId: cn.id, source: 'credit-note', date: event.date, amount: applied.unapplied });
    } else if (event.payment.reversalOf === undefined) {
      const field = `payments[${event.seq}]`;
      const done = allocateChecked(event.payment, items, open, options, field);
      allocations.push(...done.allocations);
      if (!done.unapplied.isZero()) addCredit({ sourceId: event.payment.id, source: 'payment', date: event.date, amount: done.unapplied });
    } else {
      const original = inputs.get(event.payment.reversalOf) as PaymentInput;
      const undone = reversePayment(event.input, original, allocations);
      for (const a of undone.allocations) {
        const components = open.get(a.itemId) as OpenComponents;
        components[a.component] = components[a.component].minus(a.amount);
      }
      allocations.push(...undone.allocations);
      credits.delete(original.id);
    }
  }

  const lines = input.items
    .filter((item, i) => items[i]?.kind === 'invoice' && (items[i] as CheckedItem).issueDate <= asOf)
    .map((item) => ({ item, open: openBalance(item, allocations, asOf) }));
  const creditList = [...credits.values()];
  const openTotal = sumMoney(lines.map((l) => l.open.total));
  const unapplied = sumMoney(creditList.map((c) => c.amount));
  return {
    asOf,
    lines,
    allocations,
    credits: creditList,
    totals: { open: openTotal, unapplied, net: openTotal.minus(unapplied) },
  };
}

function checkReversals(payments: readonly CheckedPayment[]): void {
  const byId = new Map(payments.map((p) => [p.id, p]));
  const reversed = new Set<string>();
  payments.forEach((p, i) => {
    if (p.reversalOf === undefined) return;
    const field = `payments[${i}].reversalOf`;
    const original = byId.get(p.reversalOf);
    if (!original) fail('INVALID_REVERSAL', field, `no payment "${p.reversalOf}" to reverse`);
    if (original.reversalOf !== undefined) fail('INVALID_REVERSAL', field, `"${p.reversalOf}" is itself a reversal`);
    if (reversed.has(original.id)) fail('INVALID_REVERSAL', field, `"${p.reversalOf}" is reversed twice`);
    if (!p.amount.equals(original.amount)) fail('INVALID_REVERSAL', `payments[${i}].amount`, 'differs from the payment it reverses');
    if (p.date < original.date) fail('INVALID_REVERSAL', `payments[${i}].date`, `is before the payment it reverses (${original.date})`);
    if (p.targetItemIds.length > 0) fail('INVALID_REVERSAL', `payments[${i}].targetItemIds`, 'a reversal names no items');
    reversed.add(original.id);
  });
}


import { maxDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { minMoney, ZERO, type Money } from '../money/money.js';
import { fullClaim, openAfter, type OpenComponents } from './allocatePayment.js';
import { readItem, type CheckedItem } from './read.js';
import type { Allocation, OpenItem } from './types.js';

/**
 * The result of setting a credit note off against an invoice.
 *
 * @example
 * ```ts
 * const { allocations, unapplied } = applyCreditNote(creditNote, invoice);
 * ```
 */
export interface CreditNoteApplication {
  readonly creditNoteId: string;
  readonly invoiceId: string;
  /** At most one allocation, to the invoice's principal. */
  readonly allocations: readonly Allocation[];
  /** The credit left over (the invoice was already paid, or the credit is larger): a refund or credit to keep. */
  readonly unapplied: Money;
}

/** Sets a checked credit note off against a checked invoice, updating `open`. @internal */
export function applyCreditChecked(
  creditNote: CheckedItem,
  invoice: CheckedItem,
  open: Map<string, OpenComponents>,
  credit: Money = creditNote.amount,
): CreditNoteApplication {
  const components = open.get(invoice.id) ?? fullClaim(invoice);
  const take = minMoney(credit, components.principal);
  const date = maxDate(creditNote.issueDate, invoice.issueDate);
  components.principal = components.principal.minus(take);
  open.set(invoice.id, components);
  const allocations: Allocation[] = take.isZero()
    ? []
    : [{ paymentId: creditNote.id, source: 'credit-note', itemId: invoice.id, component: 'principal', amount: take, date }];
  const rest = credit.minus(take);
  return { creditNoteId: creditNote.id, invoiceId: invoice.id, allocations, unapplied: rest.isZero() ? ZERO : rest };
}

/**
 * Sets a credit note (creditnota, note de crédit) off against the invoice it corrects. A credit
 * note reduces what was invoiced, so it goes to the principal only, never to costs or interest;
 * it takes effect on the later of the two issue dates. Credit beyond the open principal is
 * returned as `unapplied`: it stays the debtor's credit (OCA credit-control#211: customers deduct
 * credit notes from invoices of their choosing, so it must stay visible).
 *
 * Throws `INVALID_ARGUMENT` when `creditNote` is not a credit note (`creditNote.kind`) or
 * `invoice` is not an invoice (`invoice.kind`), plus the item checks of {@link allocatePayment}.
 *
 * @example
 * ```ts
 * const invoice: OpenItem = { id: 'INV-1', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '121.00' };
 * const cn: OpenItem = { id: 'CN-1', kind: 'credit-note', issueDate: '2025-01-10', dueDate: '2025-01-10', amount: '24.20' };
 * const r = applyCreditNote(cn, invoice);
 * r.allocations[0]?.amount.toFixed(2); // "24.20", on 2025-01-10, component "principal"
 * ```
 */
export function applyCreditNote(
  creditNote: OpenItem,
  invoice: OpenItem,
  options: { readonly prior?: readonly Allocation[] } = {},
): CreditNoteApplication {
  const cn = readItem(creditNote, 'creditNote');
  const inv = readItem(invoice, 'invoice');
  if (cn.kind !== 'credit-note') fail('INVALID_ARGUMENT', 'creditNote.kind', 'must be "credit-note"');
  if (inv.kind !== 'invoice') fail('INVALID_ARGUMENT', 'invoice.kind', 'must be "invoice"');
  const prior = options.prior ?? [];
  const open = openAfter([inv], prior.filter((a) => a.itemId === inv.id), 'options.prior');
  const alreadySetOff = prior
    .filter((a) => a.paymentId === cn.id && a.source === 'credit-note')
    .reduce((s, a) => s.plus(a.amount), ZERO);
  const credit = cn.amount.minus(alreadySetOff);
  if (credit.isNegative()) fail('INVALID_AMOUNT', 'options.prior', `sets off more than credit note "${cn.id}" holds`);
  return applyCreditChecked(cn, inv, open, credit);
}

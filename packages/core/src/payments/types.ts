import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput, Money } from '../money/money.js';

/**
 * What an open item is: an invoice the debtor owes, or a credit note that the debtor may set off
 * against invoices (creditnota / note de crédit).
 *
 * @example
 * ```ts
 * const kind: OpenItemKind = 'credit-note';
 * ```
 */
export type OpenItemKind = 'invoice' | 'credit-note';

/**
 * The part of a claim an amount goes to. Art. 6:44 BW orders them costs → interest → principal
 * (kosten, rente, hoofdsom).
 *
 * @example
 * ```ts
 * const order: ClaimComponent[] = ['costs', 'interest', 'principal'];
 * ```
 */
export type ClaimComponent = 'costs' | 'interest' | 'principal';

/**
 * An invoice or credit note as the payments room sees it: deliberately small, so it does not
 * depend on how invoices are built. Amounts are whole cents.
 *
 * @example
 * ```ts
 * const invoice: OpenItem = {
 *   id: 'INV-2025-001', kind: 'invoice', debtorId: 'acme',
 *   issueDate: '2025-01-10', dueDate: '2025-02-09', amount: '1210.00',
 *   costs: '40.00', interest: '12.35',
 * };
 * const creditNote: OpenItem = {
 *   id: 'CN-2025-001', kind: 'credit-note', issueDate: '2025-01-20', dueDate: '2025-01-20',
 *   amount: '121.00', appliesTo: 'INV-2025-001',
 * };
 * ```
 */
export interface OpenItem {
  readonly id: string;
  readonly kind: OpenItemKind;
  readonly debtorId?: string;
  readonly issueDate: CalendarDate;
  /** The last day of payment; for a credit note, usually its issue date. */
  readonly dueDate: CalendarDate;
  /** The payable total (VAT included) for an invoice, the credit for a credit note; positive. */
  readonly amount: AmountInput;
  /** Recovery costs claimed on this invoice (buitengerechtelijke incassokosten, indemnité forfaitaire). */
  readonly costs?: AmountInput;
  /** Late-payment interest claimed on this invoice, as last computed by the caller. */
  readonly interest?: AmountInput;
  /** Credit notes only: the invoice it corrects, to be set off automatically by `ledgerOf`. */
  readonly appliesTo?: string;
}

/**
 * A payment received from the debtor, or the return of one (`reversalOf`, e.g. a camt.053 entry
 * with `RvslInd` or a CODA return). Amounts are positive whole cents.
 *
 * @example
 * ```ts
 * const payment: PaymentInput = { id: 'BANK-881', date: '2025-02-12', amount: '500.00', targetItemIds: ['INV-2025-001'] };
 * const bounce: PaymentInput = { id: 'BANK-902', date: '2025-02-15', amount: '500.00', reversalOf: 'BANK-881' };
 * ```
 */
export interface PaymentInput {
  readonly id: string;
  readonly date: CalendarDate;
  readonly amount: AmountInput;
  /** The payment this entry returns; its allocations are undone from this entry's date. */
  readonly reversalOf?: string;
  /**
   * The items the debtor named (a structured reference such as an OGM/VCS or RF reference, or
   * the invoice number in the remittance text). Art. 6:43 lid 1 BW: the debtor's designation wins.
   */
  readonly targetItemIds?: readonly string[];
}

/**
 * Where an allocation comes from: a payment, a credit note set off, or the return of a payment.
 *
 * @example
 * ```ts
 * ledger.allocations.filter((a) => a.source === 'reversal');
 * ```
 */
export type AllocationSource = 'payment' | 'credit-note' | 'reversal';

/**
 * One amount of a payment (or credit note) put on one component of one item, on a date.
 * Reversals are negative allocations on the reversal date, so history is appended, never edited.
 *
 * @example
 * ```ts
 * const a: Allocation = {
 *   paymentId: 'BANK-881', source: 'payment', itemId: 'INV-2025-001',
 *   component: 'costs', amount: money('40.00'), date: '2025-02-12',
 * };
 * ```
 */
export interface Allocation {
  /** The payment, credit note or reversal entry the amount comes from. */
  readonly paymentId: string;
  readonly source: AllocationSource;
  readonly itemId: string;
  readonly component: ClaimComponent;
  /** Positive, or negative for a reversal. Whole cents. */
  readonly amount: Money;
  readonly date: CalendarDate;
  /** Reversals only: the payment this allocation undoes. */
  readonly reverses?: string;
}

/**
 * What part of a payment or credit note found no open claim: an overpayment, or a credit note
 * not (yet) set off. It is kept as credit of the debtor, never dropped.
 *
 * @example
 * ```ts
 * const credit: UnappliedCredit = { sourceId: 'BANK-881', source: 'payment', date: '2025-02-12', amount: money('9.65') };
 * ```
 */
export interface UnappliedCredit {
  readonly sourceId: string;
  readonly source: 'payment' | 'credit-note';
  readonly date: CalendarDate;
  readonly amount: Money;
}

/**
 * What is still open on an item as of a date, per component. For a credit note, `principal` and
 * `total` are the credit not yet set off.
 *
 * @example
 * ```ts
 * openBalance(invoice, allocations, '2025-03-01').total.toFixed(2); // "762.35"
 * ```
 */
export interface OpenBalance {
  readonly itemId: string;
  readonly asOf: CalendarDate;
  readonly costs: Money;
  readonly interest: Money;
  readonly principal: Money;
  readonly total: Money;
  /** The date of the latest allocation counted, if any: the payment date once `total` is zero. */
  readonly lastAllocationDate: CalendarDate | undefined;
}

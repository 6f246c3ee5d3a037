import type { AmountInput, CalendarDate, Money } from '@fact/core';
import type { Counterparty, Direction, Remittance } from '../model/types.js';

/**
 * An open invoice as reconciliation sees it. `openAmount` is what is still to be paid, in euro,
 * whole cents; `reference` is the OGM/VCS or RF reference Fact printed on it.
 *
 * @example
 * ```ts
 * const inv: OpenInvoice = {
 *   id: 'inv_1', companyId: 'co_1', number: '2025-0012', debtorName: 'Bakkerij Peeters BV',
 *   debtorIbans: ['BE68539007547034'], openAmount: '1210.00', reference: '+++240/2838/42818+++',
 *   dueDate: '2025-03-31',
 * };
 * ```
 */
export interface OpenInvoice {
  readonly id: string;
  readonly companyId: string;
  readonly number: string;
  readonly debtorName: string;
  readonly debtorIbans: readonly string[];
  readonly openAmount: AmountInput;
  readonly reference?: string;
  readonly dueDate: CalendarDate;
}

/**
 * What is matched: a transaction, or one transaction of a batch whose details carry their own
 * amounts. `key` is the transaction's dedup key, with `/n` for the n-th detail of a batch; the
 * ledger stores allocations under it (unique), so a second import changes nothing.
 *
 * @example
 * ```ts
 * const line: PaymentLine = paymentLines(tx)[0]!;
 * ```
 */
export interface PaymentLine {
  readonly key: string;
  readonly transactionKey: string;
  readonly bookingDate: CalendarDate;
  /** Signed: + money in, − money out. */
  readonly amount: Money;
  readonly currency: string;
  readonly direction: Direction;
  readonly reversal: boolean;
  readonly returnReason?: string;
  readonly endToEndId?: string;
  readonly counterparty: Counterparty;
  readonly remittance: Remittance;
}

/**
 * A payment already in the ledger, so that a later return or reversal can point at it and undo
 * its allocations.
 *
 * @example
 * ```ts
 * const prior: PriorPayment = { key: 'camt:BE68…:ref:R1', amount: '500.00', reference: '240283842818',
 *   allocations: [{ invoiceId: 'inv_1', amount: '500.00' }] };
 * ```
 */
export interface PriorPayment {
  readonly key: string;
  readonly amount: AmountInput;
  readonly endToEndId?: string;
  /** Normalised structured reference (OGM 12 digits, RF without spaces). */
  readonly reference?: string;
  readonly counterpartyIban?: string;
  readonly allocations: readonly { readonly invoiceId: string; readonly amount: AmountInput }[];
}

/** Money put on one invoice. */
export interface Allocation {
  readonly invoiceId: string;
  readonly amount: Money;
}

/**
 * Why a match was made automatically. Only rules that cannot pick the wrong invoice on their
 * own evidence exist (README "Reconciliation"):
 * - `exact-reference`: the payer gave the OGM/RF reference of exactly one invoice;
 * - `multi-reference`: the payer gave the references of several invoices;
 * - `multi-invoice-numbers`: the free text names two or more invoice numbers whose open amounts
 *   add up exactly to the payment, and the payer's IBAN or name is the debtor's;
 * - `amount+iban+number`: the free text names one invoice, the amount is exactly its open amount,
 *   and the payer's IBAN is one the debtor paid from before.
 */
export type MatchRule = 'exact-reference' | 'multi-reference' | 'multi-invoice-numbers' | 'amount+iban+number';

/** The evidence behind a suggestion. */
export type MatchReason =
  | 'reference'
  | 'reference-already-paid'
  | 'reference-shared'
  | 'number-in-text'
  | 'exact-amount'
  | 'amount-below-open'
  | 'iban'
  | 'name'
  | 'name-similar';

/** A possible invoice for a payment that could not be matched automatically. */
export interface Candidate {
  readonly invoiceId: string;
  /** 0‑99: higher is likelier. 100 is reserved for automatic matches. */
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** Why a payment line is not an incoming payment to match. */
export type IgnoreReason = 'debit' | 'reversal-of-debit' | 'zero-amount' | 'other-currency';

/**
 * What reconciliation decided for one payment line.
 * - `auto`: apply `allocations` now; `unapplied` is what is left over (an overpayment), and
 *   `notes` says so in words.
 * - `suggest`: put it in the unmatched queue with ranked `candidates` for the accountant.
 * - `reversal`: the bank took back an earlier credit; `original` is that payment when found,
 *   with the allocations to undo and whether the match is `certain`; when not found, or not
 *   certain, the accountant must look.
 * - `ignore`: money out, or nothing to match.
 */
export type ReconcileOutcome =
  | {
      readonly kind: 'auto';
      readonly rule: MatchRule;
      readonly score: 100;
      readonly allocations: readonly Allocation[];
      readonly unapplied: Money;
      readonly notes: readonly string[];
    }
  | { readonly kind: 'suggest'; readonly candidates: readonly Candidate[]; readonly why: string }
  | {
      readonly kind: 'reversal';
      readonly original?: {
        readonly paymentKey: string;
        readonly allocations: readonly Allocation[];
        /** How the original was found: the payer's end-to-end id, the structured reference, or (camt `RvslInd`) the one credit from that IBAN. */
        readonly evidence: 'end-to-end-id' | 'reference' | 'iban';
        /** Found by an end-to-end id that one open credit carries: safe to undo without asking. */
        readonly certain: boolean;
      };
      readonly returnReason?: string;
    }
  | { readonly kind: 'ignore'; readonly reason: IgnoreReason };

/** One payment line with its outcome. */
export interface ReconciledPayment {
  readonly payment: PaymentLine;
  readonly outcome: ReconcileOutcome;
}

/**
 * Options of {@link reconcile}.
 *
 * @example
 * ```ts
 * reconcile(transactions, invoices, { companyId: 'co_1', priorPayments, maxCandidates: 3 });
 * ```
 */
export interface ReconcileOptions {
  /** Only invoices of this company are considered (the owner of the bank account). */
  readonly companyId?: string;
  /** Payments already in the ledger, to find the original of a reversal. */
  readonly priorPayments?: readonly PriorPayment[];
  /** Currency of the invoices; lines in another currency are ignored. Default `EUR`. */
  readonly currency?: string;
  /** How many candidates a suggestion lists. Default 5. */
  readonly maxCandidates?: number;
}

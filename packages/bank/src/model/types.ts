import type { CalendarDate, Money } from '@fact/core';

/** How a structured payment reference is written: Belgian OGM/VCS, ISO 11649 RF, or anything else. */
export type ReferenceScheme = 'ogm' | 'rf' | 'other';

/**
 * A structured payment reference as the bank reported it, normalised: an OGM as its 12 digits,
 * an RF reference upper-case without spaces, anything else trimmed (a Dutch betalingskenmerk, a
 * Swiss ISR reference…).
 *
 * @example
 * ```ts
 * const ref: StructuredReference = { scheme: 'ogm', reference: '240283842818' };
 * ```
 */
export interface StructuredReference {
  readonly scheme: ReferenceScheme;
  readonly reference: string;
}

/**
 * What the payer wrote: the structured reference (gestructureerde mededeling / communication
 * structurée) and/or the free text (vrije mededeling / communication libre).
 *
 * @example
 * ```ts
 * const r: Remittance = { unstructured: 'Invoice 2025-0012 and 2025-0013' };
 * ```
 */
export interface Remittance {
  readonly structured?: StructuredReference;
  /** Further structured references when the payer gave several (camt `Strd` repeats). */
  readonly moreStructured?: readonly StructuredReference[];
  readonly unstructured?: string;
}

/** The other side of a movement: the debtor of a credit, the creditor of a debit. */
export interface Counterparty {
  readonly name?: string;
  /** IBAN (or other account identifier) upper-case without spaces. */
  readonly iban?: string;
  readonly bic?: string;
}

/** `credit`: money in (CRDT, CODA sign 0). `debit`: money out (DBIT, CODA sign 1). */
export type Direction = 'credit' | 'debit';

/**
 * One transaction inside a batch or a globalised movement (CODA detail records, camt `TxDtls`).
 * Its amount is signed like the movement; absent when the bank did not give one per detail.
 *
 * @example
 * ```ts
 * const d: BankTransactionDetail = { amount: money('-419.92'), counterparty: {}, remittance: {} };
 * ```
 */
export interface BankTransactionDetail {
  readonly amount?: Money;
  readonly endToEndId?: string;
  readonly bankReference?: string;
  readonly returnReason?: string;
  readonly counterparty: Counterparty;
  readonly remittance: Remittance;
}

/**
 * One movement on the account, as booked by the bank. `amount` is signed (+ credit, − debit) and
 * exact to the cent; `dedupKey` identifies it across imports of the same statement, so the ledger
 * can store it under a unique constraint and a second import changes nothing.
 *
 * @example
 * ```ts
 * tx.direction === 'credit' && tx.remittance.structured?.scheme === 'ogm';
 * ```
 */
export interface BankTransaction {
  readonly dedupKey: string;
  readonly bookingDate: CalendarDate;
  readonly valueDate: CalendarDate;
  readonly amount: Money;
  readonly currency: string;
  readonly direction: Direction;
  /**
   * The bank reverses or returns an earlier entry: camt `RvslInd`, or a CODA R-transaction
   * (record 22 position 113: reject, return, refund, reversal, cancellation).
   */
  readonly reversal: boolean;
  /** ISO 20022 return reason (`AC06`…), when the bank gave one. */
  readonly returnReason?: string;
  /** The bank's own reference (camt `AcctSvcrRef`, CODA positions 11‑31). */
  readonly bankReference?: string;
  /** The payer's end-to-end id (camt `Refs/EndToEndId`, CODA record 22 customer reference). */
  readonly endToEndId?: string;
  readonly counterparty: Counterparty;
  readonly remittance: Remittance;
  /** A batch (camt `Btch`/several `TxDtls`) or a CODA globalisation: the parts, not counted again. */
  readonly batch?: { readonly count: number; readonly details: readonly BankTransactionDetail[] };
  /** CODA 8-digit transaction code, or camt `Domn/Fmly/SubFmly` (`PMNT/RCDT/ESCT`) or `Prtry/Cd`. */
  readonly transactionCode?: string;
}

/** A balance on a date. Signed: a debit (overdrawn) balance is negative. */
export interface Balance {
  readonly amount: Money;
  readonly currency: string;
  readonly date: CalendarDate;
}

/**
 * One statement of one account (rekeninguittreksel / extrait de compte).
 *
 * @example
 * ```ts
 * statement.openingBalance?.amount.plus(sumOf(statement.transactions)).eq(statement.closingBalance!.amount);
 * ```
 */
export interface BankStatement {
  /** The statement's identifier in the file (camt `Stmt/Id`, CODA sequence number). */
  readonly id: string;
  readonly accountIban: string;
  readonly currency: string;
  /** CODA statement sequence number, camt `LglSeqNb` or `ElctrncSeqNb`. */
  readonly sequence?: string;
  readonly openingBalance?: Balance;
  readonly closingBalance?: Balance;
  readonly transactions: readonly BankTransaction[];
}

/** Which format a file was in. */
export type StatementFormat = 'coda' | 'camt053';

/**
 * A whole parsed statement file. Warnings are facts the accountant should see but that do not make
 * the file unusable (for instance a CODA new-balance record naming another account).
 *
 * @example
 * ```ts
 * const file = parseStatementFile(bytes);
 * file.statements.flatMap((s) => s.transactions).length;
 * ```
 */
export interface BankStatementFile {
  readonly format: StatementFormat;
  /** CODA: the version code of record 0 (`2`); camt: the message version (`001.02`, `001.04`, `001.08`). */
  readonly version: string;
  readonly statements: readonly BankStatement[];
  readonly warnings: readonly string[];
}

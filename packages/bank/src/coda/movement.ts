import type { CalendarDate, Money } from '@fact/core';
import type { BankTransaction, BankTransactionDetail, Remittance } from '../model/types.js';
import { classifyReference } from '../references/referenceCheck.js';
import { requireWholeCents } from '../statement/amount.js';
import type { CodaLine } from './fields.js';
import { codaDate, digits, field, requiredCodaDate, signedAmount, text } from './fields.js';

/** A movement record 21 and what its 22/23 records add, while the file is read. @internal */
export interface MovementPart {
  readonly line: number;
  readonly sequence: string;
  readonly detail: string;
  readonly bankReference: string | undefined;
  readonly amount: Money;
  readonly valueDate: CalendarDate | undefined;
  readonly entryDate: CalendarDate;
  readonly transactionCode: string;
  readonly communicationType: string;
  /** The communication zones of records 21, 22 and 23, in order, still padded. */
  communication: string[];
  counterpartyIban?: string;
  counterpartyName?: string;
  counterpartyBic?: string;
  /** Record 22, 64‑98: the customer reference, for SEPA the end-to-end id. */
  customerReference?: string;
  /** Record 22, 113: type of R-transaction (1 reject, 2 return, 3 refund, 4 reversal, 5 cancellation). */
  rTransaction?: string;
  /** Record 22, 114‑117: ISO reason return code (AC06, MD06…). */
  returnReason?: string;
}

/** A movement (detail 0000) with its detail records (globalisation). @internal */
export interface Movement {
  readonly main: MovementPart;
  readonly details: MovementPart[];
}

/** Reads record 21 (positions per reference.md §9.1). @internal */
export function readMovementRecord(rec: CodaLine): MovementPart {
  const amount = requireWholeCents(signedAmount(rec, 32, 33, 'movement amount'), { line: rec.line });
  const communicationType = field(rec, 62, 62);
  if (communicationType !== '0' && communicationType !== '1') {
    // Only 0 (free) and 1 (structured) exist; anything else is a broken record.
    digits(rec, 62, 62, 'communication type');
  }
  return {
    line: rec.line,
    sequence: digits(rec, 3, 6, 'sequence number'),
    detail: digits(rec, 7, 10, 'detail number'),
    bankReference: text(field(rec, 11, 31)),
    amount,
    valueDate: codaDate(rec, 48, 'value date'),
    entryDate: requiredCodaDate(rec, 116, 'entry date'),
    transactionCode: field(rec, 54, 61),
    communicationType,
    communication: [field(rec, 63, 115)],
  };
}

/**
 * Adds record 22 (Febelfin CODA 2.x): communication continued, customer reference (SEPA
 * end-to-end id), counterparty BIC, and for an R-transaction its type and ISO return reason.
 * @internal
 */
export function addRecord22(part: MovementPart, rec: CodaLine): void {
  part.communication.push(field(rec, 11, 63));
  const reference = text(field(rec, 64, 98));
  if (reference !== undefined) part.customerReference = reference;
  const bic = text(field(rec, 99, 109));
  if (bic !== undefined) part.counterpartyBic = bic;
  const rType = text(field(rec, 113, 113));
  if (rType !== undefined && /^[1-5]$/.test(rType)) part.rTransaction = rType;
  const reason = text(field(rec, 114, 117));
  if (reason !== undefined && part.rTransaction !== undefined) part.returnReason = reason;
}

/** The R-transaction facts of a part, as the bank model carries them. */
function rFacts(part: MovementPart) {
  return {
    ...(part.customerReference ? { endToEndId: part.customerReference } : {}),
    ...(part.returnReason ? { returnReason: part.returnReason } : {}),
  };
}

/** Adds record 23: counterparty account and name, communication continued. @internal */
export function addRecord23(part: MovementPart, rec: CodaLine): void {
  const iban = field(rec, 11, 47).replace(/\s/g, '').toUpperCase();
  if (iban !== '') part.counterpartyIban = iban;
  const name = text(field(rec, 48, 82));
  if (name !== undefined) part.counterpartyName = name;
  part.communication.push(field(rec, 83, 125));
}

/**
 * Structured communication (position 62 = 1): the first 3 characters are the type. Types 101 and
 * 102 are the Belgian OGM (12 digits); other types (card payments, direct-debit details…) carry
 * bank data, not a payment reference, so their text is kept as free text.
 */
function remittanceOf(part: MovementPart): Remittance {
  const joined = part.communication.join('');
  if (part.communicationType === '1') {
    const type = joined.slice(0, 3);
    if (type === '101' || type === '102') {
      const structured = classifyReference(joined.slice(3, 15));
      const rest = text(joined.slice(15));
      return { ...(structured ? { structured } : {}), ...(rest ? { unstructured: rest } : {}) };
    }
    const body = text(joined.slice(3));
    return body ? { unstructured: body } : {};
  }
  const free = text(joined);
  return free ? { unstructured: free } : {};
}

function counterpartyOf(part: MovementPart): BankTransaction['counterparty'] {
  return {
    ...(part.counterpartyName ? { name: part.counterpartyName } : {}),
    ...(part.counterpartyIban ? { iban: part.counterpartyIban } : {}),
    ...(part.counterpartyBic ? { bic: part.counterpartyBic } : {}),
  };
}

/** Turns a movement into a transaction; detail records become `batch.details`. @internal */
export function movementToTransaction(movement: Movement, dedupKey: string, currency: string): BankTransaction {
  const { main } = movement;
  const details: BankTransactionDetail[] = movement.details.map((d) => ({
    amount: d.amount,
    ...(d.bankReference ? { bankReference: d.bankReference } : {}),
    ...rFacts(d),
    counterparty: counterpartyOf(d),
    remittance: remittanceOf(d),
  }));
  return {
    dedupKey,
    bookingDate: main.entryDate,
    valueDate: main.valueDate ?? main.entryDate,
    amount: main.amount,
    currency,
    direction: main.amount.isNegative() ? 'debit' : 'credit',
    // An R-transaction (reject, return, refund, reversal, cancellation) undoes an earlier one.
    reversal: main.rTransaction !== undefined || movement.details.some((d) => d.rTransaction !== undefined),
    ...(main.bankReference ? { bankReference: main.bankReference } : {}),
    ...rFacts(main),
    counterparty: counterpartyOf(main),
    remittance: remittanceOf(main),
    ...(details.length > 0 ? { batch: { count: details.length, details } } : {}),
    transactionCode: main.transactionCode,
  };
}

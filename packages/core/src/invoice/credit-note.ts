import { fail } from '../errors/fail.js';
import type { Money } from '../money/money.js';
import type { InvoiceKind } from './types.js';

/**
 * The sign a document's amounts take in the receivables ledger: `+1` for an invoice or deposit
 * invoice (it raises what the customer owes), `−1` for a credit note (creditnota / note de
 * crédit: it reduces it). Amounts on the document itself stay positive.
 *
 * @example
 * ```ts
 * ledgerSign('credit-note'); // -1
 * ledgerSign('invoice'); // 1
 * ```
 */
export function ledgerSign(kind: InvoiceKind): 1 | -1 {
  if (kind === 'credit-note') return -1;
  if (kind === 'invoice' || kind === 'deposit') return 1;
  return fail('INVALID_INVOICE', 'kind', `${JSON.stringify(kind)} is not invoice, credit-note or deposit`);
}

/**
 * A document amount as it counts in the receivables ledger: the credit note's positive 121.00
 * becomes −121.00.
 *
 * @example
 * ```ts
 * signedAmount('credit-note', money('121.00')).toFixed(2); // "-121.00"
 * ```
 */
export function signedAmount(kind: InvoiceKind, amount: Money): Money {
  return ledgerSign(kind) === -1 ? amount.negated() : amount;
}

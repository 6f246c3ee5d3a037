import { Dec } from '@fact/core';
import type { BankTransaction } from '../model/types.js';
import type { PaymentLine } from './types.js';

/**
 * The payment lines of a transaction. A batch whose details all carry amounts adding up to the
 * transaction (a camt batch of SEPA credits, a CODA globalisation) gives one line per detail,
 * keyed `<dedupKey>/<n>`; anything else is one line keyed by the dedup key.
 *
 * @example
 * ```ts
 * paymentLines(batchOfTwo).map((l) => l.key); // ["camt:…:ref:R1/1", "camt:…:ref:R1/2"]
 * ```
 */
export function paymentLines(tx: BankTransaction): PaymentLine[] {
  const base = {
    transactionKey: tx.dedupKey,
    bookingDate: tx.bookingDate,
    currency: tx.currency,
    direction: tx.direction,
    reversal: tx.reversal,
  };
  const details = tx.batch?.details ?? [];
  const split =
    details.length > 1 &&
    details.every((d) => d.amount !== undefined) &&
    details.reduce((sum, d) => sum.plus(d.amount ?? 0), new Dec(0)).eq(tx.amount);
  if (split) {
    return details.map((d, i) => {
      const returnReason = d.returnReason ?? tx.returnReason;
      return {
        ...base,
        key: `${tx.dedupKey}/${i + 1}`,
        amount: d.amount ?? tx.amount,
        ...(returnReason ? { returnReason } : {}),
        ...(d.endToEndId ? { endToEndId: d.endToEndId } : {}),
        counterparty: d.counterparty,
        remittance: d.remittance,
      };
    });
  }
  return [
    {
      ...base,
      key: tx.dedupKey,
      amount: tx.amount,
      ...(tx.returnReason ? { returnReason: tx.returnReason } : {}),
      ...(tx.endToEndId ? { endToEndId: tx.endToEndId } : {}),
      counterparty: tx.counterparty,
      remittance: tx.remittance,
    },
  ];
}

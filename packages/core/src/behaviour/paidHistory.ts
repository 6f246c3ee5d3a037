import type { Money } from '../money/money.js';
import type { DebtorLedger } from '../payments/ledger.js';
import type { PaidInvoice } from './paymentBehaviour.js';

/**
 * Turns a debtor ledger into the history {@link paymentBehaviour} reads: every invoice settled
 * by `ledger.asOf`, with the payments that settled it. Returned payments are left out; an invoice
 * settled only by credit notes says nothing about paying habits and is left out too.
 *
 * @example
 * ```ts
 * const ledger = ledgerOf({ items, payments, asOf: '2025-12-31' });
 * const behaviour = paymentBehaviour(paidHistoryOf(ledger));
 * ```
 */
export function paidHistoryOf(ledger: DebtorLedger): PaidInvoice[] {
  const reversed = new Set(ledger.allocations.flatMap((a) => (a.reverses === undefined ? [] : [a.reverses])));
  const history: PaidInvoice[] = [];
  for (const line of ledger.lines) {
    if (!line.open.total.isZero()) continue;
    const byPayment = new Map<string, { date: string; amount: Money }>();
    for (const a of ledger.allocations) {
      if (a.itemId !== line.item.id || a.source !== 'payment' || reversed.has(a.paymentId)) continue;
      const seen = byPayment.get(a.paymentId);
      byPayment.set(a.paymentId, { date: a.date, amount: seen ? seen.amount.plus(a.amount) : a.amount });
    }
    if (byPayment.size === 0) continue;
    history.push({ id: line.item.id, issueDate: line.item.issueDate, dueDate: line.item.dueDate, payments: [...byPayment.values()] });
  }
  return history;
}

import { FactError, fromCents, money, toCents } from '@fact/core';
import type { AmountInput, Money } from '@fact/core';
import type { Allocation, OpenInvoice, PaymentLine } from './types.js';

/**
 * Checks an allocation the accountant chose for a payment from the unmatched queue (confirming a
 * suggestion or assigning it by hand) and returns it with what is left unapplied. Refuses, with a
 * `FactError` naming the field, an unknown invoice (`UNKNOWN_ITEM`), a non-positive or sub-cent
 * amount, more than the invoice's open amount, or more in total than the payment
 * (`INVALID_AMOUNT`).
 *
 * @example
 * ```ts
 * confirmAllocation(line, [{ invoiceId: 'inv_7', amount: '250.00' }], openInvoices);
 * // { allocations: [{ invoiceId: 'inv_7', amount: 250 }], unapplied: 0 }
 * ```
 */
export function confirmAllocation(
  payment: PaymentLine,
  chosen: readonly { readonly invoiceId: string; readonly amount: AmountInput }[],
  invoices: readonly OpenInvoice[],
): { allocations: Allocation[]; unapplied: Money } {
  if (payment.direction !== 'credit' || payment.reversal) {
    throw new FactError('INVALID_ARGUMENT', 'payment: only money in can be allocated to invoices', 'payment');
  }
  const byId = new Map(invoices.map((inv) => [inv.id, inv]));
  const available = toCents(payment.amount, 'payment.amount');
  const used = new Map<string, number>();
  let total = 0;
  const allocations = chosen.map((c, i) => {
    const field = `allocations[${i}]`;
    const invoice = byId.get(c.invoiceId);
    if (!invoice) throw new FactError('UNKNOWN_ITEM', `${field}.invoiceId: no open invoice "${c.invoiceId}"`, `${field}.invoiceId`);
    const cents = toCents(money(c.amount, `${field}.amount`), `${field}.amount`);
    if (cents <= 0) throw new FactError('INVALID_AMOUNT', `${field}.amount: must be positive`, `${field}.amount`);
    const open = toCents(money(invoice.openAmount, 'openAmount'));
    const onInvoice = (used.get(c.invoiceId) ?? 0) + cents;
    if (onInvoice > open) {
      throw new FactError('INVALID_AMOUNT', `${field}.amount: ${fromCents(onInvoice).toFixed(2)} exceeds the ${fromCents(open).toFixed(2)} open on ${invoice.number}`, `${field}.amount`);
    }
    used.set(c.invoiceId, onInvoice);
    total += cents;
    if (total > available) {
      throw new FactError('INVALID_AMOUNT', `${field}.amount: allocations total ${fromCents(total).toFixed(2)}, the payment is ${fromCents(available).toFixed(2)}`, `${field}.amount`);
    }
    return { invoiceId: c.invoiceId, amount: fromCents(cents) };
  });
  return { allocations, unapplied: fromCents(available - total) };
}

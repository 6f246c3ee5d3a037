import { fail } from '../errors/fail.js';
import type { DeductedDeposit, InvoiceTotals } from './types.js';

/**
 * The deductions a final invoice makes for a deposit invoice (voorschotfactuur / facture
 * d'acompte) that already charged VAT: one per VAT category and rate of the deposit, with its
 * taxable amount. Pass them as `deductedDeposits` to {@link computeInvoiceTotals}; the final
 * invoice then charges VAT only on what the deposit did not cover, and its payable is the rest.
 *
 * Throws `INVALID_INVOICE` when `deposit` is not a deposit invoice.
 *
 * @example
 * ```ts
 * const deposit = computeInvoiceTotals({ kind: 'deposit', number: 'D-1', issueDate: '2025-01-10',
 *   currency: 'EUR', vatCountry: 'BE',
 *   lines: [{ description: '30 % advance', quantity: 1, unitPrice: 300, vatCategory: 'S', vatRate: 21 }] });
 * const final = computeInvoiceTotals({ kind: 'invoice', number: 'F-9', issueDate: '2025-02-10',
 *   currency: 'EUR', vatCountry: 'BE',
 *   lines: [{ description: 'Kitchen', quantity: 1, unitPrice: 1000, vatCategory: 'S', vatRate: 21 }],
 *   deductedDeposits: depositDeductions(deposit) });
 * final.payable.toFixed(2); // "847.00" = 1210.00 − 363.00 paid with the deposit
 * ```
 */
export function depositDeductions(deposit: InvoiceTotals): DeductedDeposit[] {
  if (deposit.kind !== 'deposit') fail('INVALID_INVOICE', 'deposit.kind', `expected a deposit invoice, got ${deposit.kind}`);
  return deposit.vatBreakdown
    .filter((v) => !v.taxableAmount.isZero())
    .map((v) => ({
      invoiceNumber: deposit.number,
      vatCategory: v.category,
      vatRate: v.rate,
      taxableAmount: v.taxableAmount,
    }));
}

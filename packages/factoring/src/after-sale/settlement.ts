import { Dec, ZERO, type CalendarDate, type Money } from '@fact/core';
import { fail } from '../input/fail.js';
import type { AssignmentRecord } from './assignments.js';

/** A payment the seller received (from its bank statement). */
export interface ReceivedPayment {
  readonly paymentId: string;
  readonly invoiceId: string;
  readonly date: CalendarDate;
  /** Decimal string, > 0. */
  readonly amount: string;
}

/** One payment the seller must pass on to the factor. */
export interface SettlementLine {
  readonly paymentId: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly batchId: string;
  readonly date: CalendarDate;
  readonly received: Money;
  /** What belongs to the factor: the payment, up to what is still assigned on the invoice. */
  readonly owed: Money;
}

/** The settlement: what reached the seller for assigned invoices and is owed to the factor. */
export interface SettlementReport {
  readonly lines: readonly SettlementLine[];
  readonly totalOwed: Money;
  /** Received above the assigned amount (an overpayment): stays with the seller to refund or allocate. */
  readonly totalExcess: Money;
}

/**
 * Payments that still reached the seller for assigned invoices, on or after the assignment date,
 * and therefore belong to the factor (with a silent assignment this is the normal route; with an
 * open one, the debtor paid the wrong party). Payments are taken in date order, then by id; per
 * invoice, the factor is owed at most the assigned amount.
 *
 * @example
 * ```ts
 * settlementReport(records, [{ paymentId: 'p1', invoiceId: 'i1', date: '2025-07-10', amount: '500.00' }]).totalOwed.toFixed(2); // "500.00"
 * ```
 */
export function settlementReport(assignments: readonly AssignmentRecord[], payments: readonly ReceivedPayment[]): SettlementReport {
  const byInvoice = new Map(assignments.map((a) => [a.invoiceId, a]));
  const left = new Map(assignments.map((a) => [a.invoiceId, new Dec(a.assignedAmount) as Money]));
  const sorted = [...payments].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0));
  const lines: SettlementLine[] = [];
  let totalOwed = ZERO;
  let totalExcess = ZERO;
  sorted.forEach((p, i) => {
    if (!/^\d+(\.\d{1,2})?$/.test(p.amount) || new Dec(p.amount).isZero()) fail('INVALID_AMOUNT', `payments[${i}].amount`, `"${p.amount}" is not a positive amount with at most two decimals`);
    const a = byInvoice.get(p.invoiceId);
    if (!a || p.date < a.assignedOn) return;
    const received = new Dec(p.amount);
    const open = left.get(p.invoiceId) ?? ZERO;
    const owed = received.lt(open) ? received : open;
    left.set(p.invoiceId, open.minus(owed));
    totalOwed = totalOwed.plus(owed);
    totalExcess = totalExcess.plus(received.minus(owed));
    lines.push({ paymentId: p.paymentId, invoiceId: p.invoiceId, invoiceNumber: a.invoiceNumber, batchId: a.batchId, date: p.date, received, owed });
  });
  return { lines, totalOwed, totalExcess };
}

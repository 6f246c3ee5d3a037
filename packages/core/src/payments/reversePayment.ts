import { fail } from '../errors/fail.js';
import { ZERO, type Money } from '../money/money.js';
import { readPayment } from './read.js';
import type { Allocation, PaymentInput } from './types.js';

/**
 * The result of undoing a returned payment.
 *
 * @example
 * ```ts
 * const { allocations } = reversePayment(bounce, original, allocationsSoFar);
 * ```
 */
export interface PaymentReversal {
  readonly paymentId: string;
  readonly reverses: string;
  /** The negatives of the original's allocations, dated on the reversal date. */
  readonly allocations: readonly Allocation[];
  /** The part of the original that had stayed unapplied, and is now gone too. */
  readonly unappliedReversed: Money;
}

/**
 * Undoes a payment that came back (a camt.053 entry with `RvslInd`, a CODA return, a SEPA
 * direct-debit refusal): every allocation of the original gets a negative twin dated on the
 * reversal date. Nothing is edited, so `openBalance` before that date still shows the invoice as
 * paid, and from that date shows it open again.
 *
 * Throws `INVALID_REVERSAL` when `reversal.reversalOf` does not name `original`
 * (`reversal.reversalOf`), the amounts differ (`reversal.amount`: only whole returns are
 * modelled), or the reversal is dated before the original (`reversal.date`).
 *
 * @example
 * ```ts
 * const original = { id: 'P-1', date: '2025-02-01', amount: '100.00' };
 * const paid = allocatePayment(original, items);
 * const back = reversePayment({ id: 'R-1', date: '2025-02-05', amount: '100.00', reversalOf: 'P-1' }, original, paid.allocations);
 * back.allocations[0]?.amount.toFixed(2); // "-100.00", dated 2025-02-05
 * ```
 */
export function reversePayment(reversal: PaymentInput, original: PaymentInput, allocations: readonly Allocation[]): PaymentReversal {
  const r = readPayment(reversal, 'reversal');
  const o = readPayment(original, 'original');
  if (r.reversalOf !== o.id) fail('INVALID_REVERSAL', 'reversal.reversalOf', `does not name the original payment "${o.id}"`);
  if (!r.amount.equals(o.amount)) {
    fail('INVALID_REVERSAL', 'reversal.amount', `${r.amount.toFixed(2)} differs from the original ${o.amount.toFixed(2)}; only whole returns are supported`);
  }
  if (r.date < o.date) fail('INVALID_REVERSAL', 'reversal.date', `${r.date} is before the original payment of ${o.date}`);
  const own = allocations.filter((a) => a.paymentId === o.id && a.source === 'payment');
  const undone: Allocation[] = own.map((a) => ({ ...a, paymentId: r.id, source: 'reversal', amount: a.amount.negated(), date: r.date, reverses: o.id }));
  const allocated = own.reduce((s, a) => s.plus(a.amount), ZERO);
  const unappliedReversed = o.amount.minus(allocated);
  if (unappliedReversed.isNegative()) fail('INVALID_AMOUNT', 'allocations', `allocate more than payment "${o.id}" holds`);
  return { paymentId: r.id, reverses: o.id, allocations: undone, unappliedReversed: unappliedReversed.isZero() ? ZERO : unappliedReversed };
}

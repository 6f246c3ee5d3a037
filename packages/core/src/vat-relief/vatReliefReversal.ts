import type { Decimal } from 'decimal.js';
import { parseDate, type CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { nonNegativeMoney, roundCents, type AmountInput, type Money } from '../money/money.js';
import { vatReturnPeriod, type VatFilingFrequency, type VatReturnPeriod } from './vatReturnPeriod.js';

/**
 * Input of {@link vatReliefReversal}: the relief claimed and a payment received afterwards.
 *
 * @example
 * ```ts
 * const input: VatReliefReversalInput = {
 *   country: 'NL', reclaimedVat: '210', unpaidAtClaim: '1210',
 *   payment: { date: '2026-05-12', amount: '605' }, filing: 'quarterly',
 * };
 * ```
 */
export interface VatReliefReversalInput {
  readonly country: Country;
  /** VAT given back when relief was claimed. */
  readonly reclaimedVat: AmountInput;
  /** The unpaid amount (incl. VAT) on which that relief was computed. */
  readonly unpaidAtClaim: AmountInput;
  /** What was already received on that unpaid amount after the claim (incl. VAT); default 0. */
  readonly recoveredBefore?: AmountInput;
  readonly payment: { readonly date: CalendarDate; readonly amount: AmountInput };
  readonly filing: VatFilingFrequency;
}

/**
 * VAT that becomes due again because a relieved invoice is (partly) paid after all.
 *
 * @example
 * ```ts
 * const r: VatReliefReversal = vatReliefReversal({ country: 'NL', reclaimedVat: '210', unpaidAtClaim: '1210',
 *   payment: { date: '2026-05-12', amount: '605' }, filing: 'quarterly' });
 * // { vatDue: 105, vatDueSoFar: 105, returnPeriod: { label: "2026-Q2", from: "2026-04-01", to: "2026-06-30", … }, source: "…" }
 * ```
 */
export interface VatReliefReversal {
  readonly vatDue: Money;
  /** Declare it in the return of the period of the payment. */
  readonly returnPeriod: VatReturnPeriod;
  /** Share of the relieved VAT that has now been paid back, this payment included. */
  readonly vatDueSoFar: Money;
  readonly source: string;
}

/**
 * A payment received after VAT bad-debt relief: the VAT on the amount received is due again,
 * in the return of the period of receipt (NL art. 29 Wet OB; BE: later recovery is paid back
 * to the State). Computed cumulatively so that partial payments add up to exactly the relief
 * claimed: `round(reclaimed × recoveredSoFar / unpaidAtClaim) − round(reclaimed × before / unpaidAtClaim)`.
 * Payments beyond the unpaid amount → `INVALID_AMOUNT` (payment.amount).
 *
 * @example
 * ```ts
 * const r = vatReliefReversal({
 *   country: 'NL', reclaimedVat: '210', unpaidAtClaim: '1210',
 *   payment: { date: '2026-05-12', amount: '605' }, filing: 'quarterly',
 * });
 * r.vatDue.toFixed(2); // "105.00"
 * r.returnPeriod.label; // "2026-Q2"
 * ```
 */
export function vatReliefReversal(input: VatReliefReversalInput): VatReliefReversal {
  const reclaimed = nonNegativeMoney(input.reclaimedVat, 'reclaimedVat');
  const unpaid = nonNegativeMoney(input.unpaidAtClaim, 'unpaidAtClaim');
  if (unpaid.isZero()) fail('INVALID_AMOUNT', 'unpaidAtClaim', 'relief is claimed on a positive unpaid amount');
  const before = nonNegativeMoney(input.recoveredBefore ?? 0, 'recoveredBefore');
  const amount = nonNegativeMoney(input.payment.amount, 'payment.amount');
  const date = parseDate(input.payment.date, 'payment.date');
  if (input.country !== 'BE' && input.country !== 'NL') fail('INVALID_ARGUMENT', 'country', `unknown country "${String(input.country)}"; expected BE or NL`);
  const after = before.plus(amount);
  if (after.greaterThan(unpaid)) {
    fail('INVALID_AMOUNT', 'payment.amount', `${after.toFixed(2)} recovered in total exceeds the unpaid amount ${unpaid.toFixed(2)}`);
  }
  const share = (x: Decimal) => roundCents(reclaimed.times(x).dividedBy(unpaid));
  const soFar = share(after);
  return {
    vatDue: soFar.minus(share(before)),
    returnPeriod: vatReturnPeriod(date, input.filing, 'filing'),
    vatDueSoFar: soFar,
    source: input.country === 'NL' ? 'reference.md §4.1 (later payment: VAT due again in the period of receipt)' : 'reference.md §4.2 (later recovery is paid back to the State)',
  };
}

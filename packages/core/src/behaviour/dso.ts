import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { nonNegativeMoney, type AmountInput, type Money } from '../money/money.js';
import { BEHAVIOUR_DAYS_DECIMALS } from './paymentBehaviour.js';

/**
 * Days sales outstanding, or why there is none: without sales in the period the ratio has no
 * meaning, and the result says so instead of returning Infinity or NaN.
 *
 * @example
 * ```ts
 * const r: DsoResult = { kind: 'days', method: 'standard', days: money('45.6'), exceedsHistory: false };
 * ```
 */
export type DsoResult =
  | {
      readonly kind: 'days';
      readonly method: 'standard' | 'countback';
      /** Rounded half-up to {@link BEHAVIOUR_DAYS_DECIMALS} decimals. */
      readonly days: Money;
      /** Countback only: the receivables are larger than all the sales given, so `days` is a floor. */
      readonly exceedsHistory: boolean;
    }
  | { readonly kind: 'no-sales' };

function wholeDays(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) fail('INVALID_ARGUMENT', field, `must be a whole number of days ≥ 1, got ${value}`);
  return value;
}

/**
 * Days sales outstanding by the standard (average) method:
 *
 *   DSO = receivables at the end of the period ÷ sales (invoiced, VAT included) in the period
 *         × days in the period
 *
 * Use the same basis for both amounts (both with VAT, as receivables include VAT). With no sales
 * and no receivables the result is `no-sales`; with no sales but receivables, also `no-sales`
 * (the ratio is undefined, not infinite).
 *
 * Throws `INVALID_AMOUNT` (`receivables`, `sales`) for negative or non-numeric amounts and
 * `INVALID_ARGUMENT` (`periodDays`) unless it is a whole number ≥ 1.
 *
 * @example
 * ```ts
 * dso({ receivables: '30000.00', sales: '90000.00', periodDays: 90 }); // days 30.0
 * ```
 */
export function dso(input: { readonly receivables: AmountInput; readonly sales: AmountInput; readonly periodDays: number }): DsoResult {
  const receivables = nonNegativeMoney(input.receivables, 'receivables');
  const sales = nonNegativeMoney(input.sales, 'sales');
  const periodDays = wholeDays(input.periodDays, 'periodDays');
  if (sales.isZero()) return { kind: 'no-sales' };
  const days = receivables.dividedBy(sales).times(periodDays).toDecimalPlaces(BEHAVIOUR_DAYS_DECIMALS, Dec.ROUND_HALF_UP);
  return { kind: 'days', method: 'standard', days, exceedsHistory: false };
}

/**
 * Days sales outstanding by the countback method: walk back from the most recent period,
 * taking each period's sales off the receivables, and count its days while sales are covered:
 *
 *   for each period k (most recent first): if R ≤ S_k then DSO += R ÷ S_k × D_k and stop,
 *   else R −= S_k and DSO += D_k
 *
 * It reflects recent sales, so it does not swing with seasonal peaks the way the standard
 * method does. When the receivables exceed all the sales given, `exceedsHistory` is true and
 * `days` counts all periods (a lower bound). No receivables gives 0 days; no sales at all,
 * `no-sales`.
 *
 * Throws `INVALID_AMOUNT` (`receivables`, `periods[i].sales`), `INVALID_ARGUMENT`
 * (`periods[i].days`, `periods` when empty).
 *
 * @example
 * ```ts
 * dsoCountback('150.00', [{ days: 31, sales: '100.00' }, { days: 30, sales: '100.00' }]); // days 46.0
 * ```
 */
export function dsoCountback(
  receivablesInput: AmountInput,
  periods: readonly { readonly days: number; readonly sales: AmountInput }[],
): DsoResult {
  let remaining = nonNegativeMoney(receivablesInput, 'receivables');
  if (!Array.isArray(periods) || periods.length === 0) fail('INVALID_ARGUMENT', 'periods', 'needs at least one period, most recent first');
  const checked = periods.map((p, i) => ({ days: wholeDays(p.days, `periods[${i}].days`), sales: nonNegativeMoney(p.sales, `periods[${i}].sales`) }));
  if (checked.every((p) => p.sales.isZero())) return { kind: 'no-sales' };
  let days: Money = new Dec(0);
  for (const p of checked) {
    if (remaining.isZero()) break;
    if (!p.sales.isZero() && remaining.lessThanOrEqualTo(p.sales)) {
      days = days.plus(remaining.dividedBy(p.sales).times(p.days));
      remaining = new Dec(0);
      break;
    }
    remaining = remaining.minus(p.sales);
    days = days.plus(p.days);
  }
  return { kind: 'days', method: 'countback', days: days.toDecimalPlaces(BEHAVIOUR_DAYS_DECIMALS, Dec.ROUND_HALF_UP), exceedsHistory: !remaining.isZero() };
}

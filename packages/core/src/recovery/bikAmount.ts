import type { Decimal } from 'decimal.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { nonNegativeMoney, roundCents, type AmountInput, type Money } from '../money/money.js';
import { bikScale, type BikScale } from './bikScale.js';

/**
 * One line of a BIK computation, for a 14-day letter (veertiendagenbrief) or a summons.
 *
 * @example
 * ```ts
 * bikCalculation('3000').lines[1];
 * // { from: 2500, to: 5000, percent: "10", amount: 50 } (10 % of the €500 above €2,500)
 * ```
 */
export interface BikLine {
  readonly from: Money;
  readonly to: Money | null;
  readonly percent: string;
  /** Exact, not rounded. */
  readonly amount: Money;
}

/**
 * The BIK amount (Dutch extrajudicial collection costs) and how it was reached.
 *
 * @example
 * ```ts
 * const c: BikCalculation = bikCalculation('3000');
 * // { amount: 425, lines: [15 % of 2500 = 375, 10 % of 500 = 50], minimumApplied: false, maximumApplied: false, source: "reference.md §2 (…)" }
 * ```
 */
export interface BikCalculation {
  /** Rounded half-up to the cent, after minimum, maximum and any VAT surcharge. */
  readonly amount: Money;
  readonly lines: readonly BikLine[];
  readonly minimumApplied: boolean;
  readonly maximumApplied: boolean;
  /** The VAT percent added (art. 2 lid 3 Besluit), when asked for. */
  readonly vatSurchargePercent?: string;
  readonly source: string;
}

/**
 * Options for {@link bikCalculation}: a VAT surcharge and another scale.
 *
 * @example
 * ```ts
 * const options: BikOptions = { vatSurchargePercent: '21' };
 * bikCalculation('3000', options).amount.toFixed(2); // "514.25" (425.00 + 21 %)
 * ```
 */
export interface BikOptions {
  /**
   * Art. 2 lid 3 Besluit: a creditor that cannot deduct VAT may raise the fee by the VAT
   * percent (e.g. `'21'`) when it uses a third-party collection service that charges VAT and
   * says so expressly (for consumers, in the 14-day letter). Checking those conditions is the
   * caller's job.
   */
  readonly vatSurchargePercent?: string;
  /** Another scale (a future amendment); defaults to {@link bikScale}. */
  readonly scale?: BikScale;
}

/**
 * The Dutch extrajudicial collection costs (buitengerechtelijke incassokosten, WIK/BIK) for a
 * principal without interest, with every bracket. Negative principal → `INVALID_AMOUNT`.
 *
 * @example
 * ```ts
 * const c = bikCalculation('10000');
 * c.amount.toFixed(2); // "875.00"
 * c.lines.map((l) => l.amount.toFixed(2)); // ["375.00", "250.00", "250.00"]
 * ```
 */
export function bikCalculation(principal: AmountInput, options: BikOptions = {}): BikCalculation {
  const p = nonNegativeMoney(principal, 'principal');
  const scale = options.scale ?? bikScale;
  const lines: BikLine[] = [];
  let lower: Decimal = new Dec(0);
  for (const b of scale.brackets) {
    if (p.lessThanOrEqualTo(lower)) break;
    const upper = b.upTo === null ? null : new Dec(b.upTo);
    const top = upper === null || p.lessThan(upper) ? p : upper;
    lines.push({ from: lower, to: upper, percent: b.percent, amount: top.minus(lower).times(b.percent).dividedBy(100) });
    if (upper === null) break;
    lower = upper;
  }
  const raw = lines.reduce<Decimal>((s, l) => s.plus(l.amount), new Dec(0));
  const min = new Dec(scale.minimum);
  const max = new Dec(scale.maximum);
  const minimumApplied = raw.lessThan(min);
  const maximumApplied = raw.greaterThan(max);
  let amount: Decimal = minimumApplied ? min : maximumApplied ? max : raw;
  const vat = options.vatSurchargePercent;
  if (vat !== undefined) {
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(vat)) fail('INVALID_PERCENTAGE', 'vatSurchargePercent', `"${vat}" is not a percent like "21"`);
    amount = amount.times(new Dec(100).plus(vat)).dividedBy(100);
  }
  return {
    amount: roundCents(amount),
    lines,
    minimumApplied,
    maximumApplied,
    ...(vat === undefined ? {} : { vatSurchargePercent: vat }),
    source: scale.source,
  };
}

/**
 * The BIK amount for a principal (without interest), excluding VAT: 15 % of the first €2,500,
 * 10 % of the next €2,500, 5 % of the next €5,000, 1 % up to €200,000 and 0.5 % above, at least
 * €40 and at most €6,775.
 *
 * @example
 * ```ts
 * bikAmount('1000').toFixed(2); // "150.00"
 * bikAmount('100').toFixed(2); // "40.00" (minimum)
 * ```
 */
export function bikAmount(principal: AmountInput, options: BikOptions = {}): Money {
  return bikCalculation(principal, options).amount;
}

import { Dec, ZERO, type Money } from '@fact/core';

/**
 * The largest amount any one debtor may keep so that no debtor exceeds `capPercent` of the
 * batch's eligible total *after* capping (a fixed point, not a single pass: trimming the largest
 * debtor shrinks the total the cap is a share of). Debtors at or below the cap are untouched;
 * the ones above it are cut to it. Rounded down to the cent so the cap is never exceeded.
 *
 * With `capPercent` p and fewer than 100/p debtors no positive amount satisfies the cap for all
 * of them (each ≤ p of a total they make up together), so the cap is 0: with a 20 % cap a batch
 * needs at least five debtors. That is what the rule says; a factor that means otherwise uses
 * `of: "book"`, where the base is the seller's whole open book and does not move.
 *
 * @example
 * ```ts
 * batchConcentrationCap([money('800'), money('100'), money('100'), money('100'), money('100'), money('100')], money('20')).toFixed(2); // "125.00" (800 cut to 125: 125 of 625 is 20 %)
 * ```
 */
export function batchConcentrationCap(amounts: readonly Money[], capPercent: Money): Money {
  const p = new Dec(capPercent).div(100);
  const sorted = [...amounts].sort((a, b) => b.comparedTo(a));
  let rest = sorted.reduce((s, a) => s.plus(a), ZERO);
  for (let k = 0; k <= sorted.length; k++) {
    if (k > 0) rest = rest.minus(sorted[k - 1] ?? ZERO);
    const denominator = new Dec(1).minus(p.times(k));
    if (denominator.lte(0)) return ZERO;
    const cap = p.times(rest).div(denominator);
    const next = sorted[k];
    if (next === undefined || next.lte(cap)) return cap.toDecimalPlaces(2, Dec.ROUND_DOWN);
  }
  return ZERO;
}

/**
 * The cap on the seller's whole open book: `capPercent` of its outstanding total, rounded down.
 *
 * @example
 * ```ts
 * bookConcentrationCap(money('10000'), money('20')).toFixed(2); // "2000.00"
 * ```
 */
export function bookConcentrationCap(bookOutstanding: Money, capPercent: Money): Money {
  return new Dec(bookOutstanding).times(capPercent).div(100).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

import { fail } from '../errors/fail.js';
import { Dec } from './decimal.js';
import { money, toCents, type AmountInput, type Money } from './money.js';

/**
 * Splits an amount of whole cents over parts in proportion to `weights`, so that the parts sum
 * to exactly the amount: no cent is lost or invented. Remainders go to the parts with the
 * largest fractional share (ties: the earlier part), the largest-remainder method.
 *
 * Negative amounts are split as the mirror of their positive value.
 *
 * @example
 * ```ts
 * allocate(money('100.00'), [1, 1, 1]).map(String); // ["33.34", "33.33", "33.33"]
 * ```
 */
export function allocate(amount: Money, weights: readonly AmountInput[], field = 'amount'): Money[] {
  if (weights.length === 0) fail('INVALID_ARGUMENT', 'weights', 'needs at least one part');
  const ws = weights.map((w, i) => {
    const d = money(w, `weights[${i}]`);
    if (d.isNegative() && !d.isZero()) fail('INVALID_ARGUMENT', `weights[${i}]`, 'must not be negative');
    return d;
  });
  const total = ws.reduce((s, w) => s.plus(w), new Dec(0));
  if (total.isZero()) fail('INVALID_ARGUMENT', 'weights', 'must not all be zero');

  const cents = toCents(amount, field);
  const sign = cents < 0 ? -1 : 1;
  const abs = Math.abs(cents);
  const exact = ws.map((w) => w.times(abs).dividedBy(total));
  const floors = exact.map((e) => e.floor().toNumber());
  let left = abs - floors.reduce((s, f) => s + f, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(e.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((c) => new Dec(sign * c).dividedBy(100));
}

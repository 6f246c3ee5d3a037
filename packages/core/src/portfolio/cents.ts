import { fail } from '../errors/fail.js';

/**
 * Exact integer arithmetic on cents for the portfolio fast path. A segment's interest is the
 * rational `base × multiplier / divisor` (base in cents, multiplier = scaled rate × days,
 * divisor = rate scale × 100 × 365), rounded half-up to a whole cent, exactly as
 * `roundCents(base × rate × days / 36 500)` rounds it. JS numbers are exact for integers below
 * 2^53; a product at or above that goes through BigInt.
 */

/**
 * `round_half_up(a × m / d)` for non-negative safe integers `a`, `m` and a positive `d`.
 * Throws `INVALID_AMOUNT` naming `field` if the result is not a safe integer.
 *
 * @example
 * ```ts
 * mulDivHalfUp(500_000, 1150 * 107, 3_650_000); // 16856 (€168.56, reference.md §1.2)
 * ```
 */
export function mulDivHalfUp(a: number, m: number, d: number, field = 'amountCents'): number {
  const p = a * m;
  if (p <= Number.MAX_SAFE_INTEGER) {
    // p and d are exact integers below 2^53, so the quotient's floor is exact (the nearest
    // integer above p/d is at least 1/d away, more than the division's rounding error).
    const q = Math.floor(p / d);
    const r = p - q * d;
    return r * 2 >= d ? q + 1 : q;
  }
  const big = BigInt(a) * BigInt(m);
  const bd = BigInt(d);
  let q = big / bd;
  if ((big % bd) * 2n >= bd) q += 1n;
  const n = Number(q);
  if (!Number.isSafeInteger(n)) fail('INVALID_AMOUNT', field, 'the interest is too large for whole cents in a safe integer');
  return n;
}

/**
 * Checks a whole-cent amount: a safe integer ≥ 0. Throws `INVALID_AMOUNT` naming `field`.
 *
 * @example
 * ```ts
 * wholeCents(121_000, 'amountCents'); // 121000
 * wholeCents(12.5, 'amountCents'); // throws INVALID_AMOUNT
 * ```
 */
export function wholeCents(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail('INVALID_AMOUNT', field, `must be whole cents (a safe integer ≥ 0), got ${String(value)}`);
  }
  return value as number;
}

/**
 * A percent string (`'11.50'`) as an integer scaled by 10^scale (`115000` for scale 4), exact.
 *
 * @example
 * ```ts
 * scaledRate('11.5', 2); // 1150
 * ```
 */
export function scaledRate(percent: string, scale: number): number {
  const [whole = '', fraction = ''] = percent.split('.');
  return Number(whole + fraction.padEnd(scale, '0'));
}

/**
 * The number of decimals of a percent string.
 *
 * @example
 * ```ts
 * rateDecimals('10.50'); // 2
 * ```
 */
export function rateDecimals(percent: string): number {
  const dot = percent.indexOf('.');
  return dot < 0 ? 0 : percent.length - dot - 1;
}

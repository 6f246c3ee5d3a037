import type { Decimal } from 'decimal.js';
import { fail } from '../errors/fail.js';
import { Dec } from './decimal.js';

/**
 * An exact euro amount (a decimal.js value, never a JS number). Produced by {@link money}; any
 * decimal.js value is accepted as input.
 *
 * @example
 * ```ts
 * const gross: Money = money('100.00').times('1.21');
 * gross.toFixed(2); // "121.00"
 * ```
 */
export type Money = Decimal;

/**
 * What an amount may be given as: a decimal string (`"1234.56"`), a decimal.js value, or a
 * finite JS number (read through its shortest decimal form, so `0.1` is exactly 0.1).
 *
 * @example
 * ```ts
 * const inputs: AmountInput[] = ['1234.56', 0.1, money('2.50')];
 * inputs.map((i) => money(i).toString()); // ["1234.56", "0.1", "2.5"]
 * ```
 */
export type AmountInput = string | number | Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads an amount exactly. Throws `INVALID_AMOUNT` naming `field` for anything that is not a
 * finite decimal number.
 *
 * @example
 * ```ts
 * money('12.30').plus(money(0.2)).toFixed(2); // "12.50"
 * ```
 */
export function money(value: AmountInput, field = 'amount'): Money {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('INVALID_AMOUNT', field, `must be a finite number, got ${value}`);
    return new Dec(String(value));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_TEXT.test(text)) fail('INVALID_AMOUNT', field, `"${value}" is not a decimal number`);
    return new Dec(text);
  }
  if (value !== null && typeof value === 'object' && 'isFinite' in value && typeof value.isFinite === 'function') {
    if (!value.isFinite()) fail('INVALID_AMOUNT', field, 'must be finite');
    return new Dec(value);
  }
  return fail('INVALID_AMOUNT', field, `expected a decimal string, number or Decimal, got ${typeof value}`);
}

/**
 * Like {@link money}, but refuses negative amounts (throws `INVALID_AMOUNT` naming `field`).
 *
 * @example
 * ```ts
 * nonNegativeMoney('5', 'deposit').toFixed(2); // "5.00"
 * nonNegativeMoney('-1.50', 'deposit'); // throws FactError INVALID_AMOUNT "deposit: must not be negative, got -1.5"
 * ```
 */
export function nonNegativeMoney(value: AmountInput, field = 'amount'): Money {
  const m = money(value, field);
  if (m.isNegative() && !m.isZero()) fail('INVALID_AMOUNT', field, `must not be negative, got ${m.toString()}`);
  return m;
}

/**
 * Zero euro: the starting point of a sum and the floor of a balance.
 *
 * @example
 * ```ts
 * sumMoney([]).equals(ZERO); // true
 * maxMoney(money('-3'), ZERO).toString(); // "0"
 * ```
 */
export const ZERO: Money = new Dec(0);

/**
 * Rounds half-up to the cent. Call it only at a named rounding point (a line net, a VAT amount
 * per rate, an interest segment), once.
 *
 * @example
 * ```ts
 * roundCents(money('2.345')).toString(); // "2.35"
 * ```
 */
export function roundCents(value: Money): Money {
  return new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Converts a whole-cent amount to integer cents for storage. A fractional cent is a defect
 * upstream, so it throws `INVALID_AMOUNT` instead of rounding silently.
 *
 * @example
 * ```ts
 * toCents(money('12.34')); // 1234
 * ```
 */
export function toCents(value: Money, field = 'amount'): number {
  const cents = new Dec(value).times(100);
  if (!cents.isInteger()) fail('INVALID_AMOUNT', field, `${value.toString()} has a fraction of a cent`);
  const n = cents.toNumber();
  if (!Number.isSafeInteger(n)) fail('INVALID_AMOUNT', field, `${value.toString()} is too large`);
  return n;
}

/**
 * Reads integer cents (as stored) back into an amount.
 *
 * @example
 * ```ts
 * fromCents(1234).toFixed(2); // "12.34"
 * ```
 */
export function fromCents(cents: number | bigint, field = 'cents'): Money {
  if (typeof cents === 'bigint') return new Dec(cents.toString()).dividedBy(100);
  if (!Number.isSafeInteger(cents)) fail('INVALID_AMOUNT', field, `must be a whole number of cents, got ${cents}`);
  return new Dec(cents).dividedBy(100);
}

/**
 * Sums amounts exactly.
 *
 * @example
 * ```ts
 * sumMoney([money('0.10'), money('0.20')]).toString(); // "0.3"
 * ```
 */
export function sumMoney(values: readonly Money[]): Money {
  let total: Decimal = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Formats an amount with exactly two decimals (`"1234.50"`), rounding half-up to the cent, for
 * machines (CSV, XML, JSON), not for people.
 *
 * @example
 * ```ts
 * formatCents(money('1234.5')); // "1234.50"
 * formatCents(money('0.125')); // "0.13"
 * ```
 */
export function formatCents(value: Money): string {
  return roundCents(value).toFixed(2);
}

/**
 * The larger of two amounts.
 *
 * @example
 * ```ts
 * maxMoney(money('10'), money('12.5')).toString(); // "12.5"
 * ```
 */
export function maxMoney(a: Money, b: Money): Money {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

/**
 * The smaller of two amounts.
 *
 * @example
 * ```ts
 * minMoney(money('10'), money('12.5')).toString(); // "10"
 * ```
 */
export function minMoney(a: Money, b: Money): Money {
  return a.lessThanOrEqualTo(b) ? a : b;
}

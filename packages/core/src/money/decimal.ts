import { Decimal } from 'decimal.js';

/**
 * The decimal configuration of `@fact/core`: a private clone, so a caller's global Decimal
 * settings can never change a figure. Half-up is the rounding the law and the reference
 * calculators use for cents.
 *
 * @example
 * ```ts
 * new Dec('0.1').plus('0.2').toString(); // "0.3" (no binary floating-point error)
 * new Dec(1).dividedBy(3).toDecimalPlaces(4).toString(); // "0.3333"
 * ```
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A decimal value produced by this library. */
export type Dec = Decimal;

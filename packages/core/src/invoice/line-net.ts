import { FactError, type FactErrorCode } from '../errors/FactError.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { money, roundCents, type AmountInput, type Money } from '../money/money.js';
import type { InvoiceLineInput } from './types.js';

/** Reads a decimal, re-coding a parse failure (e.g. `INVALID_QUANTITY` for a quantity). @internal */
export function readDecimal(value: AmountInput | undefined, code: FactErrorCode, field: string, fallback?: Money): Money {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    return fail(code, field, 'is required');
  }
  try {
    return money(value, field);
  } catch (e) {
    if (e instanceof FactError) throw new FactError(code, e.message, field);
    throw e;
  }
}

function nonNegative(value: AmountInput | undefined, code: FactErrorCode, field: string): Money {
  const d = readDecimal(value, code, field, new Dec(0));
  if (d.isNegative() && !d.isZero()) fail(code, field, `must not be negative, got ${d.toString()}`);
  return d;
}

/**
 * The net amount of one invoice line (BT-131), rounded half-up to the cent once:
 * `quantity × unitPrice ÷ priceBaseQuantity + lineCharge − lineAllowance`
 * (EN 16931 calculation of BT-131; Peppol PEPPOL-EN16931-R120).
 *
 * Throws `INVALID_QUANTITY` for a negative quantity or a base quantity ≤ 0, `INVALID_AMOUNT` for
 * a negative price, allowance or charge, or an allowance larger than the line; the message
 * names the field under `field` (e.g. `lines[2].quantity`).
 *
 * @example
 * ```ts
 * lineNetAmount({ description: 'Consultancy', quantity: '3', unitPrice: '33.333', vatCategory: 'S', vatRate: 21 })
 *   .toFixed(2); // "100.00"
 * lineNetAmount({ description: 'x', quantity: -1, unitPrice: 1, vatCategory: 'S', vatRate: 21 }, 'lines[0]');
 *   // throws INVALID_QUANTITY "lines[0].quantity: must not be negative, got -1"
 * ```
 */
export function lineNetAmount(line: InvoiceLineInput, field = 'line'): Money {
  const quantity = nonNegative(line.quantity, 'INVALID_QUANTITY', `${field}.quantity`);
  const price = nonNegative(line.unitPrice, 'INVALID_AMOUNT', `${field}.unitPrice`);
  const base = readDecimal(line.priceBaseQuantity, 'INVALID_QUANTITY', `${field}.priceBaseQuantity`, new Dec(1));
  if (!base.greaterThan(0)) fail('INVALID_QUANTITY', `${field}.priceBaseQuantity`, `must be greater than 0, got ${base.toString()}`);
  const allowance = nonNegative(line.lineAllowance, 'INVALID_AMOUNT', `${field}.lineAllowance`);
  const charge = nonNegative(line.lineCharge, 'INVALID_AMOUNT', `${field}.lineCharge`);
  // Rounding point 1: the line net, once (BT-131 has two decimals).
  const net = roundCents(quantity.times(price).dividedBy(base).plus(charge).minus(allowance));
  if (net.isNegative() && !net.isZero()) {
    fail('INVALID_AMOUNT', `${field}.lineAllowance`, `makes the line negative (${net.toFixed(2)}); issue a credit note instead`);
  }
  return net.isZero() ? new Dec(0) : net;
}

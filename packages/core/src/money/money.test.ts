import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { allocate } from './allocate.js';
import { fromCents, money, nonNegativeMoney, roundCents, sumMoney, toCents } from './money.js';

describe('money', () => {
  it('reads decimal strings and numbers exactly', () => {
    expect(money('0.1').plus(money(0.2)).toString()).toBe('0.3');
    expect(money(' 12.50 ').toFixed(2)).toBe('12.50');
  });

  it('refuses what is not a number, naming the field', () => {
    expect(() => money('12,50', 'unitPrice')).toThrow(/unitPrice: "12,50" is not a decimal number/);
    expect(() => money(Number.NaN)).toThrow(FactError);
    expect(() => money(Infinity)).toThrow(/finite/);
    expect(() => nonNegativeMoney('-1', 'paid')).toThrow(/paid: must not be negative/);
  });

  it('rounds half-up at the cent, also for negative amounts away from zero', () => {
    expect(roundCents(money('2.345')).toString()).toBe('2.35');
    expect(roundCents(money('2.344')).toString()).toBe('2.34');
    expect(roundCents(money('-2.345')).toString()).toBe('-2.35');
  });

  it('converts to and from integer cents without losing a cent, refusing fractions', () => {
    expect(toCents(money('1234.56'))).toBe(123456);
    expect(fromCents(123456).toFixed(2)).toBe('1234.56');
    expect(fromCents(12345678901234n).toFixed(2)).toBe('123456789012.34');
    expect(() => toCents(money('0.005'), 'vat')).toThrow(/vat: 0.005 has a fraction of a cent/);
    expect(() => fromCents(1.5)).toThrow(FactError);
  });

  it('sums exactly', () => {
    expect(sumMoney(Array.from({ length: 10 }, () => money('0.1'))).toString()).toBe('1');
  });
});

describe('allocate', () => {
  it('gives the odd cent to the earliest largest remainder', () => {
    expect(allocate(money('100.00'), [1, 1, 1]).map(String)).toEqual(['33.34', '33.33', '33.33']);
    expect(allocate(money('-0.05'), [1, 1]).map((m) => m.toFixed(2))).toEqual(['-0.03', '-0.02']);
  });

  it('refuses empty, negative or all-zero weights', () => {
    expect(() => allocate(money(1), [])).toThrow(/weights/);
    expect(() => allocate(money(1), [1, -1])).toThrow(/weights\[1\]/);
    expect(() => allocate(money(1), [0, 0])).toThrow(/must not all be zero/);
  });

  it('never loses or invents a cent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (cents, weights) => {
          const parts = allocate(fromCents(cents), weights);
          expect(toCents(sumMoney(parts))).toBe(cents);
          parts.forEach((p, i) => {
            if (weights[i] === 0) expect(p.isZero()).toBe(true);
          });
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bikAmount, bikCalculation } from './bikAmount.js';
import { euFixedCompensation } from './euFixedCompensation.js';

describe('BIK scale: every computed check of reference.md §2', () => {
  it.each([
    ['0.01', '40.00'],
    ['100', '40.00'],
    ['266.66', '40.00'], // 15 % = 39.999 → minimum
    ['266.67', '40.00'], // "≤ €266.67: €40"
    ['1000', '150.00'],
    ['2500', '375.00'],
    ['5000', '625.00'],
    ['10000', '875.00'], // matches das.nl's worked example
    ['25000', '1025.00'],
    ['200000', '2775.00'],
    ['1000000', '6775.00'],
    ['5000000', '6775.00'], // "≥ €1,000,000: €6,775"
  ])('principal €%s → BIK €%s', (principal, bik) => {
    expect(bikAmount(principal).toFixed(2)).toBe(bik);
  });

  it('rounds half-up once, after the brackets', () => {
    expect(bikAmount('1234.57').toFixed(2)).toBe('185.19'); // 15 % = 185.1855
    expect(bikAmount('999990').toFixed(2)).toBe('6774.95'); // just under the maximum
    expect(bikAmount('999999.99').toFixed(2)).toBe('6775.00'); // 6774.99995 rounds up
  });

  it('shows its brackets and which limit applied', () => {
    const c = bikCalculation('12000');
    expect(c.lines.map((l) => [l.from.toFixed(0), l.to?.toFixed(0) ?? null, l.percent, l.amount.toFixed(2)])).toEqual([
      ['0', '2500', '15', '375.00'],
      ['2500', '5000', '10', '250.00'],
      ['5000', '10000', '5', '250.00'],
      ['10000', '200000', '1', '20.00'],
    ]);
    expect(c.amount.toFixed(2)).toBe('895.00');
    expect([bikCalculation('100').minimumApplied, bikCalculation('2000000').maximumApplied]).toEqual([true, true]);
    expect(bikCalculation('2000000').lines.at(-1)?.to).toBeNull();
  });

  it('adds 21 % VAT on request (art. 2 lid 3 Besluit), also on the €40 minimum', () => {
    expect(bikAmount('100', { vatSurchargePercent: '21' }).toFixed(2)).toBe('48.40');
    expect(bikAmount('1000', { vatSurchargePercent: '21' }).toFixed(2)).toBe('181.50');
    expect(() => bikAmount('1000', { vatSurchargePercent: '21%' })).toThrow(/^vatSurchargePercent:/);
  });

  it('refuses a negative principal, naming it', () => {
    expect(() => bikAmount('-1')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'principal' }));
  });

  it('property: BIK is monotone in the principal and stays within [40, 6775]', () => {
    const cents = fc.integer({ min: 0, max: 200_000_000 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const lo = bikAmount((Math.min(a, b) / 100).toFixed(2));
        const hi = bikAmount((Math.max(a, b) / 100).toFixed(2));
        return hi.greaterThanOrEqualTo(lo) && lo.greaterThanOrEqualTo(40) && hi.lessThanOrEqualTo(6775);
      }),
    );
  });
});

describe('EU fixed compensation (reference.md §1.1, Directive 2011/7/EU art. 6)', () => {
  it('is €40 per late payment (CJEU C-370/21), not contractual', () => {
    expect(euFixedCompensation().amount.toFixed(2)).toBe('40.00');
    expect(euFixedCompensation(3).amount.toFixed(2)).toBe('120.00');
    expect(euFixedCompensation().contractual).toBe(false);
    expect(euFixedCompensation().legalBasis).toMatch(/C-370\/21/);
  });
  it('refuses a count below one', () => {
    expect(() => euFixedCompensation(0)).toThrow(expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'latePayments' }));
    expect(() => euFixedCompensation(1.5)).toThrow(/^latePayments:/);
  });
});

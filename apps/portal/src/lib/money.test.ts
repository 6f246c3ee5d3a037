import { describe, expect, it } from 'vitest';
import { fromCents, parseTypedAmount, percentOf, sumAmounts, toCents } from './money.js';

describe('amounts in the portal', () => {
  it('adds amounts to the cent without float drift', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
    expect(fromCents(toCents('-12.5'))).toBe('-12.50');
  });

  it('gives the overdue share to one decimal, half-up, and nothing for an empty book', () => {
    expect(percentOf('1', '3')).toBe('33.3');
    expect(percentOf('2', '3')).toBe('66.7');
    expect(percentOf('0.01', '0.08')).toBe('12.5');
    expect(percentOf('5', '0')).toBeNull();
  });

  it('reads amounts the way Belgians, Dutch and English speakers type them', () => {
    expect(parseTypedAmount('1.234,50')).toBe('1234.50');
    expect(parseTypedAmount('1 234,5 €')).toBe('1234.50');
    expect(parseTypedAmount('1,234.50')).toBe('1234.50');
    expect(parseTypedAmount('125')).toBe('125.00');
    expect(parseTypedAmount('1.000')).toBe('1000.00');
    expect(parseTypedAmount('12,345')).toBeNull();
    expect(parseTypedAmount('abc')).toBeNull();
    expect(parseTypedAmount('')).toBeNull();
  });
});

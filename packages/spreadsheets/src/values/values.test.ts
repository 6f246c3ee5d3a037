import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmountCell } from './amount.js';
import { parseDateCell } from './date.js';

describe('parseAmountCell', () => {
  it.each([
    ['1.234,56', ',', '1234.56'],
    ['1 234,56', ',', '1234.56'],
    ['\u20ac -1.234.567,8', ',', '-1234567.8'],
    ['\u2212 12,00', ',', '-12'],
    ['1.234', ',', '1234'],
    ['1,234.56', '.', '1234.56'],
    ['1234.5 EUR', '.', '1234.5'],
    ['+0.07', '.', '0.07'],
  ] as const)('reads %s with separator %s as %s', (text, sep, expected) => {
    expect(parseAmountCell(text, sep).toString()).toBe(expected);
  });

  it.each([
    ['1234.56', ','],
    ['1.23,45', ','],
    ['12,3,4', ','],
    ['1.234,567', ','],
    ['abc', '.'],
    ['', '.'],
    ['1e5', '.'],
    ['NaN', '.'],
    ['Infinity', '.'],
  ] as const)('refuses %s with separator %s', (text, sep) => {
    expect(() => parseAmountCell(text, sep)).toThrow();
  });

  it('reads 1,234 as 1234 in the point style and refuses it in the comma style (3 decimals): the option decides', () => {
    expect(parseAmountCell('1,234', '.').toString()).toBe('1234');
    expect(() => parseAmountCell('1,234', ',')).toThrow('more than 2 decimals');
  });

  it('reads back exactly any cent amount written in either style (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.boolean(), (cents, commaStyle) => {
        const sign = cents < 0n ? '-' : '';
        const abs = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
        const whole = abs.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, commaStyle ? '.' : ',');
        const text = `${sign}${whole}${commaStyle ? ',' : '.'}${abs.slice(-2)}`;
        const parsed = parseAmountCell(text, commaStyle ? ',' : '.');
        expect(parsed.times(100).toFixed(0)).toBe(cents.toString());
      }),
    );
  });
});

describe('parseDateCell', () => {
  it('reads each format into a calendar date, and refuses days that do not exist', () => {
    expect(parseDateCell('05/03/2025', 'DD/MM/YYYY')).toBe('2025-03-05');
    expect(parseDateCell('5-3-2025', 'DD-MM-YYYY')).toBe('2025-03-05');
    expect(parseDateCell('29.02.2024', 'DD.MM.YYYY')).toBe('2024-02-29');
    expect(parseDateCell('2025-03-05', 'YYYY-MM-DD')).toBe('2025-03-05');
    expect(() => parseDateCell('29/02/2025', 'DD/MM/YYYY')).toThrow('not a day of the calendar');
    expect(() => parseDateCell('2025-03-05', 'DD/MM/YYYY')).toThrow('not a DD/MM/YYYY date');
    expect(() => parseDateCell('03/15/2025', 'DD/MM/YYYY')).toThrow();
  });
});

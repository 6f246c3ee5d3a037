import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.js';
import { formatMoney, formatPercent } from './format-money.js';
import { documentLocale } from './locale.js';

const sp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatMoney', () => {
  it.each([
    ['nl-BE', '1.234,56 €'],
    ['fr-BE', '1.234,56 €'],
    ['nl-NL', '€ 1.234,56'],
    ['en', '€1,234.56'],
  ] as const)('writes 1234.56 for %s as %s', (locale, expected) => {
    expect(sp(formatMoney('1234.56', locale))).toBe(expected);
  });

  it('groups millions, keeps cents exact and signs negatives', () => {
    expect(sp(formatMoney('999999999.99', 'nl-BE'))).toBe('999.999.999,99 €');
    expect(sp(formatMoney('0.1', 'en'))).toBe('€0.10');
    expect(sp(formatMoney('-40', 'nl-NL'))).toBe('€ -40,00');
    expect(sp(formatMoney('-40', 'en'))).toBe('-€40.00');
  });

  it('keeps the amount and the euro sign together with a no-break space', () => {
    expect(formatMoney('5', 'fr-BE')).toBe('5,00\u00a0€');
  });

  it('refuses to round: more than two decimals, or not a number, throws naming the field', () => {
    expect(() => formatMoney('1.005', 'en', 'items[0].openAmount')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'items[0].openAmount' }));
    expect(() => formatMoney('abc', 'en')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'amount' }));
  });

  it('reads back to the same cents in every locale (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -10_000_000_000_000n, max: 10_000_000_000_000n }), fc.constantFrom('nl-BE' as const, 'fr-BE' as const, 'nl-NL' as const, 'en' as const), (cents, locale) => {
        const negative = cents < 0n;
        const abs = negative ? -cents : cents;
        const text = `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        const printed = formatMoney(text, locale);
        const digits = printed.replace(/[^\d]/g, '');
        expect(BigInt(digits)).toBe(abs);
        expect(printed.includes('-')).toBe(negative && abs !== 0n);
      }),
    );
  });
});

describe('formatDate and formatPercent', () => {
  it('writes dates per locale without time zones', () => {
    expect(formatDate('2025-03-05', 'nl-BE')).toBe('05/03/2025');
    expect(formatDate('2025-03-05', 'nl-NL')).toBe('05-03-2025');
    expect(formatDate('2025-08-01', 'fr-BE', 'long')).toBe('1er août 2025');
    expect(formatDate('2024-12-31', 'nl-NL', 'long')).toBe('31 december 2024');
    expect(formatDate('2025-03-30', 'en', 'long')).toBe('30 March 2025');
    expect(() => formatDate('2025-02-30', 'en', 'short', 'payBy')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'payBy' }));
  });

  it('writes rates with the locale decimal separator', () => {
    expect(sp(formatPercent('10.5', 'nl-BE', 2))).toBe('10,50 %');
    expect(formatPercent('21', 'en')).toBe('21%');
  });

  it('chooses the locale from language and country', () => {
    expect([documentLocale('nl', 'BE'), documentLocale('nl', 'NL'), documentLocale('fr', 'BE'), documentLocale('en', 'NL')]).toEqual(['nl-BE', 'nl-NL', 'fr-BE', 'en']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format.js';
import { negotiateLocale } from './i18n/locales.js';

describe('locale formatting', () => {
  it('shows amounts the way each region writes them, to the cent', () => {
    expect(formatMoney('1234567.89', 'nl-BE').replace(/\s/g, ' ')).toBe('€ 1.234.567,89');
    expect(formatMoney('1234567.89', 'fr-BE').replace(/\s/g, ' ')).toBe('1 234 567,89 €');
    expect(formatMoney('0.10', 'en')).toBe('€0.10');
    // more digits than a double holds exactly: the string path keeps every cent
    expect(formatMoney('90071992547409.93', 'en')).toBe('€90,071,992,547,409.93');
  });

  it('shows calendar dates without drifting a day in any time zone', () => {
    expect(formatDate('2025-03-30', 'nl-BE')).toBe('30 mrt 2025');
    expect(formatDate('2025-03-30', 'en')).toBe('Mar 30, 2025');
  });

  it('negotiates the locale from the browser', () => {
    expect(negotiateLocale('fr-BE,fr;q=0.9,en;q=0.8')).toBe('fr-BE');
    expect(negotiateLocale('nl-NL')).toBe('nl-NL');
    expect(negotiateLocale('de-DE,en;q=0.5')).toBe('en');
    expect(negotiateLocale(null)).toBe('nl-BE');
  });
});

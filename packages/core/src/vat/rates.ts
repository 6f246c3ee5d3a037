import type { Country } from '../calendar/holidays.js';
import type { CalendarDate } from '../calendar/date.js';
import { parseDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { money, type AmountInput } from '../money/money.js';
import type { VatCategory } from './categories.js';

/**
 * One row of a VAT rate table: the rates (in percent) a category may carry in a country during
 * a period. Rates are exact decimal strings.
 *
 * @example
 * ```ts
 * const row: VatRateRule = {
 *   country: 'BE', category: 'S', rates: ['21', '12', '6'], validFrom: '1996-01-01',
 *   source: 'art. 37 WBTW and KB nr. 20 tables A/B',
 * };
 * ```
 */
export interface VatRateRule {
  readonly country: Country;
  readonly category: VatCategory;
  /** Allowed rates in percent, e.g. `['21', '12', '6']`. */
  readonly rates: readonly string[];
  /** First day the row applies (inclusive). */
  readonly validFrom: CalendarDate;
  /** Last day the row applies (inclusive); open-ended when absent. */
  readonly validTo?: CalendarDate;
  readonly source: string;
  /** Not confirmed in `shared/domain/reference.md`: check before relying on it. */
  readonly unconfirmed?: true;
}

/**
 * A VAT rate table: rows per country, category and period. {@link VAT_RATES} is the built-in
 * one; pass your own to {@link allowedVatRates}, {@link checkVatRate} or
 * {@link computeInvoiceTotals} (`options.vatRates`) to override it.
 *
 * @example
 * ```ts
 * const table: VatRateTable = [
 *   { country: 'BE', category: 'S', rates: ['21', '12', '6'], validFrom: '1996-01-01', source: 'art. 37 WBTW' },
 * ];
 * allowedVatRates('BE', 'S', '2025-06-01', table).map(String); // ["21", "12", "6"]
 * allowedVatRates('NL', 'S', '2025-06-01', table); // throws RATE_TABLE_GAP: no row for NL
 * ```
 */
export type VatRateTable = readonly VatRateRule[];

const ZERO_CATEGORIES: readonly VatCategory[] = ['E', 'AE', 'K', 'G', 'O'];

/** EN 16931 fixes the rate of these categories at 0 (BR-E-05, BR-AE-05, BR-IC-05, BR-G-05; O has none). */
function zeroRows(country: Country, validFrom: CalendarDate): VatRateRule[] {
  return ZERO_CATEGORIES.map((category) => ({
    country,
    category,
    rates: ['0'],
    validFrom,
    source: 'EN 16931 BR-E-05 / BR-AE-05 / BR-IC-05 / BR-G-05: the rate of this category is 0',
  }));
}

/**
 * The VAT rates of Belgium and the Netherlands, as data. Adding a new rate is one row here
 * (close the old row with `validTo`, open a new one).
 *
 * Sources: BE 21/12/6 from reference.md §10 ("Belgian rates are 21 %, 12 % and 6 %", beci.be);
 * the BE start date 1996-01-01 (21 % standard rate) is general knowledge, not in reference.md.
 * NL 21/9 (art. 9 Wet OB 1968, 9 % since 2019-01-01) is not in reference.md: `unconfirmed`.
 *
 * @example
 * ```ts
 * VAT_RATES.filter((r) => r.country === 'BE' && r.category === 'S')[0]?.rates; // ["21", "12", "6"]
 * ```
 */
export const VAT_RATES: VatRateTable = [
  {
    country: 'BE',
    category: 'S',
    rates: ['21', '12', '6'],
    validFrom: '1996-01-01',
    source: 'reference.md §10 (beci.be); art. 37 WBTW and KB nr. 20 tables A/B',
  },
  { country: 'BE', category: 'Z', rates: ['0'], validFrom: '1996-01-01', source: 'KB nr. 20 table A (0 % goods); issue text c' },
  ...zeroRows('BE', '1996-01-01'),
  {
    country: 'NL',
    category: 'S',
    rates: ['21', '9'],
    validFrom: '2019-01-01',
    source: 'art. 9 Wet OB 1968 (21 % general, 9 % Tabel I since 2019-01-01); issue text c',
    unconfirmed: true,
  },
  { country: 'NL', category: 'Z', rates: ['0'], validFrom: '2019-01-01', source: 'art. 9 lid 2 Wet OB 1968 (0 %); issue text c', unconfirmed: true },
  ...zeroRows('NL', '2019-01-01'),
];

/**
 * The rates (in percent) a category may carry in `country` on `date`. Throws `RATE_TABLE_GAP`
 * when the table has no row for that day (the table must be extended, not guessed).
 *
 * @example
 * ```ts
 * allowedVatRates('NL', 'S', '2025-06-01').map(String); // ["21", "9"]
 * ```
 */
export function allowedVatRates(
  country: Country,
  category: VatCategory,
  date: CalendarDate,
  table: VatRateTable = VAT_RATES,
): Dec[] {
  const day = parseDate(date, 'date');
  const rows = table.filter(
    (r) => r.country === country && r.category === category && r.validFrom <= day && (r.validTo === undefined || day <= r.validTo),
  );
  if (rows.length === 0) fail('RATE_TABLE_GAP', 'vatRate', `no VAT rate known for ${country} category ${category} on ${day}`);
  return rows.flatMap((r) => r.rates.map((x) => new Dec(x)));
}

/**
 * Checks that `rate` (percent) is allowed for the category in `country` on `date` and returns it
 * as a decimal. Throws `INVALID_VAT_RATE` naming `field` otherwise (e.g. 9 % in Belgium, 6 % on
 * a reverse-charge line).
 *
 * @example
 * ```ts
 * checkVatRate('BE', 'S', '6', '2025-01-10', 'lines[0].vatRate').toString(); // "6"
 * checkVatRate('BE', 'S', 9, '2025-01-10', 'lines[0].vatRate'); // throws INVALID_VAT_RATE
 * ```
 */
export function checkVatRate(
  country: Country,
  category: VatCategory,
  rate: AmountInput,
  date: CalendarDate,
  field = 'vatRate',
  table: VatRateTable = VAT_RATES,
): Dec {
  let r: Dec;
  try {
    r = money(rate, field);
  } catch {
    return fail('INVALID_VAT_RATE', field, `${JSON.stringify(String(rate))} is not a percentage`);
  }
  const allowed = allowedVatRates(country, category, date, table);
  if (!allowed.some((a) => a.equals(r))) {
    fail(
      'INVALID_VAT_RATE',
      field,
      `${r.toString()} % is not a ${country} rate for category ${category} on ${date} (allowed: ${allowed.join(', ')})`,
    );
  }
  return r;
}

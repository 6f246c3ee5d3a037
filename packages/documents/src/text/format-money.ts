import { money, type AmountInput } from '@fact/core';
import { fail } from '../errors.js';
import type { DocumentLocale } from './locale.js';

/** No-break space: keeps `1.234,56 €` on one line in a wrapped paragraph. */
export const NBSP = '\u00a0';

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Writes a euro amount the way a reader of `locale` expects, from its exact decimal value (no
 * floating point, no `Intl` rounding). An amount with more than two decimals is refused
 * (`INVALID_AMOUNT`): rounding belongs to the domain, at a named point, never to the printer.
 * The space between amount and sign is a no-break space.
 *
 * @example
 * ```ts
 * formatMoney('1234.56', 'nl-BE'); // "1.234,56 €"
 * formatMoney('1234.56', 'fr-BE'); // "1.234,56 €"
 * formatMoney('1234.56', 'nl-NL'); // "€ 1.234,56"
 * formatMoney('1234.56', 'en');    // "€1,234.56"
 * formatMoney('-40', 'en');        // "-€40.00"
 * ```
 */
export function formatMoney(amount: AmountInput, locale: DocumentLocale, field = 'amount'): string {
  const value = money(amount, field);
  if (value.decimalPlaces() > 2) fail('INVALID_AMOUNT', field, `${value.toString()} has more than 2 decimals; round it before printing`);
  const negative = value.isNegative() && !value.isZero();
  const [whole = '0', cents = '00'] = value.abs().toFixed(2).split('.');
  const sign = negative ? '-' : '';
  switch (locale) {
    case 'en':
      return `${sign}€${group(whole, ',')}.${cents}`;
    case 'nl-NL':
      return `€${NBSP}${sign}${group(whole, '.')},${cents}`;
    default:
      return `${sign}${group(whole, '.')},${cents}${NBSP}€`;
  }
}

/**
 * Writes a plain decimal number (a quantity, a unit price with more decimals) with the
 * locale's separators, keeping every decimal it has (at least `minDecimals`).
 *
 * @example
 * ```ts
 * formatNumber('1234.5', 'nl-BE', 2); // "1.234,50"
 * formatNumber('3', 'en');            // "3"
 * ```
 */
export function formatNumber(amount: AmountInput, locale: DocumentLocale, minDecimals = 0, field = 'amount'): string {
  const value = money(amount, field);
  const decimals = Math.max(minDecimals, value.decimalPlaces());
  const negative = value.isNegative() && !value.isZero();
  const [whole = '0', fraction] = value.abs().toFixed(decimals).split('.');
  const [thousands, point] = locale === 'en' ? [',', '.'] : ['.', ','];
  return `${negative ? '-' : ''}${group(whole, thousands)}${fraction === undefined ? '' : point + fraction}`;
}

/**
 * Writes an annual interest or VAT rate in percent, with at least two decimals for interest
 * (`10,50 %`) or as given (`21 %`) when `minDecimals` is 0.
 *
 * @example
 * ```ts
 * formatPercent('10.5', 'fr-BE', 2); // "10,50 %"
 * formatPercent('21', 'en');         // "21%"
 * ```
 */
export function formatPercent(rate: AmountInput, locale: DocumentLocale, minDecimals = 0, field = 'rate'): string {
  const number = formatNumber(rate, locale, minDecimals, field);
  return locale === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

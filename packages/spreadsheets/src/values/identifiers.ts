import { parseIban, parsePaymentReference, parseVatNumber, type PaymentReference } from '@fact/core';
import { CellProblem } from './CellProblem.js';

/**
 * Reads a VAT number cell with @fact/core's checks and returns its electronic form.
 *
 * @example
 * ```ts
 * vatNumberCell('BE 0403.019.261'); // "BE0403019261"
 * ```
 */
export function vatNumberCell(text: string, header = 'vatNumber'): string {
  return parseVatNumber(text, header).vatNumber;
}

/**
 * Reads an IBAN cell with @fact/core's checks and returns its electronic form.
 *
 * @example
 * ```ts
 * ibanCell('BE71 0961 2345 6769'); // "BE71096123456769"
 * ```
 */
export function ibanCell(text: string, header = 'iban'): string {
  return parseIban(text, header).electronic;
}

/**
 * Reads a payment reference cell: text that looks like an OGM/VCS (`+++…+++`, `***…***`,
 * 12 digits) or starts with `RF` must pass its check; any other text is a free reference.
 *
 * @example
 * ```ts
 * structuredReference('+++090/9337/55493+++')?.scheme; // "ogm"
 * structuredReference('Order 1234'); // undefined
 * ```
 */
export function structuredReference(text: string, header = 'reference'): PaymentReference | undefined {
  const compact = text.replace(/[\s/.]/g, '');
  const looksStructured = /^rf/i.test(compact) || /^(\+\+\+|\*\*\*)/.test(compact) || /^\d{12}$/.test(compact);
  return looksStructured ? parsePaymentReference(text, header) : undefined;
}

/**
 * Reads a currency cell: three letters (ISO 4217), `€` read as `EUR`.
 *
 * @example
 * ```ts
 * currencyCell('eur'); // "EUR"
 * currencyCell('€'); // "EUR"
 * ```
 */
export function currencyCell(text: string): string {
  const value = text.trim() === '€' ? 'EUR' : text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(value)) throw new CellProblem('INVALID_VALUE', `"${text}" is not a three-letter currency code such as EUR`);
  return value;
}

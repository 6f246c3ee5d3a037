import { fail } from '../errors/fail.js';

/**
 * ISO 9362 BIC: 4 characters party prefix, 2 letters country, 2 characters location, and an
 * optional 3-character branch code.
 */
const BIC_PATTERN = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/**
 * Checks the format of a BIC (SWIFT code; 8 or 11 characters) and returns it upper-cased
 * without spaces. Only the format is checked: whether the bank exists needs the SWIFT
 * directory.
 *
 * Throws `INVALID_BIC` naming `field`.
 *
 * @example
 * ```ts
 * parseBic('gebabebb'); // "GEBABEBB"
 * ```
 */
export function parseBic(text: string, field = 'bic'): string {
  if (typeof text !== 'string') return fail('INVALID_BIC', field, `expected text, got ${typeof text}`);
  const bic = text.replace(/\s/g, '').toUpperCase();
  if (bic.length !== 8 && bic.length !== 11) fail('INVALID_BIC', field, `wrong length: a BIC has 8 or 11 characters, "${text}" has ${bic.length}`);
  if (!BIC_PATTERN.test(bic)) {
    fail('INVALID_BIC', field, `"${text}" is not a BIC: 4 letters or digits, a 2-letter country code, 2 location characters, optional 3-character branch`);
  }
  return bic;
}

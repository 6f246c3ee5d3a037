import { fail } from '../errors/fail.js';
import { mod97 } from '../references/mod97.js';

/**
 * Reads a Belgian enterprise number (ondernemingsnummer / numéro d'entreprise, KBO/BCE) in any
 * usual form (`0403.019.261`, `0403 019 261`, `BE0403019261`, or the old 9 digits `403019261`,
 * which get a leading 0) and returns its 10 digits.
 *
 * Rule (reference.md §7): 10 digits starting with 0 or 1; the last two digits equal
 * 97 − (first 8 digits mod 97).
 *
 * Throws `INVALID_ENTERPRISE_NUMBER` naming `field`, saying why.
 *
 * @example
 * ```ts
 * parseBeEnterpriseNumber('BE 0403.019.261'); // "0403019261"
 * ```
 */
export function parseBeEnterpriseNumber(text: string, field = 'enterpriseNumber'): string {
  return checkedDigits(text, field, 'INVALID_ENTERPRISE_NUMBER');
}

/** Shared by the enterprise and VAT number readers, which differ only in the error code. */
function checkedDigits(text: string, field: string, code: 'INVALID_ENTERPRISE_NUMBER' | 'INVALID_VAT_NUMBER'): string {
  if (typeof text !== 'string') return fail(code, field, `expected text, got ${typeof text}`);
  let digits = text.replace(/[\s.\-/]/g, '').toUpperCase();
  if (digits.startsWith('BE')) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) fail(code, field, `"${text}" is not a Belgian enterprise number: only digits, dots and spaces are allowed`);
  if (digits.length === 9) digits = `0${digits}`;
  if (digits.length !== 10) fail(code, field, `wrong length: a Belgian enterprise number has 10 digits, "${text}" has ${digits.length}`);
  if (digits[0] !== '0' && digits[0] !== '1') fail(code, field, `"${text}" must start with 0 or 1`);
  const expected = String(97 - mod97(digits.slice(0, 8))).padStart(2, '0');
  if (digits.slice(8) !== expected) fail(code, field, `check digits mismatch in "${text}": expected ${expected}, got ${digits.slice(8)}`);
  return digits;
}

/**
 * Prints a Belgian enterprise number as `0xxx.xxx.xxx`, validating it first.
 *
 * @example
 * ```ts
 * formatBeEnterpriseNumber('0403019261'); // "0403.019.261"
 * ```
 */
export function formatBeEnterpriseNumber(text: string, field = 'enterpriseNumber'): string {
  const d = parseBeEnterpriseNumber(text, field);
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}

/**
 * Reads a Belgian VAT number (btw-nummer / numéro de TVA): `BE` + the enterprise number, with
 * the same check. Returns the electronic form `BE0403019261`. Throws `INVALID_VAT_NUMBER`.
 *
 * @example
 * ```ts
 * parseBeVatNumber('BE 0428.759.497'); // "BE0428759497"
 * ```
 */
export function parseBeVatNumber(text: string, field = 'vatNumber'): string {
  return `BE${checkedDigits(text, field, 'INVALID_VAT_NUMBER')}`;
}

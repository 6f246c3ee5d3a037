import { fail } from '../errors/fail.js';
import { lettersToDigits, mod97 } from '../references/mod97.js';
import { KVK_NUMBER_RULE } from './identifier-rules.js';

/**
 * Which rule accepted a Dutch VAT number (btw-identificatienummer): the elfproef (11-test) of
 * RSIN-based numbers, or mod 97 for the sole-proprietor numbers issued since 2020.
 *
 * @example
 * ```ts
 * const rule: NlVatRule = parseNlVatNumber('NL000099998B57').rule; // "mod97"
 * ```
 */
export type NlVatRule = 'elfproef' | 'mod97';

/** The elfproef (11-test) on 9 digits with weights 9,8,7,6,5,4,3,2,−1 (reference.md §7). */
function passesElfproef(nine: string): boolean {
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nine.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 11 === 0;
}

/**
 * Reads a Dutch VAT number (btw-identificatienummer): `NL` + 9 digits + `B` + 2 digits. It is
 * valid when the 9 digits pass the 11-test (RSIN/BSN-based numbers) **or** `NL` + the number,
 * letters as numbers (B = 11), is 1 mod 97 (the format for sole proprietors since 2020).
 * Source: reference.md §7 (python-stdnum `stdnum/nl/btw.py`).
 *
 * Returns the electronic form and the rule that accepted it. Throws `INVALID_VAT_NUMBER`
 * naming `field`.
 *
 * @example
 * ```ts
 * parseNlVatNumber('NL0044.95.445.B01'); // { vatNumber: 'NL004495445B01', rule: 'elfproef' }
 * parseNlVatNumber('NL000099998B57');    // { vatNumber: 'NL000099998B57', rule: 'mod97' }
 * ```
 */
export function parseNlVatNumber(text: string, field = 'vatNumber'): { vatNumber: string; rule: NlVatRule } {
  if (typeof text !== 'string') return fail('INVALID_VAT_NUMBER', field, `expected text, got ${typeof text}`);
  let number = text.replace(/[\s.-]/g, '').toUpperCase();
  if (number.startsWith('NL')) number = number.slice(2);
  if (!/^\d{9}B\d{2}$/.test(number)) {
    fail('INVALID_VAT_NUMBER', field, `"${text}" is not a Dutch VAT number: expected NL, 9 digits, B and 2 digits`);
  }
  const vatNumber = `NL${number}`;
  if (passesElfproef(number.slice(0, 9))) return { vatNumber, rule: 'elfproef' };
  if (mod97(lettersToDigits(vatNumber)) === 1) return { vatNumber, rule: 'mod97' };
  return fail('INVALID_VAT_NUMBER', field, `check failed for "${text}": neither the 11-test on the 9 digits nor the mod 97 check of NL+number passes`);
}

/**
 * Reads a Dutch Chamber of Commerce number (KvK-nummer): 8 digits. Only the format is checked
 * (no public check-digit rule was found: {@link KVK_NUMBER_RULE}, `unconfirmed: true`). In
 * Peppol it is the EAS scheme 0106. Throws `INVALID_ENTERPRISE_NUMBER` naming `field`.
 *
 * @example
 * ```ts
 * parseKvkNumber('6904 2534'); // "69042534"
 * ```
 */
export function parseKvkNumber(text: string, field = 'kvkNumber'): string {
  if (typeof text !== 'string') return fail('INVALID_ENTERPRISE_NUMBER', field, `expected text, got ${typeof text}`);
  const digits = text.replace(/[\s.]/g, '');
  if (!new RegExp(`^\\d{${KVK_NUMBER_RULE.digits}}$`).test(digits)) {
    fail('INVALID_ENTERPRISE_NUMBER', field, `"${text}" is not a KvK number: expected ${KVK_NUMBER_RULE.digits} digits`);
  }
  return digits;
}

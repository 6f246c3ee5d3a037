import { fail } from '../errors/fail.js';
import { isMod97Rotated, mod97CheckDigits } from './mod97.js';
import type { PaymentReference } from './payment-reference.types.js';

/** ISO 11649: `RF` + 2 check digits + 1 to 21 alphanumerics, 25 characters at most (reference.md §6.2). */
const MAX_RF_LENGTH = 25;
const MAX_BODY_LENGTH = MAX_RF_LENGTH - 4;

function compact(text: string): string {
  return text.replace(/\s/g, '').toUpperCase();
}

function printRf(electronic: string): string {
  return electronic.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Creates an ISO 11649 RF creditor reference from your own reference (1 to 21 letters or
 * digits; spaces are ignored, letters upper-cased). Check digits: 98 − ((reference + "RF00")
 * mod 97) after letters become numbers (A=10 … Z=35). Returns the electronic form.
 *
 * Throws `INVALID_REFERENCE` naming `field` for an empty, too long or non-alphanumeric reference.
 *
 * @example
 * ```ts
 * createRf('539007547034'); // "RF18539007547034"
 * ```
 */
export function createRf(reference: string, field = 'reference'): string {
  if (typeof reference !== 'string') return fail('INVALID_REFERENCE', field, `expected text, got ${typeof reference}`);
  const body = compact(reference);
  if (body.length === 0) fail('INVALID_REFERENCE', field, 'must not be empty');
  if (!/^[A-Z0-9]+$/.test(body)) fail('INVALID_REFERENCE', field, `"${reference}" may contain only letters A-Z and digits`);
  if (body.length > MAX_BODY_LENGTH) {
    fail('INVALID_REFERENCE', field, `"${reference}" has ${body.length} characters; an RF reference holds at most ${MAX_BODY_LENGTH}`);
  }
  return `RF${mod97CheckDigits('RF', body)}${body}`;
}

/**
 * Reads an ISO 11649 RF creditor reference, printed (`RF18 5390 0754 7034`) or electronic, and
 * verifies it (ISO 7064 MOD 97-10: move `RFxx` to the end, letters to numbers, remainder 1).
 *
 * Throws `INVALID_REFERENCE` naming `field` and saying why (no `RF` prefix, wrong length,
 * foreign characters, check digits mismatch with the expected digits).
 *
 * @example
 * ```ts
 * parseRf('rf18 5390 0754 7034');
 * // { scheme: 'rf', electronic: 'RF18539007547034', printed: 'RF18 5390 0754 7034' }
 * ```
 */
export function parseRf(text: string, field = 'reference'): PaymentReference {
  if (typeof text !== 'string') return fail('INVALID_REFERENCE', field, `expected text, got ${typeof text}`);
  const electronic = compact(text);
  if (!electronic.startsWith('RF')) fail('INVALID_REFERENCE', field, `"${text}" does not start with RF`);
  if (!/^RF\d\d/.test(electronic)) fail('INVALID_REFERENCE', field, `"${text}" needs two check digits after RF`);
  if (electronic.length < 5 || electronic.length > MAX_RF_LENGTH) {
    fail('INVALID_REFERENCE', field, `wrong length: an RF reference has 5 to ${MAX_RF_LENGTH} characters, "${text}" has ${electronic.length}`);
  }
  if (!/^[A-Z0-9]+$/.test(electronic)) fail('INVALID_REFERENCE', field, `"${text}" may contain only letters A-Z and digits`);
  if (!isMod97Rotated(electronic)) {
    const expected = mod97CheckDigits('RF', electronic.slice(4));
    fail('INVALID_REFERENCE', field, `check digits mismatch in "${text}": expected ${expected}, got ${electronic.slice(2, 4)}`);
  }
  return { scheme: 'rf', electronic, printed: printRf(electronic) };
}

/**
 * Prints an RF reference in groups of four characters, validating it first.
 *
 * @example
 * ```ts
 * formatRf('RF18539007547034'); // "RF18 5390 0754 7034"
 * ```
 */
export function formatRf(text: string, field = 'reference'): string {
  return parseRf(text, field).printed;
}

/**
 * True when `text` is a valid RF creditor reference.
 *
 * @example
 * ```ts
 * isValidRf('RF18 5390 0754 7034'); // true
 * ```
 */
export function isValidRf(text: string): boolean {
  try {
    parseRf(text);
    return true;
  } catch {
    return false;
  }
}

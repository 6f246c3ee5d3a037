import { fail } from '../errors/fail.js';
import { mod97 } from './mod97.js';
import type { PaymentReference } from './payment-reference.types.js';

/** Largest 10-digit base of an OGM. */
const MAX_BASE = 9_999_999_999;

/** The OGM check: base mod 97, written as 97 when the remainder is 0 (reference.md §6.1). */
function ogmCheck(base: string): string {
  const r = mod97(base);
  return String(r === 0 ? 97 : r).padStart(2, '0');
}

function printOgm(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

function baseDigits(base: string | number | bigint, field: string): string {
  if (typeof base === 'number') {
    if (!Number.isSafeInteger(base) || base < 0 || base > MAX_BASE) {
      fail('INVALID_REFERENCE', field, `must be a whole number from 0 to ${MAX_BASE}, got ${base}`);
    }
    return String(base).padStart(10, '0');
  }
  if (typeof base === 'bigint') {
    if (base < 0n || base > BigInt(MAX_BASE)) fail('INVALID_REFERENCE', field, `must be from 0 to ${MAX_BASE}, got ${base}`);
    return base.toString().padStart(10, '0');
  }
  if (typeof base !== 'string') return fail('INVALID_REFERENCE', field, `expected a number, bigint or digit string, got ${typeof base}`);
  const text = base.trim();
  if (!/^\d{1,10}$/.test(text)) fail('INVALID_REFERENCE', field, `"${base}" is not a number of at most 10 digits`);
  return text.padStart(10, '0');
}

/**
 * Creates a Belgian structured communication (OGM/VCS, gestructureerde mededeling /
 * communication structurée) from a 10-digit base: the two check digits are base mod 97, or 97
 * when that is 0 (reference.md §6.1). Shorter bases are left-padded with zeros.
 *
 * Throws `INVALID_REFERENCE` naming `field` when the base is negative, fractional or longer
 * than 10 digits.
 *
 * @example
 * ```ts
 * createOgm(1234567890); // "+++123/4567/89002+++"
 * createOgm('0');        // "+++000/0000/00097+++"
 * ```
 */
export function createOgm(base: string | number | bigint, field = 'base'): string {
  const digits = baseDigits(base, field);
  return printOgm(digits + ogmCheck(digits));
}

/**
 * Reads a Belgian structured communication in any of its usual forms (`+++240/2838/42818+++`,
 * `***240/2838/42818***`, with spaces, or the bare 12 digits) and checks its check digits.
 *
 * Throws `INVALID_REFERENCE` naming `field` and saying why: foreign characters, wrong length,
 * unmatched delimiters, or a check-digit mismatch with the expected digits.
 *
 * @example
 * ```ts
 * parseOgm('*** 240/2838/42818 ***');
 * // { scheme: 'ogm', electronic: '240283842818', printed: '+++240/2838/42818+++' }
 * ```
 */
export function parseOgm(text: string, field = 'reference'): PaymentReference {
  if (typeof text !== 'string') return fail('INVALID_REFERENCE', field, `expected text, got ${typeof text}`);
  let body = text.trim();
  const opener = body.slice(0, 3);
  if (opener === '+++' || opener === '***') {
    if (body.length < 6 || !body.endsWith(opener)) {
      fail('INVALID_REFERENCE', field, `"${text}" opens with ${opener} but does not close with it`);
    }
    body = body.slice(3, -3);
  }
  const digits = body.replace(/[\s/]/g, '');
  const stray = /[^0-9]/.exec(digits);
  if (stray) {
    fail('INVALID_REFERENCE', field, `"${text}" contains "${stray[0]}"; a structured communication has 12 digits, optionally as +++ddd/dddd/ddddd+++`);
  }
  if (digits.length !== 12) {
    fail('INVALID_REFERENCE', field, `wrong length: a structured communication has 12 digits, "${text}" has ${digits.length}`);
  }
  const expected = ogmCheck(digits.slice(0, 10));
  const actual = digits.slice(10);
  if (actual !== expected) {
    fail('INVALID_REFERENCE', field, `check digits mismatch in "${text}": expected ${expected}, got ${actual}`);
  }
  return { scheme: 'ogm', electronic: digits, printed: printOgm(digits) };
}

/**
 * Prints a structured communication as `+++ddd/dddd/ddddd+++`, validating it first.
 *
 * @example
 * ```ts
 * formatOgm('240283842818'); // "+++240/2838/42818+++"
 * ```
 */
export function formatOgm(text: string, field = 'reference'): string {
  return parseOgm(text, field).printed;
}

/**
 * True when `text` is a valid structured communication in any accepted form.
 *
 * @example
 * ```ts
 * isValidOgm('+++240/2838/42818+++'); // true
 * isValidOgm('+++240/2838/42819+++'); // false
 * ```
 */
export function isValidOgm(text: string): boolean {
  try {
    parseOgm(text);
    return true;
  } catch {
    return false;
  }
}

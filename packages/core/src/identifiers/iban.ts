import { fail } from '../errors/fail.js';
import { isMod97Rotated, mod97, mod97CheckDigits } from '../references/mod97.js';
import { IBAN_FORMATS, type IbanCountryFormat } from './iban-registry.js';

/**
 * A validated IBAN (ISO 13616), in both its electronic and printed forms.
 *
 * @example
 * ```ts
 * const iban: Iban = parseIban('be71 0961 2345 6769');
 * // { electronic: "BE71096123456769", printed: "BE71 0961 2345 6769", country: "BE", sepa: true }
 * ```
 */
export interface Iban {
  /** Electronic form: upper case, no spaces (`BE71096123456769`). */
  readonly electronic: string;
  /** Print form: groups of four (`BE71 0961 2345 6769`). */
  readonly printed: string;
  /** ISO 3166 country code, the first two letters. */
  readonly country: string;
  /** Whether the country is in the SEPA schemes (per the registry data). */
  readonly sepa: boolean;
}

interface CompiledFormat {
  readonly format: IbanCountryFormat;
  readonly length: number;
  readonly pattern: RegExp;
}

const CLASS = { n: '[0-9]', a: '[A-Z]', c: '[A-Z0-9]' } as const;

/** Turns SWIFT notation (`3!n7!n2!n`) into a regular expression and a length. */
function compile(format: IbanCountryFormat): CompiledFormat {
  let source = '';
  let length = 0;
  for (const [, count, kind] of format.bban.matchAll(/(\d+)!([nac])/g)) {
    source += `${CLASS[kind as keyof typeof CLASS]}{${count}}`;
    length += Number(count);
  }
  return { format, length: length + 4, pattern: new RegExp(`^${source}$`) };
}

const BY_COUNTRY: ReadonlyMap<string, CompiledFormat> = new Map(IBAN_FORMATS.map((x) => [x.country, compile(x)]));

function printIban(electronic: string): string {
  return electronic.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Reads an IBAN in print or electronic form and validates it: known country, the country's
 * length and BBAN structure (SWIFT IBAN Registry data), the ISO 7064 MOD 97-10 check, and for
 * Belgium the national account check (first 10 digits mod 97, 97 for 0; reference.md §6.1).
 *
 * Throws `INVALID_IBAN` naming `field` with the reason (unknown country, wrong length, wrong
 * structure, check digits mismatch with the expected digits).
 *
 * @example
 * ```ts
 * parseIban('be71 0961 2345 6769').electronic; // "BE71096123456769"
 * ```
 */
export function parseIban(text: string, field = 'iban'): Iban {
  if (typeof text !== 'string') return fail('INVALID_IBAN', field, `expected text, got ${typeof text}`);
  const electronic = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(electronic)) {
    fail('INVALID_IBAN', field, `"${text}" is not an IBAN: expected a country code, two check digits and letters or digits`);
  }
  const country = electronic.slice(0, 2);
  const known = BY_COUNTRY.get(country);
  if (!known) fail('INVALID_IBAN', field, `"${text}": country ${country} is not in the IBAN table`);
  if (electronic.length !== known.length) {
    fail('INVALID_IBAN', field, `wrong length: a ${known.format.name} IBAN has ${known.length} characters, "${text}" has ${electronic.length}`);
  }
  const bban = electronic.slice(4);
  if (!known.pattern.test(bban)) {
    fail('INVALID_IBAN', field, `"${text}" does not follow the ${known.format.name} account structure ${known.format.bban}`);
  }
  if (!isMod97Rotated(electronic)) {
    const expected = mod97CheckDigits(country, bban);
    fail('INVALID_IBAN', field, `check digits mismatch in "${text}": expected ${expected}, got ${electronic.slice(2, 4)}`);
  }
  if (country === 'BE') {
    const r = mod97(bban.slice(0, 10));
    const expected = String(r === 0 ? 97 : r).padStart(2, '0');
    if (bban.slice(10) !== expected) {
      fail('INVALID_IBAN', field, `Belgian account check mismatch in "${text}": expected ${expected}, got ${bban.slice(10)}`);
    }
  }
  return { electronic, printed: printIban(electronic), country, sepa: known.format.sepa };
}

/**
 * Prints an IBAN in groups of four, validating it first.
 *
 * @example
 * ```ts
 * formatIban('NL91ABNA0417164300'); // "NL91 ABNA 0417 1643 00"
 * ```
 */
export function formatIban(text: string, field = 'iban'): string {
  return parseIban(text, field).printed;
}

/**
 * True when `text` is a valid IBAN.
 *
 * @example
 * ```ts
 * isValidIban('BE71 0961 2345 6769'); // true
 * ```
 */
export function isValidIban(text: string): boolean {
  try {
    parseIban(text);
    return true;
  } catch {
    return false;
  }
}

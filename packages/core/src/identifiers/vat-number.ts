import { fail } from '../errors/fail.js';
import { parseBeVatNumber } from './be-enterprise-number.js';
import { parseNlVatNumber } from './nl-identifiers.js';

/**
 * A VAT identification number read by {@link parseVatNumber}. `check` says how far it was
 * verified: a check-digit rule (Belgium: mod 97; the Netherlands: elfproef or mod 97) or, for
 * other countries, the general EU format only.
 *
 * @example
 * ```ts
 * const french: VatNumber = parseVatNumber('FR 40 303 265 045');
 * // { country: "FR", vatNumber: "FR40303265045", check: "format-only" }
 * ```
 */
export interface VatNumber {
  /** The prefix: ISO country code, `EL` for Greece. */
  readonly country: string;
  /** Electronic form, prefix included, no spaces or dots: `BE0403019261`. */
  readonly vatNumber: string;
  readonly check: 'mod97' | 'elfproef' | 'format-only';
}

/**
 * Reads a VAT identification number and dispatches on its country prefix: Belgian and Dutch
 * numbers get their full check; other numbers get the general format check (2 letters +
 * 2 to 13 letters or digits), reported as `check: 'format-only'`.
 *
 * Throws `INVALID_VAT_NUMBER` naming `field`.
 *
 * @example
 * ```ts
 * parseVatNumber('BE 0403.019.261'); // { country: 'BE', vatNumber: 'BE0403019261', check: 'mod97' }
 * parseVatNumber('NL004495445B01');  // { country: 'NL', vatNumber: 'NL004495445B01', check: 'elfproef' }
 * ```
 */
export function parseVatNumber(text: string, field = 'vatNumber'): VatNumber {
  if (typeof text !== 'string') return fail('INVALID_VAT_NUMBER', field, `expected text, got ${typeof text}`);
  const compact = text.replace(/[\s.\-/]/g, '').toUpperCase();
  const country = compact.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(country)) fail('INVALID_VAT_NUMBER', field, `"${text}" must start with a two-letter country prefix such as BE or NL`);
  if (country === 'BE') return { country, vatNumber: parseBeVatNumber(compact, field), check: 'mod97' };
  if (country === 'NL') {
    const { vatNumber, rule } = parseNlVatNumber(compact, field);
    return { country, vatNumber, check: rule };
  }
  if (!/^[A-Z]{2}[A-Z0-9+*]{2,13}$/.test(compact)) fail('INVALID_VAT_NUMBER', field, `"${text}" is not a VAT number`);
  return { country, vatNumber: compact, check: 'format-only' };
}

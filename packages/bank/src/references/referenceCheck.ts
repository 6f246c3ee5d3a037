import { isValidOgm, isValidRf } from '@fact/core';
import type { StructuredReference } from '../model/types.js';

// The check digits are @fact/core's (reference.md §6.1, §6.2). A cheap shape test comes first:
// core validates by throwing, and most text a bank sends is not a reference at all.

/**
 * True when 12 digits are a Belgian OGM/VCS: the last two are the first ten mod 97 (97 for 0).
 *
 * @example
 * ```ts
 * isOgmDigits('240283842818'); // true (2402838428 mod 97 = 18, reference.md §6.1)
 * ```
 */
export function isOgmDigits(digits: string): boolean {
  return /^\d{12}$/.test(digits) && isValidOgm(digits);
}

/**
 * True when `text` (upper-case, no spaces) is a valid ISO 11649 RF creditor reference.
 *
 * @example
 * ```ts
 * isRfReference('RF18539007547034'); // true (reference.md §6.2)
 * ```
 */
export function isRfReference(text: string): boolean {
  return /^RF\d{2}[0-9A-Z]{1,21}$/.test(text) && isValidRf(text);
}

/**
 * Normalises a structured reference as a bank reported it and says which scheme it is. An OGM
 * keeps its 12 digits (`+++`, `***`, `/` and spaces removed), an RF reference is upper-cased
 * without spaces; a reference that passes neither check is kept trimmed as `other` (a Dutch
 * betalingskenmerk, a mistyped OGM…) so it can still match exactly what Fact issued.
 *
 * @example
 * ```ts
 * classifyReference('+++240/2838/42818+++'); // { scheme: 'ogm', reference: '240283842818' }
 * classifyReference('rf18 5390 0754 7034');  // { scheme: 'rf', reference: 'RF18539007547034' }
 * ```
 */
export function classifyReference(raw: string): StructuredReference | undefined {
  if (/^\d{12}$/.test(raw) && isOgmDigits(raw)) return { scheme: 'ogm', reference: raw };
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const ogm = trimmed.replace(/^(\+\+\+|\*\*\*)|(\+\+\+|\*\*\*)$/g, '').replace(/[\s/]/g, '');
  if (isOgmDigits(ogm)) return { scheme: 'ogm', reference: ogm };
  const compact = trimmed.replace(/\s/g, '').toUpperCase();
  if (isRfReference(compact)) return { scheme: 'rf', reference: compact };
  return { scheme: 'other', reference: compact };
}

const OGM_IN_TEXT = /(?:\+\+\+|\*\*\*)\s*(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})\s*(?:\+\+\+|\*\*\*)|\b(\d{3})\/(\d{4})\/(\d{5})\b/g;
const RF_IN_TEXT = /\bRF\d{2}(?:\s?[0-9A-Z]{1,4}){1,6}\b/gi;

/**
 * Finds valid structured references written in free text: an OGM with its delimiters
 * (`+++ddd/dddd/ddddd+++`, `***…***`) or slashes, or an RF reference. Bare runs of 12 digits are
 * ignored on purpose: too many account and phone numbers look like that.
 *
 * @example
 * ```ts
 * referencesInText('betaling +++240/2838/42818+++ dank u'); // [{ scheme: 'ogm', reference: '240283842818' }]
 * ```
 */
export function referencesInText(text: string): StructuredReference[] {
  const found: StructuredReference[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(OGM_IN_TEXT)) {
    const digits = (m[1] ?? m[4] ?? '') + (m[2] ?? m[5] ?? '') + (m[3] ?? m[6] ?? '');
    if (isOgmDigits(digits) && !seen.has(digits)) {
      seen.add(digits);
      found.push({ scheme: 'ogm', reference: digits });
    }
  }
  for (const m of text.matchAll(RF_IN_TEXT)) {
    // The pattern may swallow a following word ("RF18 5390 0754 7034 DANK"): try shorter prefixes.
    const parts = m[0].toUpperCase().split(/\s/);
    for (let n = parts.length; n >= 1; n--) {
      const compact = parts.slice(0, n).join('');
      if (isRfReference(compact)) {
        if (!seen.has(compact)) {
          seen.add(compact);
          found.push({ scheme: 'rf', reference: compact });
        }
        break;
      }
    }
  }
  return found;
}

/**
 * ISO 7064 MOD 97-10 arithmetic shared by IBAN, RF creditor references, the Belgian OGM and
 * enterprise number, and the Dutch btw-id. Kept on digit strings so that no length of input can
 * lose precision in a JS number.
 */

/**
 * The remainder of a decimal digit string divided by 97, computed digit by digit.
 *
 * @example
 * ```ts
 * mod97('1234567890'); // 2
 * ```
 * @internal
 */
export function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return remainder;
}

/**
 * Replaces each letter by its ISO 7064 value (A=10 … Z=35) and keeps digits as they are.
 * Callers pass upper-case alphanumeric text only.
 *
 * @example
 * ```ts
 * lettersToDigits('RF18'); // "271518"
 * ```
 * @internal
 */
export function lettersToDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : ch;
  }
  return out;
}

/**
 * True when `text` (upper-case alphanumeric, check digits at positions 3-4) passes the ISO 7064
 * MOD 97-10 check after moving its first four characters to the end, as IBAN and RF do.
 *
 * @example
 * ```ts
 * isMod97Rotated('RF18539007547034'); // true
 * ```
 * @internal
 */
export function isMod97Rotated(text: string): boolean {
  return mod97(lettersToDigits(text.slice(4) + text.slice(0, 4))) === 1;
}

/**
 * The two ISO 7064 MOD 97-10 check digits for `body` placed behind a two-letter `prefix`
 * (`RF`, a country code): 98 − ((body + prefix + "00") mod 97), zero-padded.
 *
 * @example
 * ```ts
 * mod97CheckDigits('RF', '539007547034'); // "18"
 * ```
 * @internal
 */
export function mod97CheckDigits(prefix: string, body: string): string {
  return String(98 - mod97(lettersToDigits(`${body}${prefix}00`))).padStart(2, '0');
}

import type { DunningDebtorKind, InvoiceLanguage } from '@fact/core';
import { CellProblem } from './CellProblem.js';

/** Folds a cell for matching words: lower case, no accents, no spaces or punctuation. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');

const KINDS: Record<string, DunningDebtorKind> = Object.fromEntries([
  ...['business', 'b2b', 'company', 'bedrijf', 'onderneming', 'zakelijk', 'entreprise', 'societe', 'professionnel', 'b'].map((w) => [w, 'business'] as const),
  ...['consumer', 'b2c', 'private', 'particulier', 'consument', 'prive', 'consommateur', 'c'].map((w) => [w, 'consumer'] as const),
]);

/**
 * Reads a debtor kind in English, Dutch or French (`bedrijf`, `particulier`, `B2C`…).
 *
 * @example
 * ```ts
 * debtorKindCell('Particulier'); // "consumer"
 * debtorKindCell('B2B'); // "business"
 * ```
 */
export function debtorKindCell(text: string): DunningDebtorKind {
  const kind = KINDS[fold(text)];
  if (!kind) throw new CellProblem('INVALID_VALUE', `"${text}" is not a debtor kind: use business (bedrijf, entreprise) or consumer (particulier, consument)`);
  return kind;
}

const LANGUAGES: Record<string, InvoiceLanguage> = Object.fromEntries([
  ...['nl', 'nlbe', 'nlnl', 'nederlands', 'dutch', 'vlaams', 'neerlandais', 'n'].map((w) => [w, 'nl'] as const),
  ...['fr', 'frbe', 'frfr', 'francais', 'french', 'frans', 'f'].map((w) => [w, 'fr'] as const),
  ...['en', 'engb', 'enus', 'english', 'engels', 'anglais', 'e'].map((w) => [w, 'en'] as const),
]);

/**
 * Reads a correspondence language: a code (`nl`, `fr-BE`) or its name in English, Dutch or
 * French (`Frans`, `Néerlandais`). Letters exist in Dutch, French and English.
 *
 * @example
 * ```ts
 * languageCell('Français'); // "fr"
 * languageCell('nl-BE'); // "nl"
 * ```
 */
export function languageCell(text: string): InvoiceLanguage {
  const language = LANGUAGES[fold(text)];
  if (!language) throw new CellProblem('INVALID_VALUE', `"${text}" is not a supported language: nl, fr or en`);
  return language;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/**
 * Reads one or more e-mail addresses separated by `;`, `,` or spaces (a cell may list a billing
 * and a finance address). The check is the practical one (something@domain.tld), not RFC 5322.
 *
 * @example
 * ```ts
 * emailsCell('boekhouding@peeters.be; info@peeters.be'); // ["boekhouding@peeters.be", "info@peeters.be"]
 * ```
 */
export function emailsCell(text: string): string[] {
  const emails = text.split(/[;,\s]+/).filter((e) => e !== '');
  const bad = emails.find((e) => !EMAIL.test(e));
  if (bad !== undefined) throw new CellProblem('INVALID_VALUE', `"${bad}" is not an e-mail address`);
  return emails;
}

const COUNTRY_NAMES: Record<string, string> = {
  belgie: 'BE', belgium: 'BE', belgique: 'BE', belgien: 'BE',
  nederland: 'NL', netherlands: 'NL', paysbas: 'NL', thenetherlands: 'NL', holland: 'NL',
  frankrijk: 'FR', france: 'FR', luxemburg: 'LU', luxembourg: 'LU',
  duitsland: 'DE', germany: 'DE', allemagne: 'DE', deutschland: 'DE',
};

/**
 * Reads a country: an ISO 3166-1 alpha-2 code, or the name of a neighbouring country in Dutch,
 * French or English (`België`, `Pays-Bas`).
 *
 * @example
 * ```ts
 * countryCell('België'); // "BE"
 * countryCell('nl'); // "NL"
 * ```
 */
export function countryCell(text: string): string {
  const trimmed = text.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) return trimmed.toUpperCase();
  const code = COUNTRY_NAMES[fold(trimmed)];
  if (!code) throw new CellProblem('INVALID_VALUE', `"${text}" is not a two-letter country code such as BE or NL`);
  return code;
}

/**
 * Checks a postal code for Belgium and Luxembourg (4 digits) and the Netherlands (`1234 AB`,
 * returned in that form); other countries' codes are kept as written.
 *
 * @example
 * ```ts
 * postalCodeCell('1012ab', 'NL'); // "1012 AB"
 * postalCodeCell('9000', 'BE'); // "9000"
 * ```
 */
export function postalCodeCell(text: string, country: string | undefined): string {
  const value = text.trim();
  if (country === 'BE' || country === 'LU') {
    const digits = value.replace(/^(BE|B|L|LU)-?/i, '');
    if (!/^[1-9]\d{3}$/.test(digits)) throw new CellProblem('INVALID_VALUE', `"${text}" is not a ${country} postal code (4 digits)`);
    return digits;
  }
  if (country === 'NL') {
    const m = /^([1-9]\d{3})\s?([a-z]{2})$/i.exec(value);
    if (!m) throw new CellProblem('INVALID_VALUE', `"${text}" is not a Dutch postal code (1234 AB)`);
    return `${m[1]} ${(m[2] ?? '').toUpperCase()}`;
  }
  return value;
}

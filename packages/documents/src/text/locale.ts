import type { Country, InvoiceLanguage } from '@fact/core';
import { fail } from '../errors.js';

/** The language of a document: Dutch, French or English. */
export type DocumentLanguage = InvoiceLanguage;

/**
 * How amounts and dates are written. Belgian Dutch and French put the euro sign after the
 * amount (`1.234,56 €`), Dutch in the Netherlands before it (`€ 1.234,56`), English before it
 * without a space (`€1,234.56`).
 */
export type DocumentLocale = 'nl-BE' | 'fr-BE' | 'nl-NL' | 'en';

const LANGUAGES: readonly DocumentLanguage[] = ['nl', 'fr', 'en'];

/**
 * Checks a language code; throws `INVALID_ARGUMENT` naming `field` otherwise.
 *
 * @example
 * ```ts
 * parseLanguage('fr', 'debtor.language'); // "fr"
 * ```
 */
export function parseLanguage(value: unknown, field = 'language'): DocumentLanguage {
  if (typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)) return value as DocumentLanguage;
  return fail('INVALID_ARGUMENT', field, `${JSON.stringify(value)} is not one of ${LANGUAGES.join(', ')}`);
}

/**
 * The formatting locale for a language and the country whose conventions the reader expects
 * (the debtor's country for a letter, the supplier's for an invoice). French is written the
 * Belgian way; English is one locale.
 *
 * @example
 * ```ts
 * documentLocale('nl', 'NL'); // "nl-NL"
 * documentLocale('nl', 'BE'); // "nl-BE"
 * documentLocale('fr', 'NL'); // "fr-BE"
 * ```
 */
export function documentLocale(language: DocumentLanguage, country: Country): DocumentLocale {
  if (language === 'en') return 'en';
  if (language === 'fr') return 'fr-BE';
  return country === 'NL' ? 'nl-NL' : 'nl-BE';
}

/**
 * The language of a locale.
 *
 * @example
 * ```ts
 * localeLanguage('nl-NL'); // "nl"
 * ```
 */
export function localeLanguage(locale: DocumentLocale): DocumentLanguage {
  return locale === 'en' ? 'en' : locale === 'fr-BE' ? 'fr' : 'nl';
}

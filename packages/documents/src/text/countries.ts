import type { DocumentLanguage } from './locale.js';

const NAMES: Readonly<Record<string, Readonly<Record<DocumentLanguage, string>>>> = {
  BE: { nl: 'België', fr: 'Belgique', en: 'Belgium' },
  NL: { nl: 'Nederland', fr: 'Pays-Bas', en: 'the Netherlands' },
  LU: { nl: 'Luxemburg', fr: 'Luxembourg', en: 'Luxembourg' },
  FR: { nl: 'Frankrijk', fr: 'France', en: 'France' },
  DE: { nl: 'Duitsland', fr: 'Allemagne', en: 'Germany' },
};

/**
 * The name of a country for an address block; unknown codes are printed as given.
 *
 * @example
 * ```ts
 * countryName('NL', 'fr'); // "Pays-Bas"
 * ```
 */
export function countryName(code: string, language: DocumentLanguage): string {
  return NAMES[code.toUpperCase()]?.[language] ?? code.toUpperCase();
}

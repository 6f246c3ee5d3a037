import type { DunningDebtorKind, InvoiceLanguage } from '@fact/core';
import type { CsvReadOptions } from '../csv/readCsv.js';

/**
 * Which column of the file holds each debtor field, by header name as written. Only the name is
 * required; see {@link importDebtorsCsv} for the defaults of kind, language and country.
 *
 * @example
 * ```ts
 * const mapping: DebtorColumnMapping = { name: 'Naam', vatNumber: 'BTW-nummer', email: 'E-mail', city: 'Gemeente' };
 * ```
 */
export interface DebtorColumnMapping {
  readonly name: string;
  /** business / consumer, in English, Dutch or French. */
  readonly kind?: string;
  readonly vatNumber?: string;
  /** Belgian enterprise number (ondernemingsnummer / numéro d'entreprise). */
  readonly enterpriseNumber?: string;
  readonly iban?: string;
  readonly language?: string;
  /** One or more e-mail addresses. */
  readonly email?: string;
  readonly street?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly country?: string;
  /** The company's own customer number (klantnummer / numéro client). */
  readonly externalRef?: string;
}

/** A field of {@link DebtorColumnMapping}. */
export type DebtorField = keyof DebtorColumnMapping;

/**
 * Options of {@link importDebtorsCsv}.
 *
 * @example
 * ```ts
 * const options: DebtorImportOptions = { mapping: { name: 'Naam' }, defaultKind: 'business', defaultLanguage: 'nl', defaultCountry: 'BE' };
 * ```
 */
export interface DebtorImportOptions extends CsvReadOptions {
  readonly mapping: DebtorColumnMapping;
  /** Kind of rows without a kind cell. Without it, such a row is a business when it has a VAT number and an error otherwise. */
  readonly defaultKind?: DunningDebtorKind;
  /** Language of rows without a language cell. Without it, the cell is required. */
  readonly defaultLanguage?: InvoiceLanguage;
  /** Country of rows without a country cell. Without it, the country of the VAT number, else the cell is required. */
  readonly defaultCountry?: string;
}

/**
 * One debtor read from a file. Identifiers are in electronic form.
 *
 * @example
 * ```ts
 * const debtor: ImportedDebtor = { line: 2, name: 'Bakkerij Peeters', kind: 'business', language: 'nl', country: 'BE', emails: [], vatNumber: 'BE0403019261' };
 * ```
 */
export interface ImportedDebtor {
  readonly line: number;
  readonly name: string;
  readonly kind: DunningDebtorKind;
  readonly language: InvoiceLanguage;
  readonly country: string;
  readonly emails: readonly string[];
  readonly vatNumber?: string;
  readonly enterpriseNumber?: string;
  readonly iban?: string;
  readonly street?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly externalRef?: string;
}

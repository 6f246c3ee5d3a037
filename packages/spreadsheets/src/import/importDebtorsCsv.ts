import { parseBeEnterpriseNumber, type DunningDebtorKind, type InvoiceLanguage } from '@fact/core';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { countryCell, debtorKindCell, emailsCell, languageCell, postalCodeCell } from '../values/debtorValues.js';
import { ibanCell, vatNumberCell } from '../values/identifiers.js';
import type { DebtorField, DebtorImportOptions, ImportedDebtor } from './debtorTypes.js';
import type { RowReader } from './RowReader.js';
import { runImport } from './runImport.js';
import type { ImportResult } from './types.js';

const compact = (t: string): string => t.replace(/[\s.\-/]/g, '').toUpperCase();

/**
 * Imports debtors (klanten / clients) from a CSV file. All or nothing, like
 * {@link importInvoicesCsv}: every bad cell is listed with line and column, or every row comes back.
 *
 * Per row: the name is required; VAT number, enterprise number and IBAN are checked by
 * @fact/core; the kind comes from its cell, else `defaultKind`, else "business" when there is a
 * VAT number (a consumer with a VAT number is refused as inconsistent); the language from its
 * cell or `defaultLanguage`; the country from its cell, `defaultCountry`, or the VAT number's
 * prefix; BE, LU and NL postal codes are checked. VAT numbers, enterprise numbers and customer
 * numbers must be unique within the file.
 *
 * @example
 * ```ts
 * const csv = 'Naam;BTW-nummer;Taal\nBakkerij Peeters;BE0403019261;Nederlands\n';
 * const result = importDebtorsCsv(csv, { mapping: { name: 'Naam', vatNumber: 'BTW-nummer', language: 'Taal' } });
 * if (result.ok) result.rows[0]; // { name: 'Bakkerij Peeters', kind: 'business', language: 'nl', country: 'BE', … }
 * ```
 */
export function importDebtorsCsv(input: Uint8Array | string, options: DebtorImportOptions): ImportResult<ImportedDebtor> {
  const defaultCountry = options.defaultCountry === undefined ? undefined : checkedCountry(options.defaultCountry);
  return runImport<DebtorField, ImportedDebtor>(input, options, {
    mapping: options.mapping,
    readRow: (r) => readDebtor(r, options, defaultCountry),
    unique: [
      { field: 'vatNumber', what: 'VAT number', normalise: compact },
      { field: 'enterpriseNumber', what: 'enterprise number', normalise: compact },
      { field: 'externalRef', what: 'customer number', normalise: (t) => t.trim().toUpperCase() },
    ],
  });
}

function readDebtor(r: RowReader<DebtorField>, options: DebtorImportOptions, defaultCountry: string | undefined): ImportedDebtor | undefined {
  const name = r.required('name');
  const vatNumber = r.parse('vatNumber', vatNumberCell);
  const enterpriseNumber = r.parse('enterpriseNumber', parseBeEnterpriseNumber);
  const iban = r.parse('iban', ibanCell);
  const kind = readKind(r, options.defaultKind, vatNumber);
  const language = readLanguage(r, options.defaultLanguage);
  const country = r.parse('country', countryCell) ?? defaultCountry ?? vatCountry(vatNumber) ?? requiredMissing(r, 'country');
  const postalCode = r.parse('postalCode', (t) => postalCodeCell(t, country));
  const emails = r.parse('email', emailsCell) ?? [];
  const street = r.text('street');
  const city = r.text('city');
  const externalRef = r.text('externalRef');
  if (!name || !kind || !language || !country) return undefined;
  return {
    line: r.line,
    name,
    kind,
    language,
    country,
    emails,
    ...(vatNumber && { vatNumber }),
    ...(enterpriseNumber && { enterpriseNumber }),
    ...(iban && { iban }),
    ...(street && { street }),
    ...(postalCode && { postalCode }),
    ...(city && { city }),
    ...(externalRef && { externalRef }),
  };
}

function readKind(r: RowReader<DebtorField>, defaultKind: DunningDebtorKind | undefined, vatNumber: string | undefined): DunningDebtorKind | undefined {
  const fromCell = r.parse('kind', debtorKindCell);
  if (fromCell === 'consumer' && vatNumber) {
    r.report('kind', 'INCONSISTENT', 'a consumer with a VAT number: if this debtor is a business, say so (Book XIX and the WIK rules would otherwise apply)');
    return undefined;
  }
  if (fromCell || r.text('kind') !== undefined) return fromCell;
  return defaultKind ?? (vatNumber ? 'business' : requiredMissing(r, 'kind', 'business or consumer: no kind cell, no default kind and no VAT number'));
}

function readLanguage(r: RowReader<DebtorField>, defaultLanguage: InvoiceLanguage | undefined): InvoiceLanguage | undefined {
  if (r.text('language') !== undefined) return r.parse('language', languageCell);
  return defaultLanguage ?? requiredMissing(r, 'language', 'nl, fr or en: no language cell and no default language');
}

function requiredMissing(r: RowReader<DebtorField>, field: DebtorField, why = 'no value and no default'): undefined {
  r.report(field, 'REQUIRED', `is required (${why})`, '');
  return undefined;
}

/** The country of a VAT number's prefix; Greece writes EL in VAT numbers, GR elsewhere. */
function vatCountry(vatNumber: string | undefined): string | undefined {
  const prefix = vatNumber?.slice(0, 2);
  return prefix === 'EL' ? 'GR' : prefix;
}

function checkedCountry(value: string): string {
  if (!/^[A-Z]{2}$/.test(value)) throw new SpreadsheetError('INVALID_OPTION', `defaultCountry must be an ISO 3166 code such as BE, got "${value}"`);
  return value;
}

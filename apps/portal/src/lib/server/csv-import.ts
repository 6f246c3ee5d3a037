import { DATE_FORMATS, MAPPING_FIELDS, type DateFormat } from '@fact/spreadsheets';
import type { MessageKey } from '../i18n/messages.js';
import type { ApiFailure } from './errors.js';

// The CSV import screen (imports.invoicesCsv / imports.debtorsCsv): which fields a mapping has,
// reading the posted mapping form, and the API's per-row refusals as rows to show.

export type ImportTarget = 'invoices' | 'debtors';

// The fields of a mapping (in the order the form shows them, `required` ones must have a column)
// and the date formats are those of the reader, @fact/spreadsheets.
export { DATE_FORMATS, MAPPING_FIELDS };

export const DELIMITERS = ['auto', ';', ',', '\t'] as const;
export const DECIMAL_SEPARATORS = [',', '.'] as const;
export const DEBTOR_KINDS = ['business', 'consumer'] as const;
export const LANGUAGES = ['nl', 'fr', 'en'] as const;

export const isTarget = (v: unknown): v is ImportTarget => v === 'invoices' || v === 'debtors';

/** What the form posted, as typed: `map.<field>` and the options, all strings. */
export type FormValues = Record<string, string>;

type Delimiter = (typeof DELIMITERS)[number];
const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** A mapping whose required fields all have a column (checked by {@link readMappingForm}). */
type InvoiceMapping = Record<'invoiceNumber' | 'debtorName' | 'issueDate' | 'dueDate' | 'total', string> & Record<string, string>;
type DebtorMapping = Record<'name', string> & Record<string, string>;

/** The API input of an import (without companyId and the file), or the errors per form field. */
export type ReadForm =
  | { ok: true; values: FormValues; input: { target: 'invoices'; mapping: InvoiceMapping; decimalSeparator: ',' | '.'; dateFormat: DateFormat; debtorKind: 'business' | 'consumer'; delimiter: Delimiter } }
  | { ok: true; values: FormValues; input: { target: 'debtors'; mapping: DebtorMapping; delimiter: Delimiter; defaultKind?: 'business' | 'consumer'; defaultLanguage?: 'nl' | 'fr' | 'en'; defaultCountry?: string } }
  | { ok: false; values: FormValues; errors: Record<string, MessageKey> };

/**
 * Reads the posted mapping form against the file's headers: every required field has a column,
 * each column is one of the headers and feeds one field only, the options are known ones.
 *
 * @example
 * ```ts
 * readMappingForm(form, 'invoices', ['Factuurnummer', 'Klant', …]); // { ok: true, input: { mapping: { invoiceNumber: 'Factuurnummer', … }, … } }
 * ```
 */
export function readMappingForm(form: FormData, target: ImportTarget, headers: readonly string[]): ReadForm {
  const values: FormValues = {};
  const errors: Record<string, MessageKey> = {};
  const mapping: Record<string, string> = {};
  const usedBy = new Map<string, string>();
  for (const { field, required } of MAPPING_FIELDS[target]) {
    const name = `map.${field}`;
    const header = String(form.get(name) ?? '');
    values[name] = header;
    if (header === '') {
      if (required) errors[name] = 'imports.required';
      continue;
    }
    if (!headers.includes(header)) errors[name] = 'imports.unknownColumn';
    else if (usedBy.has(header)) errors[name] = 'imports.sameColumn';
    else {
      usedBy.set(header, field);
      mapping[field] = header;
    }
  }
  const option = <T extends string>(name: string, list: readonly T[], fallback: T | ''): T | '' => {
    const v = String(form.get(name) ?? fallback);
    values[name] = v;
    if (v === '' || oneOf(list, v)) return v as T | '';
    errors[name] = 'imports.badOption';
    return '';
  };
  const delimiter = option('delimiter', DELIMITERS, 'auto') || 'auto';
  if (target === 'invoices') {
    const decimalSeparator = option('decimalSeparator', DECIMAL_SEPARATORS, ',');
    const dateFormat = option('dateFormat', DATE_FORMATS, 'DD/MM/YYYY');
    const debtorKind = option('debtorKind', DEBTOR_KINDS, 'business');
    if (!decimalSeparator) errors.decimalSeparator ??= 'imports.required';
    if (!dateFormat) errors.dateFormat ??= 'imports.required';
    if (Object.keys(errors).length || !decimalSeparator || !dateFormat) return { ok: false, values, errors };
    return { ok: true, values, input: { target, mapping: mapping as InvoiceMapping, decimalSeparator, dateFormat, debtorKind: debtorKind || 'business', delimiter } };
  }
  const defaultKind = option('defaultKind', DEBTOR_KINDS, '');
  const defaultLanguage = option('defaultLanguage', LANGUAGES, '');
  const defaultCountry = String(form.get('defaultCountry') ?? '')
    .trim()
    .toUpperCase();
  values.defaultCountry = defaultCountry;
  if (defaultCountry && !/^[A-Z]{2}$/.test(defaultCountry)) errors.defaultCountry = 'imports.badCountry';
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    input: { target, mapping: mapping as DebtorMapping, delimiter, ...(defaultKind ? { defaultKind } : {}), ...(defaultLanguage ? { defaultLanguage } : {}), ...(defaultCountry ? { defaultCountry } : {}) },
  };
}

/** One refused row of a file: its line number, the column at fault (when one is), and why. */
export interface RowProblem {
  line: number;
  column: string | null;
  message: string;
}

/**
 * The rows an import refused, from the API's BAD_REQUEST (`cause.issues`, path `['line N', column]`),
 * with the "line N, column …:" prefix left out of the message (the table says it); null when the
 * refusal is not about rows.
 *
 * @example
 * ```ts
 * rowProblems(error); // [{ line: 3, column: 'Factuurdatum', message: 'not a date in DD/MM/YYYY: "31/02/2025"' }]
 * ```
 */
export function rowProblems(e: ApiFailure): RowProblem[] | null {
  if (e.code !== 'BAD_REQUEST') return null;
  const issues = (e.cause as { issues?: { path?: unknown[]; message?: unknown }[] } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const rows: RowProblem[] = [];
  for (const issue of issues) {
    const line = /^line (\d+)$/.exec(String(issue.path?.[0] ?? ''));
    if (!line) return null;
    const column = typeof issue.path?.[1] === 'string' && issue.path[1] !== '' ? issue.path[1] : null;
    const message = String(issue.message ?? '');
    const prefix = [`line ${line[1]}, column "${column ?? ''}": `, `line ${line[1]}: `].find((p) => message.startsWith(p)) ?? '';
    rows.push({ line: Number(line[1]), column, message: message.slice(prefix.length) });
  }
  return rows;
}

import type { CsvRow } from '../csv/readCsv.js';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import type { ImportError } from './types.js';

/** Where each mapped field sits in the file: its column index and the header as written. */
export type ResolvedColumns<F extends string> = Partial<Record<F, { readonly index: number; readonly header: string }>>;

const fold = (s: string): string => s.trim().toLocaleLowerCase('en');

/**
 * Finds the columns a mapping names in the header: an exact match first, else one that differs
 * only in case or surrounding spaces. A mapped column missing from the header is an import
 * error on the header line; a mapping that names one column for two fields is a caller error.
 * @internal
 */
export function resolveColumns<F extends string>(
  mapping: Partial<Record<F, string | undefined>>,
  headers: readonly string[],
  headerLine: number,
): { columns: ResolvedColumns<F>; errors: ImportError[] } {
  const columns: ResolvedColumns<F> = {};
  const errors: ImportError[] = [];
  const used = new Map<number, F>();
  for (const [field, name] of Object.entries(mapping) as [F, string | undefined][]) {
    if (name === undefined || name.trim() === '') continue;
    let index = headers.indexOf(name.trim());
    if (index === -1) index = headers.findIndex((h) => fold(h) === fold(name));
    if (index === -1) {
      errors.push({
        line: headerLine,
        column: name,
        value: '',
        code: 'MISSING_COLUMN',
        message: `line ${headerLine}: the mapping reads ${field} from column "${name}", which is not in the header (${headerList(headers)})`,
      });
      continue;
    }
    const other = used.get(index);
    if (other !== undefined) {
      throw new SpreadsheetError('INVALID_OPTION', `the mapping reads both ${other} and ${field} from column "${name}"`);
    }
    used.set(index, field);
    columns[field] = { index, header: headers[index] ?? name };
  }
  return { columns, errors };
}

/**
 * Checks a row's field count against the header: fewer fields, or a non-empty value past the
 * last column, usually means a wrong delimiter or a stray quote. Empty trailing fields (a
 * trailing `;`) are tolerated. @internal
 */
export function fieldCountError(row: CsvRow, headers: readonly string[]): ImportError | undefined {
  const n = row.cells.length;
  const extra = row.cells.slice(headers.length).some((c) => c.trim() !== '');
  if (n >= headers.length && !extra) return undefined;
  return {
    line: row.line,
    column: '',
    value: '',
    code: 'FIELD_COUNT',
    message: `line ${row.line}: the row has ${n} fields where the header has ${headers.length}; check the delimiter and the quotes`,
  };
}

// A hostile header can hold hundreds of thousands of columns; name a few, not all of them.
const LISTED_HEADERS = 20;
function headerList(headers: readonly string[]): string {
  const shown = headers.slice(0, LISTED_HEADERS).map((h) => `"${h.length > 60 ? `${h.slice(0, 60)}…` : h}"`);
  const more = headers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

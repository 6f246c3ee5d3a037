import { stringify } from 'csv-stringify/sync';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { exportTable, type ExportCell, type ExportColumn } from './columns.js';
import { neutraliseFormula } from './neutralise.js';

/**
 * How a CSV export is written. The defaults are RFC 4180 (`,`, `.`, CRLF) with a UTF-8
 * byte-order mark so Excel reads accents correctly; `{ delimiter: ';', decimalSeparator: ',' }`
 * is what Excel expects in nl-BE, fr-BE and nl-NL.
 *
 * @example
 * ```ts
 * const beExcel: CsvWriteOptions = { delimiter: ';', decimalSeparator: ',' };
 * ```
 */
export interface CsvWriteOptions {
  readonly delimiter?: ',' | ';' | '\t';
  readonly decimalSeparator?: '.' | ',';
  /** Start with a UTF-8 byte-order mark. Default `true`. */
  readonly bom?: boolean;
  /** Default `'\r\n'`. */
  readonly lineEnding?: '\r\n' | '\n';
}

/**
 * Writes rows as CSV text with a header row. Every text cell and header goes through
 * {@link neutraliseFormula} (a leading `'` before `=`, `+`, `-`, `@`, tab, CR, their full-width
 * forms, or a leading `'`), so a debtor called `=HYPERLINK(…)` stays text in Excel; money is
 * written as a plain number with two decimals (`-1234.50`, or `-1234,50` with a decimal comma),
 * dates as `YYYY-MM-DD`. Quotes, delimiters and line breaks in text are quoted by csv-stringify.
 *
 * @example
 * ```ts
 * toCsv(
 *   [
 *     { kind: 'text', header: 'Klant', value: (r: Row) => r.name },
 *     { kind: 'money', header: 'Open', value: (r: Row) => r.open },
 *   ],
 *   [{ name: '=HYPERLINK("http://x","click")', open: money('-12.5') }],
 *   { bom: false },
 * );
 * // 'Klant,Open\r\n"\'=HYPERLINK(""http://x"",""click"")",-12.50\r\n'
 * ```
 */
export function toCsv<R>(columns: readonly ExportColumn<R>[], rows: readonly R[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalSeparator = options.decimalSeparator ?? '.';
  if (delimiter === decimalSeparator) {
    throw new SpreadsheetError('INVALID_OPTION', 'the delimiter and the decimal separator must differ');
  }
  const table = exportTable(columns, rows);
  const records = [table.headers.map(neutraliseFormula), ...table.rows.map((row) => row.map((cell) => csvText(cell, decimalSeparator)))];
  return stringify(records, {
    delimiter,
    record_delimiter: options.lineEnding ?? '\r\n',
    bom: options.bom ?? true,
  });
}

function csvText(cell: ExportCell, decimalSeparator: '.' | ','): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return neutraliseFormula(cell.value);
    case 'money':
      return decimalSeparator === ',' ? cell.value.replace('.', ',') : cell.value;
    case 'date':
      return cell.value;
    case 'integer':
      return String(cell.value);
  }
}

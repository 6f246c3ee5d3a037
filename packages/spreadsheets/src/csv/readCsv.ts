import { CsvError, parse } from 'csv-parse/sync';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { DEFAULT_MAX_BYTES, decodeCsv, type CsvEncoding } from './decode.js';
import { detectDelimiter, type CsvDelimiter } from './delimiter.js';

/** Default row limit of a CSV import (data rows, the header excluded). */
export const DEFAULT_MAX_ROWS = 50_000;

/** Size limits of a CSV import; a file over either is refused whole with `FILE_TOO_LARGE`. */
export interface CsvLimits {
  /** Bytes of the file as uploaded. Default {@link DEFAULT_MAX_BYTES} (10 MiB). */
  readonly maxBytes?: number;
  /** Data rows, the header and blank rows excluded. Default {@link DEFAULT_MAX_ROWS}. */
  readonly maxRows?: number;
}

/** How to read a CSV file. Every field has a default that suits BE/NL spreadsheet exports. */
export interface CsvReadOptions {
  /** Field separator, or `'auto'` (the default) to detect `;`, `,` or tab from the header line. */
  readonly delimiter?: CsvDelimiter | 'auto';
  /** Encoding of a byte input without byte-order mark. Default `'utf-8'`. */
  readonly encoding?: CsvEncoding;
  readonly limits?: CsvLimits;
}

/** One data row: its cells as written (quotes removed, not trimmed) and the line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A CSV file read into a header and rows. Blank rows (every cell empty) are left out. */
export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly headerLine: number;
  /** Header names, trimmed. */
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Reads CSV bytes or text into a header and rows, with the line every row starts on (a quoted
 * field may span lines). Line breaks may be LF, CRLF or CR; inside quoted fields they come back
 * as `\n`. Throws {@link SpreadsheetError} for a file that cannot be read: too large, bad
 * encoding, broken quoting, or nothing in it.
 *
 * @example
 * ```ts
 * const table = readCsv('Klant;Bedrag\r\n"Jansen\r\nBV";1.234,56\r\n');
 * table.delimiter; // ";"
 * table.rows[0]; // { line: 2, cells: ['Jansen\nBV', '1.234,56'] }
 * ```
 */
export function readCsv(input: Uint8Array | string, options: CsvReadOptions = {}): CsvTable {
  const maxRows = options.limits?.maxRows ?? DEFAULT_MAX_ROWS;
  const text = decodeCsv(input, options.encoding, options.limits?.maxBytes ?? DEFAULT_MAX_BYTES).replace(/\r\n?/g, '\n');
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;
  const records = parseRecords(text, delimiter, maxRows);
  const [header, ...rows] = records;
  if (!header) throw new SpreadsheetError('EMPTY_FILE', 'the file holds no header and no rows');
  if (rows.length === 0) throw new SpreadsheetError('EMPTY_FILE', 'the file holds a header but no rows', header.line);
  return { delimiter, headerLine: header.line, headers: header.cells.map((h) => h.trim()), rows };
}

function parseRecords(text: string, delimiter: CsvDelimiter, maxRows: number): CsvRow[] {
  const rows: CsvRow[] = [];
  let lastEnd = 0;
  let tooMany: number | undefined;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        // context.lines is the line the record ends on; its fields hold the line breaks it spans.
        const breaks = record.reduce((n, cell) => n + countBreaks(cell), 0);
        lastEnd = context.lines;
        if (tooMany !== undefined || record.every((cell) => cell.trim() === '')) return null;
        if (rows.length > maxRows) tooMany = context.lines - breaks;
        else rows.push({ line: context.lines - breaks, cells: record });
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) throw csvSyntaxError(e, lastEnd + 1);
    throw e;
  }
  if (tooMany !== undefined) {
    throw new SpreadsheetError('FILE_TOO_LARGE', `the file holds more than ${maxRows} rows, the limit`, tooMany);
  }
  return rows;
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

function csvSyntaxError(e: CsvError, recordStart: number): SpreadsheetError {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new SpreadsheetError('INVALID_CSV', 'a quoted field opened in this row is never closed', recordStart);
  }
  const lines = (e as CsvError & { lines?: unknown }).lines;
  const line = typeof lines === 'number' && lines > 0 ? lines : recordStart;
  // csv-parse ends its messages with "at line N"; the line is carried separately.
  const detail = e.message.replace(/ at line \d+/, '');
  return new SpreadsheetError('INVALID_CSV', detail, line);
}

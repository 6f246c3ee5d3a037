import { readCsv, type CsvReadOptions } from '../csv/readCsv.js';
import { fieldCountError, resolveColumns } from './columns.js';
import { RowReader } from './RowReader.js';
import type { ImportError, ImportResult } from './types.js';

/** A column whose values must be unique within the file, and how to compare them. @internal */
export interface UniqueColumn<F extends string> {
  readonly field: F;
  /** What the value is, for the message ("invoice number"). */
  readonly what: string;
  /** Canonical form for comparison, so `be 0403.019.261` equals `BE0403019261`. */
  readonly normalise: (text: string) => string;
}

/** What an import needs besides the file: the mapping, a row reader, and unique columns. @internal */
export interface ImportPlan<F extends string, Row> {
  readonly mapping: Partial<Record<F, string | undefined>>;
  readonly readRow: (reader: RowReader<F>) => Row | undefined;
  readonly unique: readonly UniqueColumn<F>[];
}

/**
 * The all-or-nothing import: reads the file, resolves the mapping, reads every row, checks
 * uniqueness, and returns either every row or every problem. @internal
 */
export function runImport<F extends string, Row>(
  input: Uint8Array | string,
  options: CsvReadOptions,
  plan: ImportPlan<F, Row>,
): ImportResult<Row> {
  const table = readCsv(input, options);
  const { columns, errors: headerErrors } = resolveColumns(plan.mapping, table.headers, table.headerLine);
  // Without a column every row would repeat the same complaint; the header error says it once.
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const errors: ImportError[] = [];
  const rows: Row[] = [];
  const seen = plan.unique.map(() => new Map<string, number>());
  for (const row of table.rows) {
    const countError = fieldCountError(row, table.headers);
    if (countError) {
      errors.push(countError);
      continue;
    }
    const reader = new RowReader<F>(row, columns);
    const value = plan.readRow(reader);
    plan.unique.forEach((u, i) => checkUnique(reader, u, seen[i] ?? new Map()));
    errors.push(...reader.errors);
    if (value !== undefined && reader.errors.length === 0) rows.push(value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function checkUnique<F extends string>(reader: RowReader<F>, unique: UniqueColumn<F>, seen: Map<string, number>): void {
  const text = reader.text(unique.field);
  if (text === undefined) return;
  const key = unique.normalise(text);
  const first = seen.get(key);
  if (first === undefined) seen.set(key, reader.line);
  else reader.report(unique.field, 'DUPLICATE', `${unique.what} "${text}" also appears on line ${first}`, text);
}

import type { ImportErrorCode } from '../values/CellProblem.js';

/**
 * One bad cell or row of an import. `line` is the 1-based line of the file the row starts on
 * (the header is line 1 in a file without blank lines); `column` is the header as written in
 * the file, empty when the problem is the whole row.
 *
 * @example
 * ```ts
 * const e: ImportError = {
 *   line: 4, column: 'Bedrag incl', value: '12,3,4', code: 'INVALID_AMOUNT',
 *   message: 'line 4, column "Bedrag incl": "12,3,4" is not an amount in the 1.234,56 style',
 * };
 * ```
 */
export interface ImportError {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly code: ImportErrorCode;
  readonly message: string;
}

/**
 * The outcome of an import: all rows or none. When any row is bad, `errors` lists every bad
 * cell of every row (in file order) and no row is returned, so half a file never reaches the
 * ledger.
 *
 * @example
 * ```ts
 * const result: ImportResult<{ name: string }> = { ok: true, rows: [{ name: 'Jansen BV' }] };
 * if (!result.ok) console.log(result.errors.map((e) => e.message).join('\n'));
 * ```
 */
export type ImportResult<Row> =
  | { readonly ok: true; readonly rows: readonly Row[] }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

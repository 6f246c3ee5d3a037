/**
 * Stable codes of {@link SpreadsheetError}. A code never changes meaning once published; the API
 * maps each of them to "bad request" and shows the message to the user.
 */
export const SPREADSHEET_ERROR_CODES = [
  /** The file is larger than the byte limit, or holds more rows than the row limit. */
  'FILE_TOO_LARGE',
  /** Nothing but a byte-order mark, blank lines or a header. */
  'EMPTY_FILE',
  /** Bytes that are not valid in the declared encoding (UTF-8 unless told otherwise). */
  'INVALID_ENCODING',
  /** The CSV structure is broken: an unclosed quote, text after a closing quote. */
  'INVALID_CSV',
  /** An option given by the caller is wrong (a mapping that names the same column twice…). */
  'INVALID_OPTION',
  /** A value handed to an export cannot be written without losing or altering it. */
  'INVALID_EXPORT_VALUE',
] as const;

/** One of {@link SPREADSHEET_ERROR_CODES}. */
export type SpreadsheetErrorCode = (typeof SPREADSHEET_ERROR_CODES)[number];

/**
 * The one error this package throws. It is for a file that cannot be read at all, or an export
 * call that cannot be honoured; a readable file with bad cells is not an error but an
 * `{ ok: false, errors }` result listing every bad cell.
 *
 * @example
 * ```ts
 * try {
 *   importInvoicesCsv(bytes, options);
 * } catch (e) {
 *   if (e instanceof SpreadsheetError) console.log(e.code, e.line); // INVALID_ENCODING 7
 * }
 * ```
 */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
  readonly code: SpreadsheetErrorCode;
  /** 1-based line of the file where the problem is, when there is one. */
  readonly line: number | undefined;

  constructor(code: SpreadsheetErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.code = code;
    this.line = line;
  }
}

/**
 * Tells a {@link SpreadsheetError} from any other thrown value, optionally of one code.
 *
 * @example
 * ```ts
 * isSpreadsheetError(err, 'FILE_TOO_LARGE'); // true when err is that error
 * ```
 */
export function isSpreadsheetError(value: unknown, code?: SpreadsheetErrorCode): value is SpreadsheetError {
  return value instanceof SpreadsheetError && (code === undefined || value.code === code);
}

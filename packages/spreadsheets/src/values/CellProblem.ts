/**
 * Codes of a bad cell or row in an import. A code never changes meaning once published; the
 * portal may translate by code and show the English `message` as the fallback.
 */
export const IMPORT_ERROR_CODES = [
  /** A mapped column is not in the header. */
  'MISSING_COLUMN',
  /** The row has fewer fields than the header, or a value past the last column. */
  'FIELD_COUNT',
  /** A required cell is empty. */
  'REQUIRED',
  'INVALID_AMOUNT',
  'INVALID_DATE',
  'INVALID_VAT_NUMBER',
  'INVALID_ENTERPRISE_NUMBER',
  'INVALID_IBAN',
  'INVALID_REFERENCE',
  /** Any other value outside what the column accepts (a currency, a language, an e-mail…). */
  'INVALID_VALUE',
  /** Two cells that disagree (a due date before the issue date, VAT above the total). */
  'INCONSISTENT',
  /** The same key (invoice number, VAT number, customer number) on an earlier line. */
  'DUPLICATE',
] as const;

/** One of {@link IMPORT_ERROR_CODES}. */
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/**
 * Thrown by a cell parser for a value it refuses; the import turns it into an import error
 * with the line and the column. @internal
 */
export class CellProblem extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

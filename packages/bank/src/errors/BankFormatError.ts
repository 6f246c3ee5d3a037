/**
 * Stable codes of {@link BankFormatError}. A code never changes meaning once published; the API
 * maps every one of them to "bad request" and shows the message to the accountant.
 */
export const BANK_FORMAT_ERROR_CODES = [
  /** The file is larger than the configured limit, or holds too many transactions. */
  'FILE_TOO_LARGE',
  /** Neither CODA nor camt.053 (or an empty file). */
  'UNKNOWN_FORMAT',
  /** An XML document type declaration or entity declaration (XXE, billion laughs): refused. */
  'XML_DTD_FORBIDDEN',
  /** The XML is not well-formed. */
  'XML_MALFORMED',
  /** A camt document of another message or an unsupported version. */
  'UNSUPPORTED_VERSION',
  /** A required element or field is absent. */
  'MISSING_ELEMENT',
  /** An amount that is not a decimal number, or finer than a cent on a transaction. */
  'INVALID_AMOUNT',
  /** A date that does not exist or is not in the expected form. */
  'INVALID_DATE',
  /** A code outside its list (CdtDbtInd, CODA sign…). */
  'INVALID_CODE',
  /** A CODA record that is not 128 characters long. */
  'CODA_LINE_LENGTH',
  /** A CODA record type that the standard does not define. */
  'CODA_UNKNOWN_RECORD',
  /** A CODA numeric field with something else than digits. */
  'CODA_NOT_NUMERIC',
  /** CODA records out of order (a 22 without its 21, a movement outside a statement…). */
  'CODA_STRUCTURE',
  /** Opening balance + credits − debits ≠ closing balance. */
  'BALANCE_MISMATCH',
  /** The CODA trailer (record 9) disagrees with the records of the file. */
  'TRAILER_MISMATCH',
  /** Amounts of a statement in another currency than its account. */
  'CURRENCY_MISMATCH',
] as const;

/** One of {@link BANK_FORMAT_ERROR_CODES}. */
export type BankFormatErrorCode = (typeof BANK_FORMAT_ERROR_CODES)[number];

/** Where in the file the problem is: a 1-based line, an element path, or both. */
export interface BankFormatLocation {
  readonly line?: number;
  /** For XML: a path such as `Stmt[1]/Ntry[3]/Amt` (1-based indexes). */
  readonly element?: string;
}

/**
 * The one error the statement parsers throw. Parsing is all-or-nothing: a file either comes back
 * whole or throws this, so a half-imported statement can never reach the ledger.
 *
 * @example
 * ```ts
 * try {
 *   parseCoda(text);
 * } catch (e) {
 *   if (e instanceof BankFormatError) console.log(e.code, e.line, e.message);
 *   // CODA_LINE_LENGTH 7 "line 7: record is 127 characters long, a CODA record has 128"
 * }
 * ```
 */
export class BankFormatError extends Error {
  override readonly name = 'BankFormatError';
  readonly code: BankFormatErrorCode;
  readonly line: number | undefined;
  readonly element: string | undefined;

  constructor(code: BankFormatErrorCode, message: string, location: BankFormatLocation = {}) {
    const where = [
      location.line !== undefined ? `line ${location.line}` : undefined,
      location.element,
    ].filter((part) => part !== undefined);
    super(where.length > 0 ? `${where.join(', ')}: ${message}` : message);
    this.code = code;
    this.line = location.line;
    this.element = location.element;
  }
}

/**
 * Tells a {@link BankFormatError} from any other thrown value, optionally of one code.
 *
 * @example
 * ```ts
 * isBankFormatError(err, 'BALANCE_MISMATCH'); // true for a statement whose totals do not add up
 * ```
 */
export function isBankFormatError(value: unknown, code?: BankFormatErrorCode): value is BankFormatError {
  return value instanceof BankFormatError && (code === undefined || value.code === code);
}

/** Throws a {@link BankFormatError}; typed `never` so it ends control flow. @internal */
export function bankFail(code: BankFormatErrorCode, message: string, location: BankFormatLocation = {}): never {
  throw new BankFormatError(code, message, location);
}

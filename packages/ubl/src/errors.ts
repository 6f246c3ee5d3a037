/** Why a UBL document could not be read. */
export type UblErrorCode =
  /** Larger than the configured limit. */
  | 'UBL_TOO_LARGE'
  /** A DOCTYPE or entity declaration (XXE, "billion laughs"): refused, never expanded. */
  | 'UBL_UNSAFE_XML'
  /** Not well-formed XML, or not decodable as UTF-8. */
  | 'UBL_MALFORMED'
  /** Well-formed, but not a UBL 2.1 Invoice or CreditNote. */
  | 'UBL_NOT_UBL'
  /** A value that cannot be read: an amount, a date, a boolean. */
  | 'UBL_INVALID_VALUE';

/**
 * The error `@fact/ubl` throws when a document cannot be read. `path` points at the element
 * (XPath-like, `/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount`) when there is one.
 *
 * @example
 * ```ts
 * try { parseUbl(xml); } catch (e) { if (e instanceof UblParseError) console.log(e.code, e.path); }
 * ```
 */
export class UblParseError extends Error {
  override readonly name = 'UblParseError';
  readonly code: UblErrorCode;
  readonly path: string | undefined;

  constructor(code: UblErrorCode, message: string, path?: string) {
    super(path ? `${path}: ${message}` : message);
    this.code = code;
    this.path = path;
  }
}

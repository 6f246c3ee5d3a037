import type { UblParseError } from '../errors.js';

/** Why a UN/CEFACT CII invoice could not be read. */
export type CiiErrorCode =
  /** Larger than the configured limit. */
  | 'CII_TOO_LARGE'
  /** A DOCTYPE or entity declaration (XXE, "billion laughs"): refused, never expanded. */
  | 'CII_UNSAFE_XML'
  /** Not well-formed XML, or not decodable as UTF-8. */
  | 'CII_MALFORMED'
  /** Well-formed, but not a `rsm:CrossIndustryInvoice` (D16B, namespace …:CrossIndustryInvoice:100). */
  | 'CII_NOT_CII'
  /** A CII dialect Fact does not read: ZUGFeRD 1.0 (`CrossIndustryDocument`). */
  | 'CII_UNSUPPORTED'
  /** A value that cannot be read: an amount, a date (or its format code), an indicator. */
  | 'CII_INVALID_VALUE';

const FROM_UBL: Readonly<Record<UblParseError['code'], CiiErrorCode>> = {
  UBL_TOO_LARGE: 'CII_TOO_LARGE',
  UBL_UNSAFE_XML: 'CII_UNSAFE_XML',
  UBL_MALFORMED: 'CII_MALFORMED',
  UBL_NOT_UBL: 'CII_NOT_CII',
  UBL_INVALID_VALUE: 'CII_INVALID_VALUE',
};

/**
 * The error `parseCii` throws when a Cross Industry Invoice cannot be read. `path` points at the
 * element (`/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString`)
 * when there is one.
 *
 * @example
 * ```ts
 * try { parseCii(xml); } catch (e) { if (e instanceof CiiParseError) console.log(e.code, e.path); }
 * ```
 */
export class CiiParseError extends Error {
  override readonly name = 'CiiParseError';
  readonly code: CiiErrorCode;
  readonly path: string | undefined;

  constructor(code: CiiErrorCode, message: string, path?: string) {
    super(path ? `${path}: ${message}` : message);
    this.code = code;
    this.path = path;
  }

  /** The same refusal from the shared safe XML reader, in CII terms. @internal */
  static fromUbl(error: UblParseError): CiiParseError {
    const message = error.path && error.message.startsWith(`${error.path}: `) ? error.message.slice(error.path.length + 2) : error.message;
    return new CiiParseError(FROM_UBL[error.code], message, error.path);
  }
}

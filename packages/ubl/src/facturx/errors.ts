/** Why a PDF could not be read as a Factur-X / ZUGFeRD invoice. */
export type FacturXErrorCode =
  /** The PDF is larger than the configured limit. */
  | 'PDF_TOO_LARGE'
  /** Not a PDF, or too broken to read (truncated, no cross-reference table that can be repaired). */
  | 'PDF_UNREADABLE'
  /** Encrypted or password protected: PDF/A-3 (and so Factur-X) forbids encryption. */
  | 'PDF_ENCRYPTED'
  /** Reading took longer than the time limit (a compression bomb, or a pathological file). */
  | 'PDF_TIMEOUT'
  /** The embedded e-invoice is larger than the limit for an XML document. */
  | 'ATTACHMENT_TOO_LARGE'
  /** An attachment named as the e-invoice (`factur-x.xml`…) holds something else. */
  | 'NOT_AN_EINVOICE'
  /** The embedded e-invoice was refused by the CII or UBL reader (see `cause`: XXE, malformed…). */
  | 'EINVOICE_UNREADABLE';

/**
 * The error `readFacturX` throws. `attachment` names the embedded file when the problem is in it;
 * `cause` is the `CiiParseError` or `UblParseError` of an embedded XML that was refused.
 *
 * @example
 * ```ts
 * try { await readFacturX(pdf); } catch (e) { if (e instanceof FacturXError) console.log(e.code, e.attachment); }
 * ```
 */
export class FacturXError extends Error {
  override readonly name = 'FacturXError';
  readonly code: FacturXErrorCode;
  readonly attachment: string | undefined;

  constructor(code: FacturXErrorCode, message: string, options: { attachment?: string; cause?: unknown } = {}) {
    super(options.attachment ? `${options.attachment}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.attachment = options.attachment;
  }
}

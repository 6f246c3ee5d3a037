/**
 * Stable error codes of `@fact/core`. A code never changes meaning once published; callers
 * (the API, the portal) map them to their own responses.
 *
 * @example
 * ```ts
 * FACT_ERROR_CODES.includes('INVALID_IBAN'); // true
 * // e.g. build an exhaustive code → HTTP status map in the API layer
 * const status = Object.fromEntries(FACT_ERROR_CODES.map((c) => [c, 422]));
 * ```
 */
export const FACT_ERROR_CODES = [
  'INVALID_AMOUNT',
  'INVALID_DATE',
  'INVALID_RANGE',
  'INVALID_QUANTITY',
  'INVALID_PERCENTAGE',
  'INVALID_ARGUMENT',
  'UNKNOWN_VAT_CATEGORY',
  'INVALID_VAT_RATE',
  'INVALID_PAYMENT_TERMS',
  'INVALID_IBAN',
  'INVALID_BIC',
  'INVALID_REFERENCE',
  'INVALID_VAT_NUMBER',
  'INVALID_ENTERPRISE_NUMBER',
  'INVALID_POLICY',
  'RATE_TABLE_GAP',
  'CURRENCY_MISMATCH',
  'PAYLOAD_TOO_LONG',
  'INVALID_AGEING_BUCKETS',
  'UNKNOWN_ITEM',
  'DUPLICATE_ID',
  'INVALID_REVERSAL',
  'INVALID_INVOICE',
  'UNSUPPORTED_CURRENCY',
] as const;

/**
 * One of {@link FACT_ERROR_CODES}: the machine-readable reason a {@link FactError} was thrown.
 *
 * @example
 * ```ts
 * const code: FactErrorCode = 'INVALID_DATE';
 * isFactError(new FactError(code, 'dueDate: "31/03" is not a YYYY-MM-DD date', 'dueDate'), code); // true
 * ```
 */
export type FactErrorCode = (typeof FACT_ERROR_CODES)[number];

/**
 * The one error type `@fact/core` throws for broken input. It carries a stable `code` and the
 * `field` that was wrong, so a caller can show the message next to the right input.
 *
 * Expected outcomes ("not due yet", "not eligible") are never errors: they are returned values.
 *
 * @example
 * ```ts
 * try {
 *   parseIban('BE00 0000');
 * } catch (e) {
 *   if (e instanceof FactError) console.log(e.code, e.field); // INVALID_IBAN iban
 * }
 * ```
 */
export class FactError extends Error {
  override readonly name = 'FactError';
  readonly code: FactErrorCode;
  /** The input that was wrong, as a path (`lines[2].quantity`), when there is one. */
  readonly field: string | undefined;

  constructor(code: FactErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/**
 * Tells a `FactError` from any other thrown value, optionally of one code.
 *
 * @example
 * ```ts
 * isFactError(err, 'INVALID_IBAN'); // true when err is a FactError with that code
 * ```
 */
export function isFactError(value: unknown, code?: FactErrorCode): value is FactError {
  return value instanceof FactError && (code === undefined || value.code === code);
}

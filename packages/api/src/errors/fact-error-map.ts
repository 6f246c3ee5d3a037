import type { FactError } from '@fact/core';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * The tRPC code for each `FactError` code that is not plain invalid input. Codes absent here are
 * broken input by definition (that is what a `FactError` is) and map to BAD_REQUEST, so a code
 * added to @fact/core later still reaches the user as a 400 with its message.
 */
const SPECIAL: Partial<Record<string, TRPC_ERROR_CODE_KEY>> = {
  // Our rate tables do not cover the period asked for: the request is fine, our data is not.
  RATE_TABLE_GAP: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LONG: 'PAYLOAD_TOO_LARGE',
};

/**
 * Maps a domain error code to a tRPC error code.
 *
 * @example
 * ```ts
 * trpcCodeForFactError(new FactError('INVALID_IBAN', 'iban: bad', 'iban')); // "BAD_REQUEST"
 * ```
 */
export function trpcCodeForFactError(error: FactError): TRPC_ERROR_CODE_KEY {
  const code: string = error.code;
  const special = SPECIAL[code];
  if (special) return special;
  if (code.endsWith('NOT_FOUND')) return 'NOT_FOUND';
  if (code.includes('CONFLICT') || code.includes('STALE') || code.includes('DUPLICATE')) return 'CONFLICT';
  if (code.includes('NOT_ALLOWED') || code.includes('PRECONDITION')) return 'PRECONDITION_FAILED';
  return 'BAD_REQUEST';
}

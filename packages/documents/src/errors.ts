import { FactError, type FactErrorCode } from '@fact/core';

/**
 * Throws the shared {@link FactError} for broken document input, with a stable code and the
 * field that was wrong (`items[1].openAmount`), like `@fact/core` does.
 *
 * @example
 * ```ts
 * if (items.length === 0) fail('INVALID_ARGUMENT', 'items', 'a reminder needs at least one invoice');
 * ```
 */
export function fail(code: FactErrorCode, field: string, message: string): never {
  throw new FactError(code, `${field}: ${message}`, field);
}

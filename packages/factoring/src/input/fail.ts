import { FactError, type FactErrorCode } from '@fact/core';

/**
 * Throws a `FactError` whose message starts with the field, as `@fact/core` does.
 *
 * @example
 * ```ts
 * fail('DUPLICATE_ID', 'invoices[3].id', '"F-1" appears twice');
 * ```
 */
export function fail(code: FactErrorCode, field: string, message: string): never {
  throw new FactError(code, `${field}: ${message}`, field);
}

import { FactError, type FactErrorCode } from './FactError.js';

/** Throws a {@link FactError}; typed `never` so it ends control flow. @internal */
export function fail(code: FactErrorCode, field: string, message: string): never {
  throw new FactError(code, `${field}: ${message}`, field);
}

/**
 * The part of a structured logger (pino's signature) the API uses. apps/api passes a pino
 * logger; tests pass a recording one.
 */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything. @example createContextInner({ ..., logger: silentLogger }) */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

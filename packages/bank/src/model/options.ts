/**
 * Limits and policies of the parsers.
 *
 * @example
 * ```ts
 * parseCamt053(xml, { maxBytes: 5_000_000, balanceCheck: 'warn' });
 * ```
 */
export interface ParseOptions {
  /** Refuse larger files before parsing them. Default 50 MiB. */
  readonly maxBytes?: number;
  /** Refuse files with more transactions. Default 200,000. */
  readonly maxTransactions?: number;
  /**
   * `strict` (default): a statement whose opening balance + movements ≠ closing balance is refused.
   * `warn`: the statement is kept and the difference is reported in `warnings`, for a bank whose
   * files are known to omit entries from the balance (the accountant decides).
   */
  readonly balanceCheck?: 'strict' | 'warn';
}

/** The options with their defaults filled in. @internal */
export interface ResolvedParseOptions {
  readonly maxBytes: number;
  readonly maxTransactions: number;
  readonly balanceCheck: 'strict' | 'warn';
}

/** Default limits: a year of daily statements of a busy account stays far below them. */
export const DEFAULT_PARSE_LIMITS: ResolvedParseOptions = {
  maxBytes: 50 * 1024 * 1024,
  maxTransactions: 200_000,
  balanceCheck: 'strict',
};

/** Fills in defaults. @internal */
export function resolveParseOptions(options: ParseOptions = {}): ResolvedParseOptions {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_PARSE_LIMITS.maxBytes,
    maxTransactions: options.maxTransactions ?? DEFAULT_PARSE_LIMITS.maxTransactions,
    balanceCheck: options.balanceCheck ?? DEFAULT_PARSE_LIMITS.balanceCheck,
  };
}

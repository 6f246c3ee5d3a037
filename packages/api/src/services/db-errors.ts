/**
 * Whether a database error is a unique-constraint violation, on either engine: SQLite
 * (`SQLITE_CONSTRAINT_UNIQUE`) or PostgreSQL (SQLSTATE 23505), also when wrapped by drizzle.
 *
 * @example
 * ```ts
 * try { await insert(); } catch (e) { if (isUniqueViolation(e)) throw apiError.conflict('…'); throw e; }
 * ```
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') return true;
  }
  return false;
}

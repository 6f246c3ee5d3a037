/** Stable codes of {@link DbError}. The API maps them to NOT_FOUND, CONFLICT, BAD_REQUEST… */
export const DB_ERROR_CODES = ['NOT_FOUND', 'STALE_VERSION', 'DUPLICATE', 'CONSTRAINT_VIOLATION', 'INVALID_STATE'] as const;
export type DbErrorCode = (typeof DB_ERROR_CODES)[number];

/**
 * What a repository throws for an expected refusal:
 * - `NOT_FOUND`: no such record **in the scope** (another company's record looks exactly missing);
 * - `STALE_VERSION`: optimistic lock lost, the record changed since it was read (reload, retry);
 * - `DUPLICATE`: a unique rule refused it (`constraint` names which one);
 * - `CONSTRAINT_VIOLATION`: a CHECK or foreign key refused it;
 * - `INVALID_STATE`: the operation does not apply (cancelling a paid invoice, over-allocating).
 *
 * @example
 * ```ts
 * try { await updateInvoice(db, scope, id, { version: 3, dueDate: '2025-07-01' }); }
 * catch (e) { if (isDbError(e, 'STALE_VERSION')) reload(); }
 * ```
 */
export class DbError extends Error {
  override readonly name = 'DbError';
  readonly code: DbErrorCode;
  /** The constraint or field concerned, when known. */
  readonly constraint: string | undefined;

  constructor(code: DbErrorCode, message: string, constraint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.constraint = constraint;
  }
}

/**
 * Tells a {@link DbError} (optionally of one code) from anything else.
 *
 * @example
 * ```ts
 * isDbError(err, 'NOT_FOUND');
 * ```
 */
export function isDbError(value: unknown, code?: DbErrorCode): value is DbError {
  return value instanceof DbError && (code === undefined || value.code === code);
}

interface DriverErrorLike {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  cause?: unknown;
}

/**
 * Turns a driver's constraint error (SQLite or PostgreSQL, possibly wrapped by drizzle) into a
 * {@link DbError}; anything else is returned unchanged.
 *
 * @example
 * ```ts
 * try { … } catch (e) { throw translateDbError(e); }
 * ```
 */
export function translateDbError(error: unknown): unknown {
  for (let e = error as DriverErrorLike | undefined, depth = 0; e && depth < 5; e = e.cause as DriverErrorLike, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    const constraint = typeof e.constraint === 'string' ? e.constraint : sqliteConstraint(message);
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      return new DbError('DUPLICATE', `duplicate: ${constraint ?? message}`, constraint, { cause: error });
    if (code === '23503' || code === '23514' || code === '23502' || code.startsWith('SQLITE_CONSTRAINT'))
      return new DbError('CONSTRAINT_VIOLATION', `refused by the database: ${constraint ?? message}`, constraint, { cause: error });
  }
  return error;
}

/** "CHECK constraint failed: invoices_amounts_sane" → the name; UNIQUE lists columns instead. */
function sqliteConstraint(message: string): string | undefined {
  const m = /constraint failed: (.+)$/.exec(message);
  return m?.[1]?.trim();
}

/** Runs `fn` and translates constraint errors. @internal */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translateDbError(e);
  }
}

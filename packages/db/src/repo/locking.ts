import { DbError } from './errors.js';

/**
 * Finishes an optimistic-locking update: `rows` is the result of
 * `update … where id = ? and company_id = ? and version = ? returning`. No row means either the
 * record is not in the scope (`NOT_FOUND`) or someone saved first (`STALE_VERSION`); `exists`
 * (a scoped lookup by id) tells which.
 *
 * @example
 * ```ts
 * return versioned('invoice', await tx.db.update(…).returning(), () => tx.db.select(…));
 * ```
 */
export async function versioned<T>(what: string, rows: T[], exists: () => Promise<unknown[]>): Promise<T> {
  if (rows[0]) return rows[0];
  if ((await exists()).length) throw new DbError('STALE_VERSION', `${what}: changed since it was read; reload and try again`, 'version');
  throw new DbError('NOT_FOUND', `${what}: not found`);
}

/** Throws NOT_FOUND when a scoped lookup found nothing. @internal */
export function found<T>(what: string, row: T | undefined): T {
  if (row === undefined) throw new DbError('NOT_FOUND', `${what}: not found`);
  return row;
}

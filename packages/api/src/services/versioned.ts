import { apiError } from '../errors/api-error.js';

/**
 * After an `UPDATE … WHERE id = ? AND version = ?` that touched no row, tells why: the record
 * is gone (NOT_FOUND) or someone saved first (CONFLICT, naming both versions).
 *
 * @example
 * ```ts
 * if (updated.length === 0) throw await whyNotUpdated('invoice', id, input.version, () => currentVersion(tx, id));
 * ```
 */
export async function whyNotUpdated(kind: string, id: string, sent: number, current: () => Promise<number | undefined>) {
  const now = await current();
  return now === undefined ? apiError.notFound(kind, id) : apiError.staleVersion(kind, sent, now);
}

import { v7 as uuidv7 } from 'uuid';

/**
 * A new record id: UUIDv7, unguessable (74 random bits) and sortable by creation time.
 *
 * @example
 * ```ts
 * newId(); // "0193a5c4-7b1e-7c2d-9f3a-…"
 * ```
 */
export function newId(): string {
  return uuidv7();
}

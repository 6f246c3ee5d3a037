import { z } from 'zod';
import { apiError } from '../errors/api-error.js';

/** Page size and the opaque cursor of the previous page. */
export const pageInput = {
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
};

/** The position after the last row of a page: its sort value and id (ties broken by id). */
export interface CursorPosition {
  value: string | number;
  id: string;
}

/** Encodes a keyset position. @example encodeCursor({ value: '2025-03-01', id }) */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor, refusing one that was not made by us (or for another sort).
 *
 * @example
 * ```ts
 * decodeCursor(encodeCursor({ value: 5, id }), 'number'); // { value: 5, id }
 * ```
 */
export function decodeCursor(cursor: string, valueType: 'string' | 'number'): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === valueType && typeof parsed[1] === 'string') {
      return { value: parsed[0] as string | number, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw apiError.badInput('cursor', 'is not a cursor from this list with this sort order; start again without a cursor');
}

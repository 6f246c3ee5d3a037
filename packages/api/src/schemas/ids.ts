import { z } from 'zod';

/**
 * A record id: a UUID (version 7 when we create it; any RFC 9562 UUID is read). Ids from
 * another tenant pass this check and are refused later, as NOT_FOUND, by the tenant guard.
 *
 * @example
 * ```ts
 * recordId.parse('01936f6e-5c1a-7d3e-8f00-0a1b2c3d4e5f');
 * ```
 */
export const recordId = z.uuid({ message: 'must be a record id (a UUID)' });

/** The optimistic-locking version a client read; a stale one gives CONFLICT. @example recordVersion.parse(3) */
export const recordVersion = z.number().int().min(1).meta({ description: 'Version read by the client (optimistic locking)' });

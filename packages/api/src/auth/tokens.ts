import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes tell a session token from an API token at a glance (and in secret scanners). */
export const SESSION_TOKEN_PREFIX = 'fs_';
export const API_TOKEN_PREFIX = 'fat_';

/**
 * A fresh bearer secret: 32 random bytes, base64url, with a prefix. Only its hash is stored.
 *
 * @example
 * ```ts
 * newToken('fs_'); // "fs_3q2-7w..." (46 characters)
 * ```
 */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token: HMAC-SHA-256 keyed with the server's SESSION_SECRET, hex. A leaked
 * table yields no usable token (nor, without the secret, a way to test guesses), and a 256-bit
 * random secret needs no slow hash.
 *
 * @example
 * ```ts
 * hashToken('fs_abc', secret).length; // 64
 * ```
 */
export function hashToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. @example sameHash(hashToken('a', s), hashToken('a', s)) // true */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

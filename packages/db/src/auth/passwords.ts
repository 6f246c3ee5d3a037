import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. The defaults follow OWASP's minimum for scrypt (N=2^17, r=8, p=1). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost new hashes get. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow that plus headroom instead of Node's 32 MiB default.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * Hashes a password with node:crypto scrypt into `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64), the form stored in `users.password_hash`.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('correct horse battery staple');
 * // "scrypt$131072$8$1$…$…"
 * ```
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Checks a password against a stored `scrypt$N$r$p$salt$hash`, in constant time. A malformed
 * stored value verifies as false (never throws), so a broken row cannot be used to sign in.
 *
 * @example
 * ```ts
 * await verifyPassword('correct horse battery staple', stored); // true
 * await verifyPassword('wrong', stored); // false
 * ```
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

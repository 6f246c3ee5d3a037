// The step between the password and the second factor: a short-lived token, signed with the
// server secret, that says "this user gave the right password". It opens no session. It is bound
// to the user's last accepted TOTP step, so once any code has been accepted (this log-in, or
// another) it no longer works: single use without a table.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const PENDING_LOGIN_PREFIX = 'fp_';
/** Long enough to open the app and type six digits. */
export const PENDING_LOGIN_TTL_MS = 5 * 60_000;

/** What a valid pending-login token says. */
export interface PendingLogin {
  readonly userId: string;
  /** `users.totp_last_step` when the password was checked (-1 for none). */
  readonly lastStep: number;
  readonly expiresAt: Date;
}

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`pending-login\n${payload}`, 'utf8').digest();
}

/**
 * Signs a pending log-in.
 *
 * @example
 * ```ts
 * const token = signPendingLogin({ userId, lastStep: -1, expiresAt }, secret); // "fp_…"
 * ```
 */
export function signPendingLogin(pending: PendingLogin, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ u: pending.userId, s: pending.lastStep, e: pending.expiresAt.getTime(), n: randomBytes(12).toString('base64url') })).toString('base64url');
  return `${PENDING_LOGIN_PREFIX}${payload}.${mac(payload, secret).toString('base64url')}`;
}

/**
 * Reads a pending log-in: null when the signature is wrong, the token malformed or expired.
 *
 * @example
 * ```ts
 * readPendingLogin(token, secret, now); // { userId, lastStep, expiresAt } | null
 * ```
 */
export function readPendingLogin(token: string, secret: string, now: Date): PendingLogin | null {
  if (!token.startsWith(PENDING_LOGIN_PREFIX)) return null;
  const [payload, signature, extra] = token.slice(PENDING_LOGIN_PREFIX.length).split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { u, s, e } = (body ?? {}) as { u?: unknown; s?: unknown; e?: unknown };
  if (typeof u !== 'string' || typeof s !== 'number' || typeof e !== 'number') return null;
  if (e <= now.getTime()) return null;
  return { userId: u, lastStep: s, expiresAt: new Date(e) };
}

// Log-in rate limiting and lock-out in @fact/db's `login_attempts` table, so every API instance
// and the portal (which call the same database) see the same counts: five wrong passwords on one
// instance lock the next attempt on any other.
import { createHmac } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db.js';

/**
 * How many failures lock what, and for how long. `perAddress` counts one e-mail from one client
 * address (the common case: someone guessing from one place); `perEmail` counts one e-mail from
 * everywhere (a guess spread over many addresses), higher so that a stranger cannot lock a person
 * out as cheaply.
 */
export interface LoginThrottlePolicy {
  readonly perAddress: number;
  readonly perEmail: number;
  /** A count starts with its first failure and is forgotten this long after it. */
  readonly windowMs: number;
  /** How long a key stays locked once its limit is reached. */
  readonly lockMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginThrottlePolicy = { perAddress: 5, perEmail: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The two rows one attempt counts in. Keys are keyed hashes: the table never holds an e-mail. */
export interface ThrottleKeys {
  readonly email: string;
  readonly emailAddress: string;
}

/**
 * The throttle keys of an attempt: HMAC-SHA-256 (keyed with the server secret) of the normalised
 * e-mail, and of the e-mail with the client address.
 *
 * @example
 * ```ts
 * throttleKeys('Ann@Firm.be ', '203.0.113.7', secret).email === throttleKeys('ann@firm.be', '10.0.0.1', secret).email; // true
 * ```
 */
export function throttleKeys(email: string, ip: string, secret: string): ThrottleKeys {
  const normal = email.trim().toLowerCase();
  const mac = (text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
  return { email: `e:${mac(`login-email\n${normal}`)}`, emailAddress: `ea:${mac(`login-email-address\n${normal}\n${ip}`)}` };
}

/**
 * Whether an attempt may be made now: refused while either key is locked, with the seconds until
 * the later lock ends.
 *
 * @example
 * ```ts
 * const verdict = await loginAllowed(db, keys, now); // { allowed: true } | { allowed: false, retryAfterSeconds: 840 }
 * ```
 */
export async function loginAllowed(db: Database, keys: ThrottleKeys, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const t = db.tables.loginAttempts;
  const rows = await db.db
    .select({ lockedUntil: t.lockedUntil })
    .from(t)
    .where(and(inArray(t.key, [keys.email, keys.emailAddress]), gt(t.lockedUntil, now)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/**
 * Counts a failed attempt in both keys and locks a key that reaches its limit. Each step is one
 * statement that the database applies atomically (an upsert that adds one), so two instances
 * counting at the same moment never lose a failure.
 *
 * @example
 * ```ts
 * await recordLoginFailure(db, keys, DEFAULT_LOGIN_POLICY, now);
 * ```
 */
export async function recordLoginFailure(db: Database, keys: ThrottleKeys, policy: LoginThrottlePolicy, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  await db.transaction(async (tx) => {
    const t = tx.tables.loginAttempts;
    for (const [key, limit] of [
      [keys.emailAddress, policy.perAddress],
      [keys.email, policy.perEmail],
    ] as const) {
      // A window that has passed (and is not locked) starts again from this failure.
      await tx.db
        .update(t)
        .set({ failures: 0, windowStartedAt: now, lockedUntil: null })
        .where(and(eq(t.key, key), lte(t.windowStartedAt, windowStart), or(isNull(t.lockedUntil), lte(t.lockedUntil, now))));
      const [row] = await tx.db
        .insert(t)
        .values({ key, failures: 1, windowStartedAt: now })
        .onConflictDoUpdate({ target: t.key, set: { failures: sql`${t.failures} + 1` } })
        .returning({ failures: t.failures });
      if ((row?.failures ?? 0) >= limit) {
        await tx.db
          .update(t)
          .set({ lockedUntil: lockUntil })
          .where(and(eq(t.key, key), or(isNull(t.lockedUntil), lte(t.lockedUntil, now))));
      }
    }
  });
}

/**
 * A successful log-in forgets the failures of that e-mail from that address. The e-mail-wide
 * count runs out with its window: a guess spread over many addresses is not undone by one success.
 *
 * @example
 * ```ts
 * await recordLoginSuccess(db, keys);
 * ```
 */
export async function recordLoginSuccess(db: Database, keys: ThrottleKeys): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx.tables.loginAttempts;
    await tx.db.delete(t).where(eq(t.key, keys.emailAddress));
  });
}

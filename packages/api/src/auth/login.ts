// Log-in, in one or two steps: the password, then (when the user has turned it on) a TOTP code.
// No session exists before both are right. Failures of either step count in the shared throttle.
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from '@fact/db';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Context } from '../context.js';
import type { Database } from '../db.js';
import { appendAudit } from '../services/audit.js';
import { loginAllowed, recordLoginFailure, recordLoginSuccess, throttleKeys, type ThrottleKeys } from './login-throttle.js';
import { PENDING_LOGIN_TTL_MS, readPendingLogin, signPendingLogin } from './pending-login.js';
import { closeSession, loadAuthUser, openSession } from './sessions.js';
import { matchTotp } from './totp.js';
import type { AuthUser } from './user.js';

const WRONG = 'The email address or password is not correct.';
const WRONG_CODE = 'That code is not correct, or it was already used. Enter the code your authenticator app shows now.';
const STALE_STEP = 'This log-in step has expired or was already used. Log in again with your password.';

let dummyHash: Promise<string> | undefined;
/** Verifying against a throw-away hash keeps "unknown email" as slow as "wrong password". */
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password', DEFAULT_SCRYPT_COST);
  return dummyHash;
}

/** The caller's profile as log-in returns it. */
export function profile(user: AuthUser) {
  return { id: user.id, email: user.email, name: user.name, memberships: [...user.memberships] };
}

/** What a log-in step gives back: a session, or the request for a second factor. */
export type LoginOutcome =
  | { status: 'signedIn'; token: string; expiresAt: string; user: ReturnType<typeof profile> | null }
  | { status: 'totpRequired'; pendingToken: string; expiresAt: string };

async function refuseWhileLocked(ctx: Context, keys: ThrottleKeys, now: Date): Promise<void> {
  const limit = await loginAllowed(ctx.db, keys, now);
  if (!limit.allowed) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many failed log-ins for this email address. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s).`,
    });
  }
}

/**
 * Opens the session, in one transaction with its audit entry. Rotation: a session the request
 * already carried (a token planted in the browser, or the previous user's) is closed, so the
 * token in use after log-in is always one the server has just made.
 */
async function openFreshSession(ctx: Context, userId: string, now: Date, via: 'password' | 'totp'): Promise<LoginOutcome> {
  const previous = ctx.user?.via.kind === 'session' ? { userId: ctx.user.id, sessionId: ctx.user.via.sessionId } : null;
  const session = await ctx.db.transaction(async (tx) => {
    if (previous) await closeSession(tx, previous.userId, previous.sessionId);
    const opened = await openSession(tx, userId, { now, ttlMs: ctx.settings.sessionTtlMs, secret: ctx.settings.tokenSecret });
    await appendAudit(tx, { companyId: null, actorUserId: userId, action: 'auth.login', entityType: 'user', entityId: userId, at: now, after: { ip: ctx.request.ip, factors: via === 'totp' ? ['password', 'totp'] : ['password'] } });
    return opened;
  });
  const user = await loadAuthUser(ctx.db, userId, { kind: 'session', sessionId: session.sessionId });
  return { status: 'signedIn', token: session.token, expiresAt: session.expiresAt.toISOString(), user: user && profile(user) };
}

/**
 * The first step: e-mail and password. A user with TOTP on gets a pending-login token instead of
 * a session.
 *
 * @example
 * ```ts
 * const outcome = await passwordLogin(ctx, 'anna@kantoor.be', 'secret'); // { status: 'signedIn', token } | { status: 'totpRequired', pendingToken }
 * ```
 */
export async function passwordLogin(ctx: Context, email: string, password: string): Promise<LoginOutcome> {
  const now = ctx.clock();
  const keys = throttleKeys(email, ctx.request.ip, ctx.settings.tokenSecret);
  await refuseWhileLocked(ctx, keys, now);
  const u = ctx.db.tables.users;
  const rows = await ctx.db.db
    .select({ id: u.id, passwordHash: u.passwordHash, disabled: u.disabled, totpEnabledAt: u.totpEnabledAt, totpLastStep: u.totpLastStep })
    .from(u)
    .where(eq(u.email, email))
    .limit(1);
  const row = rows[0];
  const ok = await verifyPassword(password, row?.passwordHash ?? (await timingDummy()));
  if (!row || !ok || row.disabled) {
    await recordLoginFailure(ctx.db, keys, ctx.settings.loginPolicy, now);
    ctx.logger.warn({ ip: ctx.request.ip }, 'failed log-in');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG });
  }
  if (row.totpEnabledAt) {
    const expiresAt = new Date(now.getTime() + PENDING_LOGIN_TTL_MS);
    const pendingToken = signPendingLogin({ userId: row.id, lastStep: row.totpLastStep ?? -1, expiresAt }, ctx.settings.tokenSecret);
    return { status: 'totpRequired', pendingToken, expiresAt: expiresAt.toISOString() };
  }
  await recordLoginSuccess(ctx.db, keys);
  return openFreshSession(ctx, row.id, now, 'password');
}

/**
 * Records `step` as the user's last accepted TOTP step, only if it is later than the one before:
 * one statement, so two requests with the same code cannot both pass. False for a replay.
 *
 * @example
 * ```ts
 * await acceptTotpStep(tx, userId, 58_000_000); // true once, then false
 * ```
 */
export async function acceptTotpStep(db: Database, userId: string, step: number, extra: { totpEnabledAt?: Date } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const u = tx.tables.users;
    const updated = await tx.db
      .update(u)
      .set({ totpLastStep: step, ...extra })
      .where(and(eq(u.id, userId), or(isNull(u.totpLastStep), lt(u.totpLastStep, step))))
      .returning({ id: u.id });
    return updated.length > 0;
  });
}

/**
 * The second step: the pending-login token and the current code. A wrong or replayed code counts
 * as a failed log-in (five lock the e-mail like wrong passwords do).
 *
 * @example
 * ```ts
 * const { token } = await totpLogin(ctx, pendingToken, '287082');
 * ```
 */
export async function totpLogin(ctx: Context, pendingToken: string, code: string): Promise<LoginOutcome> {
  const now = ctx.clock();
  const pending = readPendingLogin(pendingToken, ctx.settings.tokenSecret, now);
  if (!pending) throw new TRPCError({ code: 'UNAUTHORIZED', message: STALE_STEP });
  const u = ctx.db.tables.users;
  const rows = await ctx.db.db
    .select({ id: u.id, email: u.email, disabled: u.disabled, secret: u.totpSecret, enabledAt: u.totpEnabledAt, lastStep: u.totpLastStep })
    .from(u)
    .where(eq(u.id, pending.userId))
    .limit(1);
  const row = rows[0];
  // A code accepted since the password step (this token used, or another log-in) ends the token.
  if (!row || row.disabled || !row.secret || !row.enabledAt || (row.lastStep ?? -1) !== pending.lastStep) throw new TRPCError({ code: 'UNAUTHORIZED', message: STALE_STEP });
  const keys = throttleKeys(row.email, ctx.request.ip, ctx.settings.tokenSecret);
  await refuseWhileLocked(ctx, keys, now);
  const step = matchTotp(row.secret, code, now);
  if (step === null || !(await acceptTotpStep(ctx.db, row.id, step))) {
    await recordLoginFailure(ctx.db, keys, ctx.settings.loginPolicy, now);
    ctx.logger.warn({ ip: ctx.request.ip }, 'failed second factor');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CODE });
  }
  await recordLoginSuccess(ctx.db, keys);
  return openFreshSession(ctx, row.id, now, 'totp');
}

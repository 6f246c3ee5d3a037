import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db.js';
import { hashToken, newToken, SESSION_TOKEN_PREFIX } from './tokens.js';
import type { AuthUser, AuthVia, Membership } from './user.js';

/** The memberships of a user, as the tenant guard reads them. @example await loadMemberships(db, userId) */
export async function loadMemberships(db: Database, userId: string): Promise<Membership[]> {
  const m = db.tables.memberships;
  const rows = await db.db
    .select({ role: m.role, firmId: m.firmId, companyId: m.companyId })
    .from(m)
    .where(eq(m.userId, userId))
    .orderBy(asc(m.createdAt));
  return rows.map((r) => ({ role: r.role, firmId: r.firmId ?? null, companyId: r.companyId ?? null }));
}

/**
 * The user behind a user id, with memberships, or null when unknown or disabled.
 *
 * @example
 * ```ts
 * const user = await loadAuthUser(db, userId, { kind: 'internal' });
 * ```
 */
export async function loadAuthUser(db: Database, userId: string, via: AuthVia): Promise<AuthUser | null> {
  const u = db.tables.users;
  const rows = await db.db.select({ id: u.id, email: u.email, name: u.name, disabled: u.disabled }).from(u).where(eq(u.id, userId)).limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  return { id: row.id, email: row.email, name: row.name, memberships: await loadMemberships(db, row.id), via };
}

/**
 * Opens a session for a user: a fresh 32-byte token for the client, only its hash stored, with
 * an expiry. Runs inside the caller's transaction when given one.
 *
 * @example
 * ```ts
 * const { token, expiresAt } = await openSession(tx, userId, { now, ttlMs, secret });
 * ```
 */
export async function openSession(
  db: Database,
  userId: string,
  options: { now: Date; ttlMs: number; secret: string },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken(SESSION_TOKEN_PREFIX);
  const sessionId = hashToken(token, options.secret);
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  await db.db.insert(db.tables.sessions).values({ id: sessionId, userId, createdAt: options.now, expiresAt });
  return { token, sessionId, expiresAt };
}

/**
 * The signed-in user for a session token, or null when the token is unknown or expired.
 *
 * @example
 * ```ts
 * const user = await authenticateSession(db, 'fs_…', { now, secret });
 * ```
 */
export async function authenticateSession(db: Database, token: string, options: { now: Date; secret: string }): Promise<AuthUser | null> {
  if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
  const s = db.tables.sessions;
  const sessionId = hashToken(token, options.secret);
  const rows = await db.db
    .select({ userId: s.userId })
    .from(s)
    .where(and(eq(s.id, sessionId), gt(s.expiresAt, options.now)))
    .limit(1);
  const row = rows[0];
  return row ? loadAuthUser(db, row.userId, { kind: 'session', sessionId }) : null;
}

/** The live sessions of a user, newest last. @example await listSessions(db, userId, now) */
export async function listSessions(db: Database, userId: string, now: Date): Promise<{ id: string; createdAt: Date; expiresAt: Date }[]> {
  const s = db.tables.sessions;
  return db.db
    .select({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt })
    .from(s)
    .where(and(eq(s.userId, userId), gt(s.expiresAt, now)))
    .orderBy(asc(s.createdAt));
}

/** Ends one session of a user (log out). @example await closeSession(tx, userId, sessionId) */
export async function closeSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const s = db.tables.sessions;
  const deleted = await db.db
    .delete(s)
    .where(and(eq(s.id, sessionId), eq(s.userId, userId)))
    .returning({ id: s.id });
  return deleted.length > 0;
}

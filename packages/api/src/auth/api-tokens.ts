// API tokens for non-browser clients, in @fact/db's `api_tokens` table: id = HMAC of the token
// (the secret is shown once, at creation), owner, name, scopes, expiry, revocation.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db.js';
import { API_TOKEN_PREFIX, hashToken, newToken } from './tokens.js';
import { TOKEN_SCOPES, type AuthUser, type TokenScope } from './user.js';
import { loadAuthUser } from './sessions.js';

/** An API token as its owner sees it (never the secret after creation). */
export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

function knownScopes(scopes: unknown): TokenScope[] {
  return Array.isArray(scopes) ? scopes.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly unknown[]).includes(s)) : [];
}

/**
 * Creates an API token for a user: returns the secret once; stores only its hash.
 *
 * @example
 * ```ts
 * const { token } = await createApiToken(tx, user.id, { name: 'ERP sync', scopes: ['read'], now, expiresAt, secret });
 * ```
 */
export async function createApiToken(
  db: Database,
  userId: string,
  options: { name: string; scopes: TokenScope[]; now: Date; expiresAt: Date; secret: string },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = newToken(API_TOKEN_PREFIX);
  const id = hashToken(token, options.secret);
  await db.db.insert(db.tables.apiTokens).values({ id, userId, name: options.name, scopes: options.scopes, createdAt: options.now, expiresAt: options.expiresAt });
  return { token, info: { id, name: options.name, scopes: options.scopes, createdAt: options.now, expiresAt: options.expiresAt, lastUsedAt: null } };
}

/** The live API tokens of a user, newest first. @example await listApiTokens(db, userId, now) */
export async function listApiTokens(db: Database, userId: string, now: Date): Promise<ApiTokenInfo[]> {
  const t = db.tables.apiTokens;
  const rows = await db.db
    .select()
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.revokedAt), gt(t.expiresAt, now)))
    .orderBy(desc(t.createdAt));
  return rows.map((r) => ({ id: r.id, name: r.name, scopes: knownScopes(r.scopes), createdAt: r.createdAt, expiresAt: r.expiresAt, lastUsedAt: r.lastUsedAt ?? null }));
}

/** The owner of a live (not revoked) API token id, or null. @example await findApiTokenOwner(db, id) */
export async function findApiTokenOwner(db: Database, tokenId: string): Promise<string | null> {
  const t = db.tables.apiTokens;
  const rows = await db.db.select({ userId: t.userId }).from(t).where(and(eq(t.id, tokenId), isNull(t.revokedAt))).limit(1);
  return rows[0]?.userId ?? null;
}

/** Revokes a token: it stops working at once; the row stays. @example await revokeApiToken(tx, userId, id, now) */
export async function revokeApiToken(db: Database, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const t = db.tables.apiTokens;
  const updated = await db.db
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.id, tokenId), eq(t.userId, userId), isNull(t.revokedAt)))
    .returning({ id: t.id });
  return updated.length > 0;
}

/**
 * The user behind an API token (with its scopes), or null when unknown, expired or revoked.
 *
 * @example
 * ```ts
 * const user = await authenticateApiToken(db, 'fat_…', { now, secret });
 * ```
 */
export async function authenticateApiToken(db: Database, token: string, options: { now: Date; secret: string }): Promise<AuthUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const t = db.tables.apiTokens;
  const id = hashToken(token, options.secret);
  const rows = await db.db
    .select({ userId: t.userId, scopes: t.scopes })
    .from(t)
    .where(and(eq(t.id, id), isNull(t.revokedAt), gt(t.expiresAt, options.now)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return loadAuthUser(db, row.userId, { kind: 'token', tokenId: id, scopes: knownScopes(row.scopes) });
}

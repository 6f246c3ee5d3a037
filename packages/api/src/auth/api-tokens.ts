// API tokens for non-browser clients.
//
// STOPGAP, marked on purpose: @fact/db has no `api_tokens` table yet, and this package may not
// add schema. A token is therefore stored as a row of `sessions` (id = HMAC of the token, user,
// expiry) and its name and scopes as the `api_token.create` entry of the append-only audit log
// (entity_id = that id). Revoking deletes the session row and appends `api_token.revoke`.
// Everything about that storage lives in this file: moving to a real table changes only it.
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db.js';
import { API_TOKEN_PREFIX, hashToken, newToken } from './tokens.js';
import type { AuthUser, TokenScope } from './user.js';
import { loadAuthUser } from './sessions.js';

const ENTITY = 'api_token';

interface TokenFacts {
  name: string;
  scopes: TokenScope[];
}

/** An API token as its owner sees it (never the secret after creation). */
export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date;
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
  const t = db.tables;
  await db.db.insert(t.sessions).values({ id, userId, createdAt: options.now, expiresAt: options.expiresAt });
  const facts: TokenFacts = { name: options.name, scopes: options.scopes };
  await db.db.insert(t.auditLog).values({
    id: uuidv7(),
    actorUserId: userId,
    action: 'api_token.create',
    entityType: ENTITY,
    entityId: id,
    at: options.now,
    after: facts,
  });
  return { token, info: { id, name: options.name, scopes: options.scopes, createdAt: options.now, expiresAt: options.expiresAt } };
}

async function factsOf(db: Database, ids: string[]): Promise<Map<string, TokenFacts>> {
  if (ids.length === 0) return new Map();
  const a = db.tables.auditLog;
  const rows = await db.db
    .select({ entityId: a.entityId, after: a.after })
    .from(a)
    .where(and(eq(a.entityType, ENTITY), eq(a.action, 'api_token.create'), inArray(a.entityId, ids)));
  return new Map(rows.map((r) => [r.entityId, r.after as TokenFacts]));
}

/** The ids (hashes) of sessions rows that are API tokens, among `ids`. @example await apiTokenIds(db, ids) */
export async function apiTokenIds(db: Database, ids: string[]): Promise<Set<string>> {
  return new Set((await factsOf(db, ids)).keys());
}

/** The live API tokens of a user, newest first. @example await listApiTokens(db, userId, now) */
export async function listApiTokens(db: Database, userId: string, now: Date): Promise<ApiTokenInfo[]> {
  const s = db.tables.sessions;
  const rows = await db.db
    .select({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt })
    .from(s)
    .where(and(eq(s.userId, userId), gt(s.expiresAt, now)))
    .orderBy(desc(s.createdAt));
  const facts = await factsOf(db, rows.map((r) => r.id));
  return rows.flatMap((r) => {
    const f = facts.get(r.id);
    return f ? [{ id: r.id, name: f.name, scopes: f.scopes, createdAt: r.createdAt, expiresAt: r.expiresAt }] : [];
  });
}

/** The owner of a live API token id, or null. @example await findApiTokenOwner(db, id) */
export async function findApiTokenOwner(db: Database, tokenId: string): Promise<string | null> {
  const s = db.tables.sessions;
  const rows = await db.db.select({ userId: s.userId }).from(s).where(eq(s.id, tokenId)).limit(1);
  const row = rows[0];
  if (!row) return null;
  return (await factsOf(db, [tokenId])).has(tokenId) ? row.userId : null;
}

/** Revokes a token: it stops working at once. @example await revokeApiToken(tx, userId, id, now) */
export async function revokeApiToken(db: Database, userId: string, tokenId: string, now: Date): Promise<void> {
  const t = db.tables;
  await db.db.delete(t.sessions).where(and(eq(t.sessions.id, tokenId), eq(t.sessions.userId, userId)));
  await db.db.insert(t.auditLog).values({ id: uuidv7(), actorUserId: userId, action: 'api_token.revoke', entityType: ENTITY, entityId: tokenId, at: now });
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
  const s = db.tables.sessions;
  const id = hashToken(token, options.secret);
  const rows = await db.db.select({ userId: s.userId }).from(s).where(and(eq(s.id, id), gt(s.expiresAt, options.now))).limit(1);
  const row = rows[0];
  if (!row) return null;
  const facts = (await factsOf(db, [id])).get(id);
  if (!facts) return null;
  return loadAuthUser(db, row.userId, { kind: 'token', tokenId: id, scopes: facts.scopes });
}


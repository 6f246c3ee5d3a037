// The factors a firm sells to (@fact/db `factors`): created when a profile names a new one,
// with where packages go (an HTTPS endpoint and the secret its pushes are signed with). The push
// secret is sealed like the signing key and never handed out again.
import { endpointUrlProblem } from '@fact/factoring';
import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { openSecret, storeSecret } from './key-sealing.js';

const pushContext = (factorId: string) => `factor-push:${factorId}`;

/**
 * The id of the firm's factor with this name, made when there is none (inside the caller's
 * transaction; the unique (firm, name) index keeps one).
 *
 * @example
 * ```ts
 * const factorId = await ensureFactor(tx, firmId, 'Acme Factoring NV');
 * ```
 */
export async function ensureFactor(tx: Database, firmId: string, name: string): Promise<string> {
  const f = tx.tables.factors;
  await tx.db.insert(f).values({ id: uuidv7(), firmId, name }).onConflictDoNothing();
  const row = (await tx.db.select({ id: f.id }).from(f).where(and(eq(f.firmId, firmId), eq(f.name, name))).limit(1))[0];
  if (!row) throw apiError.precondition(`The factor ${name} could not be recorded; try again.`);
  return row.id;
}

const view = (r: { id: string; name: string; email: string | null; pushUrl: string | null; pushSecret: string | null; version: number }) => ({
  factorId: r.id,
  name: r.name,
  email: r.email ?? null,
  pushUrl: r.pushUrl ?? null,
  hasPushSecret: !!r.pushSecret,
  version: r.version,
});

/**
 * The firm's factors, by name (the push secret only as "set or not").
 *
 * @example
 * ```ts
 * const factors = await listFactors(db, firmId);
 * ```
 */
export async function listFactors(db: Database, firmId: string) {
  const f = db.tables.factors;
  return (await db.db.select().from(f).where(eq(f.firmId, firmId)).orderBy(asc(f.name))).map(view);
}

/** What can be changed about a factor. */
export interface FactorChange {
  readonly version: number;
  readonly email?: string | null;
  readonly pushUrl?: string | null;
  /** A new shared secret; `null` removes it; absent keeps it. */
  readonly pushSecret?: string | null;
}

/**
 * Changes a factor of the firm (optimistic version); audited without the secret. Another firm's
 * factor, or none: NOT_FOUND. An endpoint without a secret cannot be pushed to: BAD_REQUEST; nor
 * one that is not https or is a loopback/private/link-local… address (unless `allowPrivateTargets`).
 *
 * @example
 * ```ts
 * await updateFactor(db, { firmId, companyId, userId, now, keySecret }, factorId, { version: 1, pushUrl: 'https://factor.example/intake', pushSecret: s });
 * ```
 */
export async function updateFactor(
  db: Database,
  env: { firmId: string; companyId: string; userId: string; now: Date; keySecret: string | null | undefined; allowPrivateTargets?: boolean },
  factorId: string,
  change: FactorChange,
) {
  return db.transaction(async (tx) => {
    const f = tx.tables.factors;
    const row = (await tx.db.select().from(f).where(and(eq(f.id, factorId), eq(f.firmId, env.firmId))).limit(1))[0];
    if (!row) throw apiError.notFound('factor', factorId);
    if (row.version !== change.version) throw apiError.staleVersion('factor', change.version, row.version);
    const pushUrl = change.pushUrl === undefined ? row.pushUrl : change.pushUrl;
    // A new URL is checked here (no DNS: names are checked again, resolved, at every push).
    const problem = change.pushUrl ? endpointUrlProblem(change.pushUrl, { allowPrivate: env.allowPrivateTargets === true }) : null;
    if (problem) throw apiError.badInput('pushUrl', problem);
    const pushSecret = change.pushSecret === undefined ? row.pushSecret : change.pushSecret === null ? null : storeSecret(change.pushSecret, env.keySecret, pushContext(factorId));
    if (pushUrl && !pushSecret) throw apiError.badInput('pushSecret', 'is required with a push URL (the factor checks every push with it)');
    const [updated] = await tx.db
      .update(f)
      .set({ email: change.email === undefined ? row.email : change.email, pushUrl, pushSecret, version: row.version + 1 })
      .where(and(eq(f.id, factorId), eq(f.version, row.version)))
      .returning();
    if (!updated) throw apiError.staleVersion('factor', change.version, row.version + 1);
    await appendAudit(tx, {
      companyId: env.companyId,
      firmId: env.firmId,
      actorUserId: env.userId,
      action: 'factoring.factor.update',
      entityType: 'factor',
      entityId: factorId,
      at: env.now,
      before: { email: row.email, pushUrl: row.pushUrl, hasPushSecret: !!row.pushSecret },
      after: { email: updated.email, pushUrl: updated.pushUrl, hasPushSecret: !!updated.pushSecret, secretChanged: change.pushSecret !== undefined },
    });
    return view(updated);
  });
}

/**
 * Where a factor takes pushes, with the secret opened, or null when it has no endpoint.
 *
 * @example
 * ```ts
 * const endpoint = await factorEndpoint(db, factorId, settings.keySecret); // { url, secret } | null
 * ```
 */
export async function factorEndpoint(db: Database, factorId: string, keySecret: string | null | undefined): Promise<{ name: string; url: string; secret: string } | null> {
  const f = db.tables.factors;
  const row = (await db.db.select().from(f).where(eq(f.id, factorId)).limit(1))[0];
  if (!row?.pushUrl || !row.pushSecret) return null;
  return { name: row.name, url: row.pushUrl, secret: openSecret(row.pushSecret, keySecret, pushContext(factorId)) };
}

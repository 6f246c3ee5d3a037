// Handing a sold batch's package to its factor: pushed to the factor's HTTPS endpoint (signed,
// see @fact/factoring push-signature.ts) or written to the server's delivery folder. Every
// attempt is a row of @fact/db `factoring_deliveries`, claimed by inserting the next attempt
// number (a unique index: two servers never make the same attempt), then marked delivered or
// failed. A failed attempt that may succeed later carries `next_attempt_at`; the retry path
// (retryDueDeliveries, run by the worker every minute and by `fact-factoring deliveries-retry`) picks those up. The factor sees
// one idempotency key per batch, so a retry after a lost answer is stored once.
import { deliverToFolder, pushOnce, type PushAttempt } from '@fact/factoring';
import { isDbError, translateDbError } from '@fact/db';
import { and, asc, desc, eq, isNotNull, lt, lte, or } from 'drizzle-orm';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import type { DocumentStore } from '../../documents/store.js';
import { apiError } from '../../errors/api-error.js';
import { factorEndpoint } from './factors.js';
import { packageBytes, packageOf } from './package-store.js';

/** How hard to try. */
export const DELIVERY_POLICY = {
  /** Attempts made at once by a `deliver` call before leaving it to the retry path. */
  attemptsNow: 3,
  /** Wait before the second attempt of a run (doubled after). */
  backoffMs: 500,
  /** Wait before the retry path tries again, by attempts made so far (the last one repeats). */
  retryAfterMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 60 * 60_000],
  /** After this many attempts a batch is left failed, for a person to look at. */
  maxAttempts: 10,
  /** An attempt still pending after this long was interrupted (a crash): it counts as failed. */
  staleAfterMs: 10 * 60_000,
};

/** What delivering needs from the server. */
export interface DeliveryEnv {
  readonly db: Database;
  readonly documents: DocumentStore;
  readonly clock: () => Date;
  readonly keySecret?: string | null;
  /** Certificates to trust for factors' endpoints besides the system's (PEM). */
  readonly pushCa?: string | null;
  /** Allow endpoints on private addresses (FACT_PUSH_ALLOW_PRIVATE); refused by default. */
  readonly allowPrivateTargets?: boolean;
  /** Root of the folders packages are written to for factors without an endpoint. */
  readonly outboxDir?: string | null;
  /** Waits between attempts of one run; replaceable in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One attempt as the API shows it. */
export interface DeliveryAttemptView {
  attempt: number;
  target: 'folder' | 'https';
  destination: string;
  status: 'pending' | 'delivered' | 'failed';
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  at: string;
}

/**
 * The attempts to deliver a batch, oldest first.
 *
 * @example
 * ```ts
 * const attempts = await deliveriesOf(db, companyId, batchId);
 * ```
 */
export async function deliveriesOf(db: Database, companyId: string, batchId: string): Promise<DeliveryAttemptView[]> {
  const f = db.tables.factoringDeliveries;
  const rows = await db.db.select().from(f).where(and(eq(f.companyId, companyId), eq(f.batchId, batchId))).orderBy(asc(f.attempt), asc(f.createdAt));
  return rows.map((r) => ({
    attempt: r.attempt,
    target: r.target,
    destination: r.destination,
    status: r.status,
    responseStatus: r.responseStatus ?? null,
    error: r.error ?? null,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    at: r.createdAt.toISOString(),
  }));
}

/** The outcome of a deliver call. */
export interface DeliveryOutcome {
  status: 'delivered' | 'failed' | 'in-progress';
  /** True when it had been delivered before and nothing was sent now. */
  alreadyDelivered: boolean;
  target: 'folder' | 'https';
  destination: string;
  attempts: DeliveryAttemptView[];
  nextAttemptAt: string | null;
}

/**
 * Claims the next attempt, or says why not: `delivered` (someone delivered it meanwhile), `busy`
 * (an attempt is under way, or, for the retry path, the last failure is no longer due: another
 * server just made the due attempt).
 */
async function claim(
  db: Database,
  row: { companyId: string; batchId: string; target: 'folder' | 'https'; destination: string },
  at: Date,
  dueOnly: boolean,
): Promise<{ id: string; attempt: number } | 'delivered' | 'busy'> {
  try {
    return await db.transaction(async (tx) => {
      const f = tx.tables.factoringDeliveries;
      const last = (await tx.db.select().from(f).where(eq(f.batchId, row.batchId)).orderBy(desc(f.attempt)).limit(1))[0];
      if (last?.status === 'delivered') return 'delivered' as const;
      // Someone is on it right now; one left pending for long was interrupted (a crash).
      if (last?.status === 'pending' && last.createdAt.getTime() > at.getTime() - DELIVERY_POLICY.staleAfterMs) return 'busy' as const;
      if (dueOnly && last?.status === 'failed' && !(last.nextAttemptAt && last.nextAttemptAt.getTime() <= at.getTime())) return 'busy' as const;
      const attempt = (last?.attempt ?? 0) + 1;
      if (last?.status === 'pending') await tx.db.update(f).set({ status: 'failed', error: 'interrupted before an answer was recorded', nextAttemptAt: null }).where(eq(f.id, last.id));
      else if (last) await tx.db.update(f).set({ nextAttemptAt: null }).where(eq(f.id, last.id));
      const id = uuidv7();
      await tx.db.insert(f).values({ id, ...row, attempt, status: 'pending', createdAt: at });
      return { id, attempt };
    });
  } catch (error) {
    // Another server claimed this attempt number first: it is delivering now.
    if (isDbError(translateDbError(error), 'DUPLICATE')) return 'busy';
    throw error;
  }
}

function retryAt(attempt: number, now: Date): Date | null {
  if (attempt >= DELIVERY_POLICY.maxAttempts) return null;
  const waits = DELIVERY_POLICY.retryAfterMs;
  return new Date(now.getTime() + (waits[Math.min(attempt - 1, waits.length - 1)] ?? 60_000));
}

/**
 * Delivers a batch's package to its factor now: up to `attemptsNow` attempts with backoff, each
 * recorded; a failure that may pass is scheduled for the retry path. A batch delivered before is
 * not sent again. No package, or nowhere to deliver: PRECONDITION_FAILED; another company's
 * batch: NOT_FOUND.
 *
 * @example
 * ```ts
 * const outcome = await deliverBatch({ db, documents, clock, keySecret }, companyId, batchId);
 * outcome.status; // "delivered"
 * ```
 */
export async function deliverBatch(env: DeliveryEnv, companyId: string, batchId: string, attemptsNow = DELIVERY_POLICY.attemptsNow, dueOnly = false): Promise<DeliveryOutcome> {
  const { db } = env;
  const b = db.tables.factoringBatches;
  const batch = (await db.db.select().from(b).where(and(eq(b.companyId, companyId), eq(b.id, batchId))).limit(1))[0];
  if (!batch) throw apiError.notFound('factoring batch', batchId);
  const stored = await packageOf(db, companyId, batch.documentId ?? null);
  if (!stored) throw apiError.precondition(`Batch ${batch.reference} has no package on this server to deliver.`);
  const endpoint = batch.factorId ? await factorEndpoint(db, batch.factorId, env.keySecret) : null;
  if (!endpoint && !env.outboxDir) throw apiError.precondition(`The factor of batch ${batch.reference} has no push endpoint, and this server has no delivery folder (FACT_FACTORING_OUTBOX). Record the factor's HTTPS endpoint first.`);
  const target = endpoint ? 'https' : 'folder';
  const folder = env.outboxDir ? join(env.outboxDir, batch.factorId ?? 'no-factor') : '';
  const destination = endpoint ? endpoint.url : join(folder, stored.fileName);

  const before = await deliveriesOf(db, companyId, batchId);
  const done = before.find((d) => d.status === 'delivered');
  if (done) return { status: 'delivered', alreadyDelivered: true, target: done.target, destination: done.destination, attempts: before, nextAttemptAt: null };

  const bytes = Buffer.from(await packageBytes(env.documents, stored, batch.reference));
  const sleep = env.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const f = db.tables.factoringDeliveries;
  let outcome: DeliveryOutcome['status'] = 'failed';
  let nextAttemptAt: Date | null = null;
  for (let n = 0; n < attemptsNow; n++) {
    if (n > 0) await sleep(DELIVERY_POLICY.backoffMs * 2 ** (n - 1));
    const claimed = await claim(db, { companyId, batchId, target, destination }, env.clock(), dueOnly);
    if (claimed === 'delivered') {
      const attempts = await deliveriesOf(db, companyId, batchId);
      const done = attempts.find((d) => d.status === 'delivered')!;
      return { status: 'delivered', alreadyDelivered: true, target: done.target, destination: done.destination, attempts, nextAttemptAt: null };
    }
    if (claimed === 'busy') {
      outcome = 'in-progress';
      break;
    }
    let result: PushAttempt;
    if (endpoint) {
      result = await pushOnce(
        bytes,
        { url: endpoint.url, hmacKey: endpoint.secret, idempotencyKey: batch.id, now: env.clock, headers: { 'x-fact-batch-reference': batch.reference },
          allowPrivateAddresses: env.allowPrivateTargets === true,
          ...(env.pushCa ? { ca: env.pushCa } : {}),
        },
        claimed.attempt,
      );
    } else {
      try {
        await deliverToFolder(bytes, folder, stored.fileName);
        result = { attempt: claimed.attempt, delivered: true, retryable: false };
      } catch (e) {
        result = { attempt: claimed.attempt, delivered: false, error: (e as Error).message, retryable: true };
      }
    }
    nextAttemptAt = result.delivered || !result.retryable ? null : retryAt(claimed.attempt, env.clock());
    await db.transaction((tx) =>
      tx.db
        .update(f)
        .set({ status: result.delivered ? 'delivered' : 'failed', responseStatus: result.status ?? null, error: result.error ?? null, nextAttemptAt })
        .where(eq(f.id, claimed.id)),
    );
    if (result.delivered) {
      outcome = 'delivered';
      break;
    }
    if (!result.retryable || nextAttemptAt === null) break;
  }
  return { status: outcome, alreadyDelivered: false, target, destination, attempts: await deliveriesOf(db, companyId, batchId), nextAttemptAt: outcome === 'failed' ? (nextAttemptAt?.toISOString() ?? null) : null };
}

/**
 * The retry path: every batch whose last attempt failed and is due again (or was interrupted
 * while pending), one attempt each. Safe to run from several servers at once: the claim is
 * unique per attempt number and re-checks, inside its transaction, that the batch is still due
 * and not delivered, so a pass that selected a batch another pass just handled leaves it alone.
 *
 * @example
 * ```ts
 * const { tried, delivered } = await retryDueDeliveries({ db, documents, clock, keySecret });
 * ```
 */
export async function retryDueDeliveries(env: DeliveryEnv, limit = 100): Promise<{ tried: number; delivered: number; failed: { batchId: string; error: string }[] }> {
  const f = env.db.tables.factoringDeliveries;
  const now = env.clock();
  const stale = new Date(now.getTime() - DELIVERY_POLICY.staleAfterMs);
  const due = await env.db.db
    .selectDistinct({ companyId: f.companyId, batchId: f.batchId })
    .from(f)
    .where(or(and(eq(f.status, 'failed'), isNotNull(f.nextAttemptAt), lte(f.nextAttemptAt, now)), and(eq(f.status, 'pending'), lt(f.createdAt, stale))))
    .limit(limit);
  let delivered = 0;
  const failed: { batchId: string; error: string }[] = [];
  for (const d of due) {
    try {
      const outcome = await deliverBatch(env, d.companyId, d.batchId, 1, true);
      if (outcome.status === 'delivered' && !outcome.alreadyDelivered) delivered++;
      else if (outcome.status === 'failed') failed.push({ batchId: d.batchId, error: outcome.attempts.at(-1)?.error ?? 'failed' });
    } catch (e) {
      failed.push({ batchId: d.batchId, error: (e as Error).message });
    }
  }
  return { tried: due.length, delivered, failed };
}

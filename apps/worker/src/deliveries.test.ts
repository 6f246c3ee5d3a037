// The worker's factoring delivery retry pass against a real loopback HTTPS receiver (certificate
// made per run, trusted through FACT_PUSH_CA_FILE as an operator would), on a SQLite file the
// "API" and the worker(s) open with connections of their own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliveryEnvFromEnv, fileDocumentStore } from '@fact/api';
import { callerFor, factorProfile, NOW, seedTenancy, type Tenancy } from '@fact/api/testing';
import { createDb, type DbHandle } from '@fact/db';
import { httpsReceiver, type HttpsReceiver } from '@fact/factoring/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveryRetryPass, repeatEvery } from './deliveries.js';

const SECRET = 'the-factor-and-the-firm-share-this-secret';
const LATER = new Date(NOW.getTime() + 16 * 60_000); // after the first retry is due (+15 min)
const dir = mkdtempSync(join(tmpdir(), 'fact-worker-deliveries-'));
const url = `file:${join(dir, 'fact.sqlite')}`;
const documentsDir = join(dir, 'documents');
let db: DbHandle;
let tenancy: Tenancy;
let receiver: HttpsReceiver | undefined;
const opened: DbHandle[] = [];

/** The API side: a manager of company A1 on the API's own connection, loopback targets allowed. */
const api = () => callerFor(db, tenancy.users.accountantA, { documents: fileDocumentStore(documentsDir), clock: () => NOW, settings: { pushCa: receiver?.ca ?? null, pushAllowPrivate: true } });

/** A worker process: its own connection, and the delivery environment read from its environment variables. */
function worker(clock: () => Date) {
  const own = createDb(url);
  opened.push(own);
  const caFile = join(dir, 'push-ca.pem');
  writeFileSync(caFile, receiver!.ca);
  const env = deliveryEnvFromEnv({ DOCUMENTS_DIR: documentsDir, FACT_PUSH_CA_FILE: caFile, FACT_PUSH_ALLOW_PRIVATE: '1' }, { db: own, clock });
  const lines: string[] = [];
  return { env, lines, log: (l: string) => void lines.push(l) };
}

/** Sells one invoice and lets the API's first delivery fail (the receiver answers 503 three times). */
async function soldAndFailedOnce(number: string): Promise<string> {
  const c = tenancy.companyA1;
  const d = await api().debtor.create({ companyId: c, kind: 'business', name: `Debtor ${number}`, language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0428759497' });
  const inv = await api().invoice.create({
    companyId: c,
    debtorId: d.id,
    number,
    issueDate: '2025-02-20',
    dueDate: '2025-03-22',
    lines: [{ description: 'Consultancy', quantity: '1', unitPrice: '1000.00', vatRate: '21', vatCategory: 'S' }],
  });
  const sold = await api().factoring.createBatch({ companyId: c, profileId: 'acme-2025', invoiceIds: [inv.id] });
  const first = await api().factoring.deliver({ companyId: c, batchId: sold.batchId });
  expect(first).toMatchObject({ status: 'failed', nextAttemptAt: new Date(NOW.getTime() + 15 * 60_000).toISOString() });
  return sold.batchId;
}

async function pointFactorAtReceiver() {
  const [factor] = (await api().factoring.factors.list({ companyId: tenancy.companyA1 })).filter((f) => f.factorId === tenancy.factorA);
  await api().factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: receiver!.url, pushSecret: SECRET });
}

const attemptsOf = async (batchId: string) =>
  (await api().factoring.batch({ companyId: tenancy.companyA1, batchId })).deliveries.map((d) => [d.attempt, d.status, d.responseStatus]);

beforeAll(async () => {
  db = createDb(url);
  await db.migrate();
  tenancy = await seedTenancy(db);
  await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', vatNumber: 'BE0403019261', enterpriseNumber: '0403019261' }).where(eq(tx.tables.companies.id, tenancy.companyA1)));
  await api().factoring.seller.save({ companyId: tenancy.companyA1, street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
  await api().factoring.profiles.save({ companyId: tenancy.companyA1, profile: factorProfile() });
}, 120_000);
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(async () => {
  for (const h of opened) await h.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the worker retries due factoring deliveries', () => {
  it('a delivery that failed is delivered by the next pass; the attempts are recorded and logged', async () => {
    receiver = await httpsReceiver(SECRET, [503, 503, 503]);
    await pointFactorAtReceiver();
    const batchId = await soldAndFailedOnce('W-1');
    // Not due yet at NOW: the pass does nothing and says nothing.
    const early = worker(() => NOW);
    expect(await deliveryRetryPass(early.env, early.log)).toEqual({ tried: 0, delivered: 0, failed: [] });
    expect(early.lines).toEqual([]);

    const w = worker(() => LATER);
    expect(await deliveryRetryPass(w.env, w.log)).toEqual({ tried: 1, delivered: 1, failed: [] });
    expect(w.lines).toEqual(['factoring deliveries: 1 due, 1 delivered, 0 still failing']);
    expect(await attemptsOf(batchId)).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'failed', 503],
      [4, 'delivered', 201],
    ]);
    expect([...receiver.stored.keys()]).toEqual([batchId]);
    expect(receiver.requests.at(-1)?.signatureValid).toBe(true);
  }, 60_000);

  it('two workers passing at once make each due attempt once (the claim decides: unique attempt number, due and not delivered re-checked)', async () => {
    receiver = await httpsReceiver(SECRET, Array(9).fill(503));
    await pointFactorAtReceiver();
    const batches = [await soldAndFailedOnce('W-2'), await soldAndFailedOnce('W-3'), await soldAndFailedOnce('W-4')];
    const before = receiver.requests.length;
    const [a, b] = [worker(() => LATER), worker(() => LATER)];
    const passes = await Promise.all([deliveryRetryPass(a.env, a.log), deliveryRetryPass(b.env, b.log)]);
    // Both saw the three batches due, yet each batch had one attempt made (attempt 4), by one of the two.
    expect(passes.map((p) => p.tried)).toEqual([3, 3]);
    expect(receiver.requests.length - before).toBe(3);
    expect(passes.reduce((n, p) => n + p.delivered, 0)).toBe(3);
    expect(passes.flatMap((p) => p.failed)).toEqual([]);
    for (const batchId of batches) expect((await attemptsOf(batchId)).map(([n, s]) => [n, s])).toEqual([[1, 'failed'], [2, 'failed'], [3, 'failed'], [4, 'delivered']]);
    expect(new Set(receiver.stored.keys())).toEqual(new Set(batches));
  }, 60_000);

  it('a pass that cannot run is logged and does not throw', async () => {
    receiver = await httpsReceiver(SECRET);
    const w = worker(() => LATER);
    // A database that fails every query (as when it is down).
    const down = new Proxy({}, { get: () => () => { throw new Error('connection refused'); } });
    const pass = await deliveryRetryPass({ ...w.env, db: { ...w.env.db, db: down } as typeof w.env.db }, w.log);
    expect(pass).toEqual({ tried: 0, delivered: 0, failed: [], error: 'connection refused' });
    expect(w.lines).toEqual(['factoring deliveries: retry pass failed: connection refused']);
  });
});

describe('deliveryEnvFromEnv (what the worker reads)', () => {
  it('names every wrong variable at once', () => {
    expect(() => deliveryEnvFromEnv({ FACT_PUSH_CA_FILE: join(dir, 'missing.pem'), FACT_PUSH_ALLOW_PRIVATE: 'yes', FACT_KEY_SECRET: 'short' }, { db, clock: () => NOW })).toThrow(
      `Invalid delivery configuration:\n  FACT_KEY_SECRET: must be at least 32 characters (the same value as the API server)\n  FACT_PUSH_CA_FILE: ${join(dir, 'missing.pem')} cannot be read (ENOENT)\n  FACT_PUSH_ALLOW_PRIVATE: "yes" is not 1, true, 0 or false`,
    );
  });
  it('refuses private targets unless FACT_PUSH_ALLOW_PRIVATE says otherwise', () => {
    expect(deliveryEnvFromEnv({}, { db, clock: () => NOW }).allowPrivateTargets).toBe(false);
    expect(deliveryEnvFromEnv({ FACT_PUSH_ALLOW_PRIVATE: 'true', FACT_FACTORING_OUTBOX: '/srv/out' }, { db, clock: () => NOW })).toMatchObject({ allowPrivateTargets: true, outboxDir: '/srv/out', keySecret: null, pushCa: null });
  });
});

describe('repeatEvery', () => {
  it('runs at once, then on every tick, never two at once, and survives a failing run', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const stop = repeatEvery(5, async () => {
      runs++;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 12));
      running--;
      if (runs === 1) throw new Error('one bad pass');
    });
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    stop();
    expect(runs).toBeGreaterThan(2);
    expect(most).toBe(1);
  });
});

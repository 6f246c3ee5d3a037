// Delivering a sold batch to its factor through the API: pushed to the factor's HTTPS endpoint
// (a real node:https server on loopback with a certificate made for the run, trusted through
// the `ca` setting), each attempt recorded in factoring_deliveries, retried later by the retry
// path, received once per batch, and the package verified by the receiver.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '@fact/db';
import { verifyFactoringPackage } from '@fact/factoring';
import { httpsReceiver, type HttpsReceiver } from '@fact/factoring/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryDocumentStore } from '../src/documents/store.js';
import { deliverBatch, retryDueDeliveries } from '../src/services/factoring/deliveries.js';
import { DIALECTS, freshDatabase } from './databases.js';
import { factorProfile as profile } from '../src/testing/factoring.js';
import { callerFor, NOW, seedTenancy, type Tenancy } from './fixture.js';

const SECRET = 'the-factor-and-the-firm-share-this-secret';
const line = { description: 'Consultancy', quantity: '1', unitPrice: '1000.00', vatRate: '21', vatCategory: 'S' as const };

describe.each(DIALECTS)('factoring delivery on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let receiver: HttpsReceiver | undefined;
  const documents = memoryDocumentStore();
  let clock = NOW;
  /** A caller with the receiver's certificate trusted and loopback targets allowed (FACT_PUSH_ALLOW_PRIVATE, as an operator would set it). */
  const api = (settings: Record<string, unknown> = {}) => callerFor(db, tenancy.users.accountantA, { documents, clock: () => clock, settings: { pushCa: receiver?.ca ?? null, pushAllowPrivate: true, ...settings } });

  async function sellOne(number: string): Promise<{ batchId: string; reference: string; sha256: string }> {
    const c = tenancy.companyA1;
    const d = await api().debtor.create({ companyId: c, kind: 'business', name: `Debtor ${number}`, language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0428759497' });
    const inv = await api().invoice.create({ companyId: c, debtorId: d.id, number, issueDate: '2025-02-20', dueDate: '2025-03-22', lines: [line] });
    return api().factoring.createBatch({ companyId: c, profileId: 'acme-2025', invoiceIds: [inv.id] });
  }

  async function pointFactorAt(url: string, secret = SECRET) {
    const [factor] = (await api().factoring.factors.list({ companyId: tenancy.companyA1 })).filter((f) => f.factorId === tenancy.factorA);
    await api().factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: url, pushSecret: secret });
  }

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', vatNumber: 'BE0403019261', enterpriseNumber: '0403019261' }).where(eq(tx.tables.companies.id, tenancy.companyA1)));
    await api().factoring.seller.save({ companyId: tenancy.companyA1, street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
    await api().factoring.profiles.save({ companyId: tenancy.companyA1, profile: profile() });
  }, 120_000);
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    clock = NOW;
  });
  afterAll(() => dispose());

  it('refuses to deliver while the factor has no endpoint and the server no folder (nothing recorded)', async () => {
    const sold = await sellOne('D-0');
    await expect(api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('no push endpoint') });
    expect((await api().factoring.batch({ companyId: tenancy.companyA1, batchId: sold.batchId })).deliveries).toEqual([]);
  });

  it('a receiver that fails twice then accepts gets the package once, verified; the three attempts are recorded', async () => {
    receiver = await httpsReceiver(SECRET, [503, 500]);
    await pointFactorAt(receiver.url);
    const sold = await sellOne('D-1');
    const outcome = await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(outcome).toMatchObject({ status: 'delivered', alreadyDelivered: false, target: 'https', destination: receiver.url, nextAttemptAt: null });
    expect(outcome.attempts.map((a) => [a.attempt, a.status, a.responseStatus])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 500],
      [3, 'delivered', 201],
    ]);
    // Stored once, under the batch id, with a valid signature over timestamp and body on every attempt.
    expect([...receiver.stored.keys()]).toEqual([sold.batchId]);
    expect(receiver.requests.map((r) => [r.headers['idempotency-key'], r.headers['x-fact-timestamp'], r.signatureValid])).toEqual(
      Array(3).fill([sold.batchId, String(NOW.getTime() / 1000), true]),
    );
    const received = receiver.stored.get(sold.batchId)!;
    const key = await api().factoring.publicKey({ companyId: tenancy.companyA1 });
    expect((await verifyFactoringPackage(received, key!.publicKeyPem)).problems).toEqual([]);

    // Delivered once: asking again sends nothing.
    const again = await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(again).toMatchObject({ status: 'delivered', alreadyDelivered: true });
    expect(receiver.requests).toHaveLength(3);
    // The factor's user sees the attempts on its batch.
    const detail = await callerFor(db, tenancy.users.factorA1, { documents }).factoring.batch({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(detail.deliveries.map((d) => d.status)).toEqual(['failed', 'failed', 'delivered']);
  });

  it('what still fails is scheduled, and the retry path delivers it later (attempt 4), once', async () => {
    receiver = await httpsReceiver(SECRET, [503, 503, 503]);
    await pointFactorAt(receiver.url);
    const sold = await sellOne('D-2');
    const outcome = await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: new Date(NOW.getTime() + 15 * 60_000).toISOString() });
    const env = { db, documents, keySecret: null, pushCa: receiver.ca, allowPrivateTargets: true };
    // Not due yet: nothing is tried.
    expect(await retryDueDeliveries({ ...env, clock: () => new Date(NOW.getTime() + 60_000) })).toEqual({ tried: 0, delivered: 0, failed: [] });
    clock = new Date(NOW.getTime() + 16 * 60_000);
    expect(await retryDueDeliveries({ ...env, clock: () => clock })).toEqual({ tried: 1, delivered: 1, failed: [] });
    expect(await retryDueDeliveries({ ...env, clock: () => clock })).toEqual({ tried: 0, delivered: 0, failed: [] });
    const detail = await api().factoring.batch({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(detail.deliveries.map((d) => [d.attempt, d.status, d.responseStatus, d.nextAttemptAt])).toEqual([
      [1, 'failed', 503, null],
      [2, 'failed', 503, null],
      [3, 'failed', 503, null],
      [4, 'delivered', 201, null],
    ]);
    expect(receiver.stored.size).toBe(1);
  });

  it('two retry passes at once make each due attempt once, also when it fails again (no early second retry)', async () => {
    receiver = await httpsReceiver(SECRET, Array(6 + 2).fill(503));
    await pointFactorAt(receiver.url);
    const batches = [await sellOne('D-7'), await sellOne('D-8')];
    for (const b of batches) expect(await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: b.batchId })).toMatchObject({ status: 'failed' });
    const env = { db, documents, keySecret: null, pushCa: receiver.ca, allowPrivateTargets: true, clock: () => new Date(NOW.getTime() + 16 * 60_000) };
    const passes = await Promise.all([retryDueDeliveries(env), retryDueDeliveries(env)]);
    expect(receiver.requests).toHaveLength(6 + 2);
    expect(passes.reduce((n, p) => n + p.failed.length, 0)).toBe(2);
    for (const b of batches) {
      const detail = await api().factoring.batch({ companyId: tenancy.companyA1, batchId: b.batchId });
      // Attempt 4 failed once and is scheduled 60 minutes on; no attempt 5.
      expect(detail.deliveries.map((d) => [d.attempt, d.status, d.nextAttemptAt])).toEqual([
        [1, 'failed', null],
        [2, 'failed', null],
        [3, 'failed', null],
        [4, 'failed', new Date(NOW.getTime() + 16 * 60_000 + 60 * 60_000).toISOString()],
      ]);
      // A pass that had selected the batch as due and reaches it only now leaves it alone.
      expect(await deliverBatch(env, tenancy.companyA1, b.batchId, 1, true)).toMatchObject({ status: 'in-progress' });
    }
    expect(receiver.requests).toHaveLength(6 + 2);
  });

  it('with a secret the factor does not share, the receiver refuses the push (401) and it is not retried', async () => {
    receiver = await httpsReceiver(SECRET);
    await pointFactorAt(receiver.url, 'a-secret-the-factor-never-received-0123');
    const sold = await sellOne('D-3');
    const outcome = await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ attempt: 1, status: 'failed', responseStatus: 401 }] });
    expect(receiver.requests[0]?.signatureValid).toBe(false);
    expect(receiver.stored.size).toBe(0);
  });

  it('an endpoint whose certificate the server does not trust is a failed attempt, never a skipped check', async () => {
    receiver = await httpsReceiver(SECRET);
    await pointFactorAt(receiver.url);
    const sold = await sellOne('D-4');
    const outcome = await api({ pushCa: null }).factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(outcome.status).toBe('failed');
    expect(outcome.attempts[0]?.error).toMatch(/self[- ]signed|certificate/i);
    expect(receiver.requests).toHaveLength(0);
  });

  it('without an endpoint, a server with a delivery folder writes the package there', async () => {
    const [factor] = (await api().factoring.factors.list({ companyId: tenancy.companyA1 })).filter((f) => f.factorId === tenancy.factorA);
    await api().factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: null, pushSecret: null });
    const outbox = await mkdtemp(join(tmpdir(), 'fact-outbox-'));
    try {
      const sold = await sellOne('D-5');
      const outcome = await api({ factoringOutboxDir: outbox }).factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
      const target = join(outbox, tenancy.factorA, `${sold.reference}.zip`);
      expect(outcome).toMatchObject({ status: 'delivered', target: 'folder', destination: target });
      const written = await readFile(target);
      expect((await import('node:crypto')).createHash('sha256').update(written).digest('hex')).toBe(sold.sha256);
    } finally {
      await rm(outbox, { recursive: true, force: true });
    }
  });

  it('refuses, when configured, an endpoint on a loopback, private or metadata address unless the server allows private targets', async () => {
    const [factor] = (await api().factoring.factors.list({ companyId: tenancy.companyA1 })).filter((f) => f.factorId === tenancy.factorA);
    const strict = api({ pushAllowPrivate: false });
    for (const [url, reason] of [
      ['https://127.0.0.1:8443/in', '127.0.0.1 is a loopback address'],
      ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local (incl. cloud metadata 169.254.169.254) address'],
      ['https://[::ffff:10.0.0.7]/in', '::ffff:a00:7 is a private (RFC 1918) address'],
      ['https://localhost/in', 'localhost is a loopback name'],
    ]) {
      await expect(strict.factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: url, pushSecret: SECRET })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        field: 'pushUrl',
        message: expect.stringContaining(`is refused: ${reason}`),
      });
    }
    expect((await api().factoring.factors.list({ companyId: tenancy.companyA1 })).find((f) => f.factorId === tenancy.factorA)?.version).toBe(factor!.version);
  });

  it('at push time, a host name resolving to 127.0.0.1 is refused without the setting: a failed attempt naming the URL, not retried, nothing sent', async () => {
    receiver = await httpsReceiver(SECRET);
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    await pointFactorAt(url);
    const sold = await sellOne('D-6');
    const outcome = await api({ pushAllowPrivate: false }).factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId });
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ attempt: 1, status: 'failed', responseStatus: null, nextAttemptAt: null }] });
    expect(outcome.attempts[0]?.error).toMatch(new RegExp(`^push to ${url} refused: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address`));
    expect(receiver.requests).toHaveLength(0);
    // With the setting (an operator whose factor is on the private network), the same endpoint works.
    expect(await api().factoring.deliver({ companyId: tenancy.companyA1, batchId: sold.batchId })).toMatchObject({ status: 'delivered' });
  });

  it('refuses an endpoint that is not HTTPS, and a push URL without a secret', async () => {
    const [factor] = (await api().factoring.factors.list({ companyId: tenancy.companyA1 })).filter((f) => f.factorId === tenancy.factorA);
    await expect(api().factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: 'http://factor.example/in', pushSecret: SECRET })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(api().factoring.factors.update({ companyId: tenancy.companyA1, factorId: tenancy.factorA, version: factor!.version, pushUrl: 'https://factor.example/in', pushSecret: null })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'pushSecret',
    });
    // Another firm's accountant cannot reach firm A's factor through its own company.
    const other = callerFor(db, tenancy.users.accountantB);
    await expect(other.factoring.factors.update({ companyId: tenancy.companyB1, factorId: tenancy.factorA, version: 1, email: 'x@y.be' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

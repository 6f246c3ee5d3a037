// Where factoring keeps its state: profiles, signing keys, the seller's address and the package
// ZIPs are in the database and the document store, so two API instances on one database (and one
// document store) share them; private keys are sealed with FACT_KEY_SECRET; what the first release
// kept under the data directory is imported once.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditTrail, createDb, type DbHandle } from '@fact/db';
import { realPostgresUrl } from '@fact/db/testing';
import { keyId, verifyFactoringPackage } from '@fact/factoring';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDocumentStore } from '../src/documents/store.js';
import { firmSigningKey } from '../src/services/factoring/signing-keys.js';
import { importLegacyFactoringFiles } from '../src/services/factoring/legacy-files.js';
import { factorProfile as profile } from '../src/testing/factoring.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

const line = { description: 'Consultancy', quantity: '1', unitPrice: '1000.00', vatRate: '21', vatCategory: 'S' as const };
const KEY_SECRET = 'server-key-encryption-secret-0123456789abcdef';

/** Two handles on one database, as two API instances would have. */
interface Shared {
  name: string;
  open(): Promise<{ a: DbHandle; b: DbHandle; dispose: () => Promise<void> }>;
}

const engines: Shared[] = [
  {
    name: 'one SQLite file',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'fact-two-'));
      const url = `file:${join(dir, 'fact.sqlite')}`;
      const a = createDb(url);
      await a.migrate();
      const b = createDb(url);
      return { a, b, dispose: async () => (await a.close(), await b.close(), await rm(dir, { recursive: true, force: true })) };
    },
  },
];
const serverUrl = realPostgresUrl();
if (serverUrl) {
  engines.push({
    name: 'one PostgreSQL server',
    async open() {
      const name = `fact_factoring_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = createDb(serverUrl);
      await admin.all(sql.raw(`CREATE DATABASE ${name}`));
      await admin.close();
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      const a = createDb(u.toString());
      await a.migrate();
      const b = createDb(u.toString());
      return {
        a,
        b,
        dispose: async () => {
          await a.close();
          await b.close();
          const c = createDb(serverUrl);
          await c.all(sql.raw(`DROP DATABASE IF EXISTS ${name}`));
          await c.close();
        },
      };
    },
  });
}

describe.each(engines)('factoring state shared by two instances on $name', (engine) => {
  let a: DbHandle;
  let b: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let storeDir: string;
  const at = new Date('2025-03-15T09:00:00Z');
  const instance = (db: DbHandle, keySecret: string | null = KEY_SECRET) => callerFor(db, tenancy.users.accountantA, { documents: fileDocumentStore(storeDir), settings: { keySecret } });

  beforeAll(async () => {
    ({ a, b, dispose } = await engine.open());
    storeDir = await mkdtemp(join(tmpdir(), 'fact-docs-'));
    tenancy = await seedTenancy(a);
    await a.transaction((tx) => tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', vatNumber: 'BE0403019261', enterpriseNumber: '0403019261' }).where(eq(tx.tables.companies.id, tenancy.companyA1)));
  }, 120_000);
  afterAll(async () => {
    await dispose();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('makes one signing key when both instances need the firm’s first key at the same moment', async () => {
    // Two SQLite handles in ONE process would block each other (better-sqlite3 waits for a lock
    // synchronously); on SQLite the race is between callers of one handle, on PostgreSQL between instances.
    const racers = engine.name.includes('SQLite') ? [a, a, a] : [a, b, a, b];
    const keys = await Promise.all(racers.map((db) => firmSigningKey(db, tenancy.firmA, KEY_SECRET, at)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    const rows = await a.db.select().from(a.tables.signingKeys).where(eq(a.tables.signingKeys.firmId, tenancy.firmA));
    expect(rows).toHaveLength(1);
    // At rest the private key is sealed, not PEM; the public key is plain for the factor.
    expect(rows[0]?.privateKeyPem).toMatch(/^fact-sealed:v1:/);
    expect(rows[0]?.privateKeyPem).not.toContain('PRIVATE KEY');
    expect(keyId(keys[0]!.privateKeyPem)).toBe(rows[0]?.keyId);
  });

  it('refuses to sign without the secret, or with another one, naming FACT_KEY_SECRET', async () => {
    await expect(firmSigningKey(b, tenancy.firmA, null, at)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('FACT_KEY_SECRET') });
    await expect(firmSigningKey(b, tenancy.firmA, 'another-secret-another-secret-0123456789', at)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('does not open') });
  });

  it('a profile saved on one instance is read on the other, its version bumped and each save audited', async () => {
    await instance(a).factoring.profiles.save({ companyId: tenancy.companyA1, profile: profile() });
    const second = await instance(b).factoring.profiles.save({ companyId: tenancy.companyA1, profile: profile({ advancePercent: '80' }) });
    expect(second).toMatchObject({ id: 'acme-2025', version: 2, advancePercent: '80', factorId: tenancy.factorA });
    expect(await instance(a).factoring.profiles.get({ companyId: tenancy.companyA1, profileId: 'acme-2025' })).toMatchObject({ version: 2, advancePercent: '80' });
    const trail = await auditTrail(a, { companyId: tenancy.companyA1 }, 'factor_profile', 'acme-2025');
    expect(trail.map((e) => [e.action, (e.before as { version?: number } | null)?.version ?? null, (e.after as { version: number }).version])).toEqual([
      ['factoring.profile.save', null, 1],
      ['factoring.profile.save', 1, 2],
    ]);
  });

  it('refuses a stored profile that no longer validates, naming the field', async () => {
    await a.transaction((tx) =>
      tx.db.insert(tx.tables.factorProfiles).values({ id: crypto.randomUUID(), firmId: tenancy.firmA, profileKey: 'broken', profile: { ...profile({ id: 'broken' }), advancePercent: '185' } }),
    );
    await expect(instance(b).factoring.profiles.get({ companyId: tenancy.companyA1, profileId: 'broken' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'profile.advancePercent' });
    expect((await instance(b).factoring.profiles.list({ companyId: tenancy.companyA1 })).invalid.map((p) => p.id)).toEqual(['broken']);
  });

  it('sells on one instance and the other hands out the same package; a retired key still verifies it', async () => {
    await instance(a).factoring.seller.save({ companyId: tenancy.companyA1, street: 'Veldstraat 12', postalCode: '9000', city: 'Gent', email: 'boekhouding@a1.be' });
    const company = (await b.db.select().from(b.tables.companies).where(eq(b.tables.companies.id, tenancy.companyA1)))[0];
    expect([company?.address, company?.email]).toEqual([{ street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' }, 'boekhouding@a1.be']);

    const api = instance(a);
    const d = await api.debtor.create({ companyId: tenancy.companyA1, kind: 'business', name: 'Brouwerij Dijkstra BV', language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0428759497' });
    const sell = async (number: string) => {
      const inv = await api.invoice.create({ companyId: tenancy.companyA1, debtorId: d.id, number, issueDate: '2025-02-20', dueDate: '2025-03-22', lines: [line] });
      return api.factoring.createBatch({ companyId: tenancy.companyA1, profileId: 'acme-2025', invoiceIds: [inv.id] });
    };
    const first = await sell('S-1');
    const onB = await instance(b).factoring.download({ companyId: tenancy.companyA1, batchId: first.batchId });
    expect(onB.sha256).toBe(first.sha256);

    expect(await instance(b).factoring.rotateKey({ companyId: tenancy.companyA1 })).toEqual({ retiredKeyId: first.keyId });
    const second = await sell('S-2');
    expect(second.keyId).not.toBe(first.keyId);
    const keys = await instance(b).factoring.publicKeys({ companyId: tenancy.companyA1 });
    expect(keys.map((k) => [k.keyId, k.retiredAt === null])).toEqual([
      [second.keyId, true],
      [first.keyId, false],
    ]);
    const old = await instance(b).factoring.publicKey({ companyId: tenancy.companyA1, keyId: first.keyId });
    const bytes = Buffer.from(onB.contentBase64, 'base64');
    expect((await verifyFactoringPackage(bytes, old!.publicKeyPem)).ok).toBe(true);
    expect((await verifyFactoringPackage(bytes, keys[0]!.publicKeyPem)).ok).toBe(false);

    // A package changed in the store is not handed out.
    const path = join(storeDir, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    await writeFile(path, Buffer.concat([bytes, Buffer.from('tampered')]));
    await expect(instance(b).factoring.download({ companyId: tenancy.companyA1, batchId: first.batchId })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('was changed in storage') });
  });
});

describe('importing the files the first release kept under the data directory', () => {
  it('moves profiles, the key, the seller and a package into the database once, then renames the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fact-legacy-'));
    const db = createDb(`file:${join(dir, 'fact.sqlite')}`);
    await db.migrate();
    try {
      const tenancy = await seedTenancy(db);
      const store = fileDocumentStore(join(dir, 'documents'));
      const firmDir = join(dir, 'factoring', tenancy.firmA);
      const companyDir = join(firmDir, 'companies', tenancy.companyA1);
      await mkdir(join(firmDir, 'profiles'), { recursive: true });
      await mkdir(join(firmDir, 'keys'), { recursive: true });
      await mkdir(join(companyDir, 'packages'), { recursive: true });
      await writeFile(join(firmDir, 'profiles', 'acme-2025.json'), JSON.stringify(profile()));
      await writeFile(join(firmDir, 'profiles', 'broken.json'), JSON.stringify({ ...profile({ id: 'broken' }), feePercent: '-1' }));
      const pair = generateKeyPairSync('ed25519');
      await writeFile(join(firmDir, 'keys', 'firm-ed25519.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      await writeFile(join(companyDir, 'seller.json'), JSON.stringify({ street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' }));
      // A batch recorded in the ledger whose package lived beside it.
      const batchId = crypto.randomUUID();
      await db.transaction((tx) => tx.db.insert(tx.tables.factoringBatches).values({ id: batchId, companyId: tenancy.companyA1, factorName: 'Factor NV', reference: 'FB-20250301-abcd1234', status: 'accepted', createdOn: '2025-03-01' }));
      const zip = Buffer.from('PK\u0003\u0004 the old package');
      await writeFile(join(companyDir, 'packages', 'FB-20250301-abcd1234.zip'), zip);
      const sha = (await import('node:crypto')).createHash('sha256').update(zip).digest('hex');
      await writeFile(join(companyDir, 'packages', 'FB-20250301-abcd1234.json'), JSON.stringify({ sha256: sha, profileId: 'acme-2025' }));

      const done = await importLegacyFactoringFiles({ db, documents: store, keySecret: KEY_SECRET, now: new Date('2025-03-15T09:00:00Z') }, dir);
      expect(done).toMatchObject({ profiles: 1, keys: 1, sellers: 1, packages: 1, movedTo: join(dir, 'factoring.imported') });
      expect(done.skipped).toEqual([expect.stringMatching(/^profile .*broken\.json: profile\.feePercent/)]);
      expect(await readdir(dir)).toContain('factoring.imported');
      await expect(stat(join(dir, 'factoring'))).rejects.toMatchObject({ code: 'ENOENT' });

      const key = (await db.db.select().from(db.tables.signingKeys))[0];
      expect(key?.keyId).toBe(keyId(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()));
      expect(key?.privateKeyPem).toMatch(/^fact-sealed:v1:/);
      const batch = (await db.db.select().from(db.tables.factoringBatches).where(eq(db.tables.factoringBatches.id, batchId)))[0];
      expect(batch).toMatchObject({ profileKey: 'acme-2025', factorId: tenancy.factorA });
      const api = callerFor(db, tenancy.users.accountantA, { documents: store });
      expect((await api.factoring.download({ companyId: tenancy.companyA1, batchId })).sha256).toBe(sha);
      expect(await api.factoring.seller.get({ companyId: tenancy.companyA1 })).toEqual({ street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
      // A second run finds nothing left to import.
      expect(await importLegacyFactoringFiles({ db, documents: store, now: new Date() }, dir)).toMatchObject({ profiles: 0, keys: 0, packages: 0, movedTo: null });
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

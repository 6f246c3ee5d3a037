// Two API server processes on one real PostgreSQL database under concurrent load from autocannon
// (bounded: a few seconds, loopback only): no lost updates, no duplicate payments or reminders,
// stale-version writes refused with CONFLICT. Skipped without TEST_POSTGRES_URL (CI sets it).
// The longer run with figures is `pnpm bench` (bench/two-instances.bench.ts).
import { join } from 'node:path';
import { realPostgresUrl } from '@fact/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, drive, seedForLoad, startInstance, verify, type Instance, type LoadPlan } from './load/harness.js';
import { throwAwayDatabase } from './support/postgres.js';

describe.skipIf(!realPostgresUrl())('two API instances on one PostgreSQL under load', () => {
  let url: string;
  let drop: () => Promise<void>;
  let plan: LoadPlan;
  let data: ReturnType<typeof dataDir>;
  const instances: Instance[] = [];

  beforeAll(async () => {
    ({ url, drop } = await throwAwayDatabase(realPostgresUrl()!));
    plan = await seedForLoad(url);
    data = dataDir();
    const env = { DATABASE_URL: url, FACT_DATA_DIR: data.dir, DOCUMENTS_DIR: join(data.dir, 'documents') };
    instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await drop?.();
    data?.remove();
  });

  it('keeps every payment once, applies each version once and sends each reminder once', async () => {
    const { figures, ledger } = await drive(instances, plan, { seconds: Number(process.env.LOAD_SECONDS ?? 10), connections: 4 });
    const { problems, summary } = await verify(url, plan, ledger, join(data.dir, 'outbox'));
    console.log(JSON.stringify({ figures, summary }));
    expect(problems).toEqual([]);
    expect(figures.every((f) => f.requests >= 5 && f.errors === 0), JSON.stringify(figures)).toBe(true);
    // The mix contended for real: payments refused as duplicates, stale versions refused, reminders sent.
    expect(summary.paymentsOk).toBeGreaterThan(2);
    expect(summary.paymentsRefused).toBeGreaterThan(0);
    expect(summary.updatesApplied).toBeGreaterThan(0);
    expect(summary.updatesConflict).toBeGreaterThan(0);
    expect(summary.remindersSent).toBeGreaterThan(0);
  }, 300_000);
});

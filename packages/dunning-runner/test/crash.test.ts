import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, listDunningEvents } from '@fact/db';
import { loadOutbox } from '../src/index.js';
import { openDb, seed, tempDir, type Seeded } from '../src/testing/seed.js';
import { deliveredLog, POINTS, rng, runChild as spawnChild } from './children.js';

const root = tempDir('fact-crash-');
const template = join(root, 'template.sqlite');
const runChild = (dbFile: string, dir: string, env: Record<string, string>, killAfterMs?: number) => spawnChild(dbFile, dir, AS_OF, seeded.companies.map((c) => c.id), env, killAfterMs);
const AS_OF = '2025-04-10';
let seeded: Seeded;

/** Every key in the outbox with its state, and how many `sent` history rows (dunning events) each has. */
async function outcome(dbFile: string) {
  const db = createDb(`file:${dbFile}`);
  const keys = new Map<string, string>();
  const sentRows = new Map<string, number>();
  for (const c of seeded.companies) {
    for (const [key, e] of await loadOutbox(db, c.id)) keys.set(key, e.state);
    for (const d of seeded.debtors.filter((x) => x.companyId === c.id)) {
      for (const ev of await listDunningEvents(db, { companyId: c.id }, { debtorId: d.id })) {
        const mark = ev.explanation?.['outbox'] as { key: string; state: string } | undefined;
        if (mark?.state === 'sent' && ev.action !== 'note') sentRows.set(mark.key, (sentRows.get(mark.key) ?? 0) + 1);
      }
    }
  }
  await db.close();
  return { keys, sentRows };
}

beforeAll(async () => {
  const db = await openDb(template);
  seeded = await seed(db, { companies: 2, debtorsPerCompany: 4 });
  await db.close();
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('crash safety: a killed runner, restarted, delivers every planned reminder exactly once (.eml outbox)', () => {
  const RUNS = Number(process.env['CRASH_RUNS'] ?? '50');
  it(`${RUNS} runs killed at random points`, async () => {
    const random = rng(20251123);
    let kills = 0;
    let deliveredTotal = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = join(root, `run-${run}`);
      const dbFile = join(dir, 'fact.sqlite');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      copyFileSync(template, dbFile);
      // Half the runs die at an injected point (the n-th pass), half after a random delay.
      const injected = run % 2 === 0;
      const env: Record<string, string> = injected ? { FACT_DUNNING_CRASH_AT: `${POINTS[Math.floor(random() * POINTS.length)]}:${1 + Math.floor(random() * 6)}` } : {};
      const first = await runChild(dbFile, dir, env, injected ? undefined : Math.floor(random() * 600));
      if (first.signal === 'SIGKILL') kills++;
      // Sometimes kill the restart too, then finish cleanly.
      if (random() < 0.3) {
        const second = await runChild(dbFile, dir, {}, Math.floor(random() * 600));
        if (second.signal === 'SIGKILL') kills++;
      }
      const last = await runChild(dbFile, dir, {});
      expect(last.code, last.out).toBe(0);
      const { keys, sentRows } = await outcome(dbFile);
      const files = existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')) : [];
      const delivered = deliveredLog(dir);
      expect(keys.size, `run ${run}`).toBe(8); // 2 companies × 4 debtors, one letter each
      expect([...keys.values()].every((s) => s === 'sent'), `run ${run}: ${[...keys.values()].join(',')}`).toBe(true);
      expect(files.sort(), `run ${run}`).toEqual([...keys.keys()].map((k) => `${k}.eml`).sort());
      // At most once: no key landed twice (a kill between link() and the log line only loses a line).
      expect(delivered.length - new Set(delivered).size, `run ${run}: a key was delivered twice`).toBe(0);
      deliveredTotal += delivered.length;
      // One 'sent' record per invoice of the letter (one invoice each here), never two sets.
      expect([...keys.keys()].map((k) => sentRows.get(k) ?? 0), `run ${run}`).toEqual(Array(8).fill(1));
    }
    console.log(`crash runs: ${RUNS}, processes killed: ${kills}, messages landed: ${deliveredTotal}, planned: ${RUNS * 8}`);
    expect(kills).toBeGreaterThanOrEqual(RUNS / 2);
  }, 1_800_000);

  it('two runners started together send each reminder once', async () => {
    for (let run = 0; run < 3; run++) {
      const dir = join(root, `pair-${run}`);
      mkdirSync(dir, { recursive: true });
      const dbFile = join(dir, 'fact.sqlite');
      copyFileSync(template, dbFile);
      // A realistic lease: both runners are alive, neither may take over the other's claims.
      const [a, b] = await Promise.all([runChild(dbFile, dir, { FACT_DUNNING_LEASE_MS: '60000' }), runChild(dbFile, dir, { FACT_DUNNING_LEASE_MS: '60000' })]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const { keys, sentRows } = await outcome(dbFile);
      const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
      expect(keys.size).toBe(8);
      expect(files).toHaveLength(8);
      const delivered = deliveredLog(dir);
      expect(delivered.sort()).toEqual([...keys.keys()].sort()); // each key landed exactly once
      expect([...keys.keys()].map((k) => sentRows.get(k) ?? 0)).toEqual(Array(8).fill(1));
    }
  }, 600_000);
});

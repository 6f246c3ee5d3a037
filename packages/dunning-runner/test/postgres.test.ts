// The real PostgreSQL server (TEST_POSTGRES_URL; CI sets it, skipped without): two runner
// PROCESSES, each with its own pool, on one database, coordinating through `for update skip
// locked` on dunning_outbox; and the kill -9 crash runs on PostgreSQL.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, listDunningEvents } from '@fact/db';
import { realPostgresUrl } from '@fact/db/testing';
import { emlFolderChannel, runCompany } from '../src/index.js';
import { claimBatch } from '../src/outbox/store.js';
import { seed, tempDir, type Seeded } from '../src/testing/seed.js';
import { deliveredLog, pgDatabase, POINTS, rng, runChild } from './children.js';

const server = realPostgresUrl();
const AS_OF = '2025-04-10';
const root = tempDir('fact-pg-runners-');

/** Every key of the seeded companies: its state, Message-ID, runner, and its `sent` dunning events. */
async function outcome(url: string, s: Seeded) {
  const db = createDb(url);
  try {
    const t = db.tables.dunningOutbox;
    const rows = [];
    for (const c of s.companies) rows.push(...(await db.db.select().from(t).where(and(eq(t.companyId, c.id)))));
    const sentEvents = new Map<string, number>();
    for (const d of s.debtors) {
      for (const ev of await listDunningEvents(db, { companyId: d.companyId }, { debtorId: d.id })) {
        const mark = ev.explanation?.['outbox'] as { key: string; state: string } | undefined;
        if (mark?.state === 'sent' && ev.action !== 'note') sentEvents.set(mark.key, (sentEvents.get(mark.key) ?? 0) + 1);
      }
    }
    return { rows, sentEvents };
  } finally {
    await db.close();
  }
}

describe.skipIf(!server)('on a real PostgreSQL server', () => {
  let template: Awaited<ReturnType<typeof pgDatabase>>;
  let seeded: Seeded;

  beforeAll(async () => {
    template = await pgDatabase(server!);
    const db = createDb(template.url);
    await db.migrate();
    seeded = await seed(db, { companies: 3, debtorsPerCompany: 40 });
    await db.close();
  }, 120_000);
  afterAll(async () => {
    await template?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('two runner processes (separate pools) on one database deliver every reminder exactly once: one message per Message-ID at the SMTP server', async () => {
    const perMessageId = new Map<string, number>();
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 8192) head += c.toString('latin1');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
          perMessageId.set(id, (perMessageId.get(id) ?? 0) + 1);
          cb();
        });
      },
    });
    await new Promise<void>((res) => smtp.listen(0, '127.0.0.1', () => res()));
    const db = await pgDatabase(server!, template.name);
    try {
      const port = (smtp.server.address() as { port: number }).port;
      const dir = join(root, 'two');
      mkdirSync(dir, { recursive: true });
      const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, FACT_DUNNING_LEASE_MS: '60000' };
      const companies = seeded.companies.map((c) => c.id);
      const [a, b] = await Promise.all([runChild(db.url, dir, AS_OF, companies, { ...env, RUNNER_ID: 'runner-a' }), runChild(db.url, dir, AS_OF, companies, { ...env, RUNNER_ID: 'runner-b' })]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const { rows, sentEvents } = await outcome(db.url, seeded);
      expect(rows).toHaveLength(120);
      expect(rows.every((r) => r.state === 'sent')).toBe(true);
      // Exactly once at the receiver: every planned Message-ID arrived once, nothing else arrived.
      expect(new Map([...perMessageId].filter(([, n]) => n !== 1))).toEqual(new Map());
      expect([...perMessageId.keys()].sort()).toEqual(rows.map((r) => r.messageId).sort());
      expect(rows.map((r) => sentEvents.get(r.key) ?? 0)).toEqual(Array(120).fill(1));
      const byRunner = new Map<string, number>();
      for (const r of rows) byRunner.set(r.runnerId ?? '?', (byRunner.get(r.runnerId ?? '?') ?? 0) + 1);
      console.log(`two runners on PostgreSQL: ${[...byRunner].map(([k, n]) => `${k} sent ${n}`).join(', ')}`);
    } finally {
      await new Promise<void>((res) => smtp.close(() => res()));
      await db.drop();
    }
  }, 300_000);

  it('SKIP LOCKED: while one instance holds its claim transaction open, a second claims the other rows at once instead of waiting', async () => {
    const db = await pgDatabase(server!, template.name);
    const one = createDb(db.url);
    const two = createDb(db.url);
    try {
      const companyId = seeded.companies[0]!.id;
      const ctx = { db: one, clock: () => new Date('2025-04-10T07:00:00Z'), mail: emlFolderChannel(join(root, 'skip')), printDir: join(root, 'print'), dossierDir: join(root, 'dossiers') };
      await runCompany(ctx, companyId, { asOf: AS_OF, deliver: false });
      const request = { companyId, now: new Date('2025-04-10T07:00:00Z'), leaseMs: 60_000, domain: 'company0.be', limit: 10 };
      let release!: () => void;
      const held = new Promise<void>((res) => (release = res));
      let first: string[] = [];
      const open = one.transaction(async (tx) => {
        first = (await claimBatch(tx, { ...request, runnerId: 'one' })).map((c) => c.entry.key);
        await held; // the claim transaction stays open: its rows stay locked
      });
      while (first.length === 0) await new Promise((res) => setTimeout(res, 20));
      const started = Date.now();
      const second = await Promise.race([claimBatch(two, { ...request, runnerId: 'two' }), new Promise<'waited'>((res) => setTimeout(() => res('waited'), 5_000))]);
      release();
      await open;
      expect(second).not.toBe('waited');
      const keys = (second as Awaited<ReturnType<typeof claimBatch>>).map((c) => c.entry.key);
      expect(keys).toHaveLength(10);
      expect(keys.filter((k) => first.includes(k))).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  }, 120_000);

  const RUNS = Number(process.env['CRASH_RUNS_PG'] ?? '12');
  it(`${RUNS} runner processes killed (SIGKILL) at random points and restarted: every reminder delivered exactly once`, async () => {
    const random = rng(20251124);
    let kills = 0;
    // One company of the template (40 reminders) keeps each run short.
    const company = seeded.companies[0]!;
    const mine = { ...seeded, companies: [company], debtors: seeded.debtors.filter((d) => d.companyId === company.id) };
    for (let run = 0; run < RUNS; run++) {
      const dir = join(root, `crash-${run}`);
      mkdirSync(dir, { recursive: true });
      const db = await pgDatabase(server!, template.name);
      try {
        const injected = run % 2 === 0;
        const env: Record<string, string> = injected ? { FACT_DUNNING_CRASH_AT: `${POINTS[Math.floor(random() * POINTS.length)]}:${1 + Math.floor(random() * 30)}` } : {};
        const first = await runChild(db.url, dir, AS_OF, [company.id], env, injected ? undefined : Math.floor(random() * 1500));
        if (first.signal === 'SIGKILL') kills++;
        if (random() < 0.3) {
          const second = await runChild(db.url, dir, AS_OF, [company.id], {}, Math.floor(random() * 1500));
          if (second.signal === 'SIGKILL') kills++;
        }
        const last = await runChild(db.url, dir, AS_OF, [company.id], {});
        expect(last.code, last.out).toBe(0);
        const { rows, sentEvents } = await outcome(db.url, mine);
        expect(rows, `run ${run}`).toHaveLength(40);
        expect(rows.filter((r) => r.state !== 'sent'), `run ${run}`).toEqual([]);
        expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')).sort(), `run ${run}`).toEqual(rows.map((r) => `${r.key}.eml`).sort());
        const delivered = deliveredLog(dir);
        expect(delivered.length - new Set(delivered).size, `run ${run}: a key was delivered twice`).toBe(0);
        expect(rows.map((r) => sentEvents.get(r.key) ?? 0), `run ${run}`).toEqual(Array(40).fill(1));
      } finally {
        await db.drop();
      }
    }
    console.log(`PostgreSQL crash runs: ${RUNS}, processes killed: ${kills}`);
    expect(kills).toBeGreaterThanOrEqual(RUNS / 2);
  }, 1_800_000);
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../client/createDb.js';
import type { DbHandle } from '../client/types.js';
import { appendDunningEvents } from '../repo/collection.js';
import { seedDatabase } from '../seed/seed.js';
import { postgresCommands } from './postgres.js';
import { backupSqlite, restoreSqlite, verifySqliteBackup } from './sqlite-backup.js';

const dir = mkdtempSync(join(tmpdir(), 'fact-backup-'));
const livePath = join(dir, 'live.sqlite');
let live: DbHandle;

/** The ids of a table, sorted, read with raw SQL so the check does not depend on a repository. */
async function ids(db: DbHandle, table: 'invoices' | 'payments' | 'dunning_events' | 'allocations' | 'debtors'): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql.raw(`SELECT id FROM ${table} ORDER BY id`));
  return rows.map((r) => r.id);
}

async function snapshot(db: DbHandle) {
  return {
    invoices: await ids(db, 'invoices'),
    payments: await ids(db, 'payments'),
    dunningEvents: await ids(db, 'dunning_events'),
    allocations: await ids(db, 'allocations'),
    debtors: await ids(db, 'debtors'),
  };
}

beforeAll(async () => {
  live = createDb(`file:${livePath}`);
  await live.migrate();
  await seedDatabase(live, { companies: 2, invoices: 40, asOf: '2025-06-30', demoUsers: false });
  // The seed writes no dunning history: add a reminder per debtor of each company's first invoices.
  const invoices = await live.all<{ id: string; company_id: string; debtor_id: string }>(sql.raw('SELECT id, company_id, debtor_id FROM invoices ORDER BY id LIMIT 12'));
  for (const inv of invoices) {
    await appendDunningEvents(live, { companyId: inv.company_id }, [
      { debtorId: inv.debtor_id, invoiceId: inv.id, level: 1, action: 'reminder', channel: 'email', occurredOn: '2025-06-01' },
    ]);
  }
}, 180_000);

afterAll(async () => {
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite backup and restore', () => {
  it('backs up the open database, restores it into a new file, and every invoice, payment and dunning event is there', { timeout: 60_000 }, async () => {
    const before = await snapshot(live);
    expect(before.invoices.length).toBeGreaterThanOrEqual(40);
    expect(before.payments.length).toBeGreaterThan(0);
    expect(before.dunningEvents).toHaveLength(12);

    const backupPath = join(dir, 'backup-1.sqlite');
    const report = await backupSqlite(livePath, backupPath);
    expect(report.pages).toBeGreaterThan(0);

    // Written after the backup: must not be in it.
    const later = await live.all<{ id: string; company_id: string; debtor_id: string }>(sql.raw('SELECT id, company_id, debtor_id FROM invoices ORDER BY id DESC LIMIT 1'));
    await appendDunningEvents(live, { companyId: later[0]!.company_id }, [{ debtorId: later[0]!.debtor_id, level: 2, action: 'formal_notice', channel: 'registered_letter', occurredOn: '2025-06-15' }]);

    const restoredPath = join(dir, 'restored.sqlite');
    await restoreSqlite(backupPath, restoredPath);
    const restored = createDb(`file:${restoredPath}`);
    try {
      await restored.migrate(); // a restored database is at the schema of its backup; migrating it again changes nothing
      expect(await snapshot(restored)).toEqual(before);
      const cents = await restored.all<{ total: number }>(sql.raw('SELECT sum(amount_cents) AS total FROM payments'));
      const liveCents = await live.all<{ total: number }>(sql.raw('SELECT sum(amount_cents) AS total FROM payments'));
      expect(cents[0]!.total).toBe(liveCents[0]!.total);
    } finally {
      await restored.close();
    }
    expect((await ids(live, 'dunning_events')).length).toBe(13);
  });

  it('finishes a consistent backup while writes keep coming', { timeout: 120_000 }, async () => {
    const target = join(dir, 'backup-during-writes.sqlite');
    const invoice = (await live.all<{ id: string; company_id: string; debtor_id: string }>(sql.raw('SELECT id, company_id, debtor_id FROM invoices LIMIT 1')))[0]!;
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      // Bounded, so a backup that never finishes fails the test instead of hanging it.
      while (!stop && writes < 5_000) {
        await appendDunningEvents(live, { companyId: invoice.company_id }, [{ debtorId: invoice.debtor_id, level: 1, action: 'note', channel: 'other', occurredOn: '2025-06-20' }]);
        writes++;
        // A server writes between event-loop turns; so must this loop, or the backup steps never run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await backupSqlite(livePath, target);
    const duringBackup = writes;
    stop = true;
    await writer;
    expect(duringBackup).toBeLessThan(5_000);
    expect(verifySqliteBackup(target).migrations).toBeGreaterThan(0);
  });

  it('never overwrites: a backup onto an existing file, and a restore onto a database without force, are refused', async () => {
    const existing = join(dir, 'exists.sqlite');
    writeFileSync(existing, 'keep me');
    await expect(backupSqlite(livePath, existing)).rejects.toThrow(/exists/);
    await expect(restoreSqlite(join(dir, 'backup-1.sqlite'), livePath)).rejects.toThrow(/--force/);
  });

  it('refuses to restore a file that is not a Fact database, and leaves the target untouched', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'PK\u0003\u0004 not a database');
    const target = join(dir, 'untouched.sqlite');
    await expect(restoreSqlite(junk, target)).rejects.toThrow(/not a (SQLite|readable) database/);
    expect(existsSync(target)).toBe(false);
  });

  it('restores over an existing database with force, dropping its stale WAL', async () => {
    const target = join(dir, 'replaced.sqlite');
    const other = createDb(`file:${target}`);
    await other.migrate();
    await other.close();
    writeFileSync(`${target}-wal`, 'stale');
    await restoreSqlite(join(dir, 'backup-1.sqlite'), target, { force: true });
    expect(existsSync(`${target}-wal`)).toBe(false);
    const db = createDb(`file:${target}`);
    try {
      expect((await ids(db, 'invoices')).length).toBeGreaterThanOrEqual(40);
    } finally {
      await db.close();
    }
  });

  it('the fact CLI backs up and restores by DATABASE_URL', () => {
    const cli = new URL('./cli.ts', import.meta.url).pathname;
    const run = (args: string[], url: string) =>
      execFileSync(process.execPath, ['--conditions=@fact/source', '--import', 'tsx', cli, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const file = join(dir, 'cli-backup.sqlite');
    expect(run(['backup', file], `file:${livePath}`)).toMatch(/^backed up .* pages/);
    expect(run(['restore', file], `file:${join(dir, 'cli-restored.sqlite')}`)).toMatch(/^restored /);
    expect(verifySqliteBackup(join(dir, 'cli-restored.sqlite')).migrations).toBeGreaterThan(0);
    expect(run(['backup', 'x.dump'], 'postgres://fact@db/fact')).toContain("pg_dump --format=custom --no-owner --file='x.dump' 'postgres://fact@db/fact'");
  }, 60_000);
});

describe('postgresCommands', () => {
  it('quotes the file and the URL for the shell', () => {
    expect(postgresCommands("postgres://u@h/d", "it's.dump").restore).toBe(
      "pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname='postgres://u@h/d' 'it'\\''s.dump'",
    );
  });
});

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { realPostgresUrl, testTargets } from '../testing/freshDb.js';
import { copyRows, copyValue } from './copy.js';
import { seedDatabase } from './seed.js';

// The three loaders (SQLite prepared INSERTs, PGlite multi-row INSERTs, PostgreSQL COPY) must
// write the same ledger from the same seed: same counts, same money, same running totals.

/** Counts and sums a person would reconcile, as plain strings (bigint sums differ in JS type). */
async function fingerprint(db: DbHandle): Promise<Record<string, string>> {
  const one = async (name: string, q: ReturnType<typeof sql>) => {
    const [row] = await db.all<Record<string, unknown>>(q);
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [`${name}.${k}`, String(v ?? 0)]));
  };
  return {
    ...(await one('companies', sql`select count(*) as n from companies`)),
    ...(await one('debtors', sql`select count(*) as n, sum(case when kind = 'consumer' then 1 else 0 end) as consumers, sum(coalesce(credit_limit_cents, 0)) as limits from debtors`)),
    ...(await one('invoices', sql`select count(*) as n, sum(total_cents) as total, sum(net_cents) as net, sum(vat_cents) as vat, sum(open_amount_cents) as open from invoices where kind = 'invoice'`)),
    ...(await one('open', sql`select count(*) as n, sum(open_amount_cents) as open from invoices where kind = 'invoice' and status = 'open'`)),
    ...(await one('creditNotes', sql`select count(*) as n, sum(total_cents) as total from invoices where kind = 'credit_note'`)),
    ...(await one('lines', sql`select count(*) as n, sum(net_cents) as net, sum(vat_cents) as vat from invoice_lines`)),
    ...(await one('payments', sql`select count(*) as n, sum(amount_cents) as amount, sum(unallocated_cents) as unallocated from payments`)),
    ...(await one('allocations', sql`select count(*) as n, sum(amount_cents) as amount, sum(case when credit_note_id is not null then amount_cents else 0 end) as credits from allocations`)),
    ...(await one('disputes', sql`select count(*) as n from disputes`)),
    ...(await one('dueTotals', sql`select count(*) as n, sum(open_cents) as open, sum(open_count) as count, sum(credit_cents) as credit from receivable_due_totals`)),
    ...(await one('salesTotals', sql`select count(*) as n, sum(sales_cents) as sales from sales_day_totals`)),
    // Dates and ids travel too: the latest due date and the number of distinct debtors invoiced.
    ...(await one('shape', sql`select max(due_date) as due, min(issue_date) as issued, count(distinct debtor_id) as debtors from invoices`)),
  };
}

const options = { companies: 3, invoices: 900, asOf: '2025-06-30', seed: 11, demoUsers: false } as const;

describe('the same seed on every engine', () => {
  const prints = new Map<string, Record<string, string>>();
  const opened: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    for (const target of testTargets()) {
      for (const fresh of [true, false]) {
        const { db, dispose } = await target.open();
        opened.push(dispose);
        await seedDatabase(db, { ...options, fresh });
        prints.set(`${target.name}${fresh ? ' (fresh)' : ''}`, await fingerprint(db));
      }
    }
  }, 120_000);
  afterAll(async () => {
    for (const dispose of opened) await dispose();
  });

  it('gives identical row counts, sums of invoices, open amounts, payments, allocations and running totals', () => {
    const reference = prints.get('sqlite (fresh)')!;
    expect(Number(reference['invoices.n'])).toBe(900);
    expect(Number(reference['allocations.credits'])).toBeGreaterThan(0);
    expect(Number(reference['dueTotals.open'])).toBe(Number(reference['open.open']));
    for (const [name, print] of prints) expect({ name, ...print }).toEqual({ name, ...reference });
    expect(prints.size).toBe(realPostgresUrl() ? 6 : 4);
  });
});

describe.runIf(realPostgresUrl())('a COPY load that fails on a real server', () => {
  it('rolls the company back, rejects, and stops the generation worker', async () => {
    const target = testTargets().find((t) => t.name === 'postgres')!;
    const { db, dispose } = await target.open();
    try {
      await db.run(sql`alter table disputes add constraint no_disputes_please check (false)`);
      await expect(seedDatabase(db, { ...options, fresh: true })).rejects.toThrow(/no_disputes_please/);
      // The worker's message port is gone (a live worker would keep the process from ending).
      expect(process.getActiveResourcesInfo()).not.toContain('MessagePort');
      const [n] = await db.all<{ n: unknown }>(sql`select count(*) as n from invoices`);
      expect(Number(n?.n)).toBe(0);
    } finally {
      await dispose();
    }
  }, 60_000);
});

describe('COPY text encoding', () => {
  it('escapes exactly the characters the format gives a meaning', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue(true)).toBe('t');
    expect(copyValue(0)).toBe('0');
    expect(copyValue(new Date('2025-06-30T12:00:00.123Z'))).toBe('2025-06-30T12:00:00.123Z');
    expect(copyValue({ a: 'x\ny' })).toBe('{"a":"x\\\\ny"}');
    expect(() => copyValue(Number.NaN)).toThrow(/finite/);
  });

  it.skipIf(!realPostgresUrl())('round-trips awkward text, JSON, NULL and instants through a real server', async () => {
    const client = new pg.Client({ connectionString: realPostgresUrl() });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('create temporary table copy_probe (n int, t text, j jsonb, at timestamptz, ok boolean)');
      const rows = [
        { n: 1, t: 'tab\there, new\nline, cr\rback\\slash', j: { s: 'quote " and \\ and \n' }, at: new Date('2025-01-02T03:04:05.678Z'), ok: true },
        { n: 2, t: '\\N', j: null, at: null, ok: false },
        { n: 3, t: 'Chloé — crédit “€”', j: [1, 'two'], at: new Date('1999-12-31T23:59:59.999Z'), ok: null },
      ];
      const keys = ['n', 't', 'j', 'at', 'ok'];
      expect(await copyRows(client as unknown as pg.PoolClient, 'copy_probe', keys, keys, rows)).toBe(3);
      const back = await client.query('select n, t, j, at, ok from copy_probe order by n');
      expect(back.rows).toEqual(rows);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import type { DbHandle, Executor } from '../client/types.js';
import { findUserByEmail, visibleCompanies } from '../repo/tenancy.js';
import { testTargets } from '../testing/freshDb.js';
import { generateCompany, IdSource } from './generate.js';
import { Prng } from './prng.js';
import { DEMO_USERS, seedDatabase } from './seed.js';

describe('the generator', () => {
  it('is deterministic: same seed and as-of date, same rows', () => {
    const make = () => generateCompany(new Prng(7), new IdSource(new Prng(7)), { firmId: 'f', index: 0, invoices: 300, asOf: '2025-06-30' });
    expect(JSON.stringify(make())).toBe(JSON.stringify(make()));
    const other = generateCompany(new Prng(8), new IdSource(new Prng(8)), { firmId: 'f', index: 0, invoices: 300, asOf: '2025-06-30' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(make()));
  });

  it('has realistic mixes: paid and open, partial payments, consumers, credit notes, nothing paid after as-of', () => {
    const rows = generateCompany(new Prng(3), new IdSource(new Prng(3)), { firmId: 'f', index: 0, invoices: 4000, asOf: '2025-06-30' });
    const inv = rows.invoices.filter((i) => i.kind === 'invoice');
    const share = (p: (i: Record<string, unknown>) => boolean, of: Record<string, unknown>[]) => of.filter(p).length / of.length;
    expect(share((i) => i.status === 'paid', inv)).toBeGreaterThan(0.5);
    expect(share((i) => i.status === 'open', inv)).toBeGreaterThan(0.05);
    expect(share((i) => i.status === 'open' && (i.openAmountCents as number) < (i.totalCents as number), inv)).toBeGreaterThan(0.01);
    expect(share((d) => d.kind === 'consumer', rows.debtors)).toBeGreaterThan(0.15);
    expect(rows.invoices.some((i) => i.kind === 'credit_note')).toBe(true);
    expect(rows.disputes.length).toBeGreaterThan(0);
    expect(rows.payments.every((p) => (p.receivedOn as string) <= '2025-06-30')).toBe(true);
  });
});

describe.each(testTargets())('seedDatabase on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    await seedDatabase(db, { companies: 2, invoices: 400, asOf: '2025-06-30', seed: 5 });
  });
  afterAll(() => dispose());

  it('keeps every open amount equal to the total minus its live allocations', async () => {
    const broken = await db.all(sql`
      select i.id from invoices i
      left join (select invoice_id, sum(amount_cents) as s from allocations where reversed_at is null group by invoice_id) a on a.invoice_id = i.id
      left join (select credit_note_id, sum(amount_cents) as s from allocations where reversed_at is null and credit_note_id is not null group by credit_note_id) c on c.credit_note_id = i.id
      where i.open_amount_cents <> i.total_cents - coalesce(case when i.kind = 'invoice' then a.s else c.s end, 0)`);
    expect(broken).toEqual([]);
    const [count] = await db.all<{ n: unknown }>(sql`select count(*) as n from invoices where kind = 'invoice'`);
    expect(Number(count?.n)).toBe(400);
  });

  it('creates the demo users with known passwords and the right reach', async () => {
    const accountant = await findUserByEmail(db, DEMO_USERS[0].email);
    expect(await verifyPassword(DEMO_USERS[0].password, accountant!.passwordHash)).toBe(true);
    expect(await visibleCompanies(db, accountant!.id)).toHaveLength(2);
    const entrepreneur = await findUserByEmail(db, DEMO_USERS[1].email);
    expect(await visibleCompanies(db, entrepreneur!.id)).toHaveLength(1);
  });
});

describe.each(testTargets())('seedDatabase in bulk mode (fresh database) on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  const indexes = async (ex: Executor) =>
    ex.dialect === 'sqlite'
      ? (await ex.all<{ name: string }>(sql`select name from sqlite_master where type = 'index' order by name`)).map((r) => r.name)
      : (await ex.all<{ name: string }>(sql`select indexname as name from pg_indexes where schemaname = current_schema() order by indexname`)).map((r) => r.name);
  let before: string[];
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    // Read through the writer: on SQLite the bulk load needs the read-only connection unopened.
    before = await db.transaction((tx) => indexes(tx));
    await seedDatabase(db, { companies: 3, invoices: 600, asOf: '2025-06-30', seed: 9, fresh: true, demoUsers: false });
  });
  afterAll(() => dispose());

  it('ends with every index and trigger back and the running totals equal to the invoices', async () => {
    expect(await indexes(db)).toEqual(before);
    const drift = await db.all(sql`
      select t.company_id from receivable_due_totals t
      full join (select company_id, due_date, sum(case when kind = 'invoice' then open_amount_cents else 0 end) as o
                 from invoices where status = 'open' group by company_id, due_date) x
        on x.company_id = t.company_id and x.due_date = t.due_date
      where coalesce(t.open_cents, 0) <> coalesce(x.o, 0)`);
    expect(drift).toEqual([]);
    const [sales] = await db.all<{ n: unknown }>(sql`select count(*) as n from sales_day_totals`);
    expect(Number(sales?.n)).toBeGreaterThan(100);
    // The triggers are live again: a new invoice moves the totals.
    const [one] = await db.all<{ id: string; company_id: string; debtor_id: string }>(sql`select id, company_id, debtor_id from invoices where status = 'open' and kind = 'invoice' limit 1`);
    await db.transaction((tx) => tx.run(sql`update invoices set status = 'written_off' where id = ${one!.id}`));
    const [left] = await db.all<{ n: unknown }>(sql`
      select count(*) as n from invoices i where i.status = 'open' and i.kind = 'invoice' and i.company_id = ${one!.company_id}`);
    const [counted] = await db.all<{ n: unknown }>(sql`select sum(open_count) as n from receivable_due_totals where company_id = ${one!.company_id}`);
    expect(Number(counted?.n)).toBe(Number(left?.n));
  });

  it.runIf(target.name === 'sqlite')('on SQLite, the rows loaded without checks pass every foreign key and CHECK, and WAL is back', async () => {
    const raw = db.raw;
    if (raw.driver !== 'better-sqlite3') throw new Error('sqlite expected');
    expect(raw.writer.pragma('foreign_key_check')).toEqual([]);
    expect(raw.writer.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.writer.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.writer.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import type { DbHandle } from '../client/types.js';
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

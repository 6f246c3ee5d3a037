import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../client/createDb.js';
import { testTargets } from '../testing/freshDb.js';
import { seedDemoIfEmpty } from './demo.js';

const count = async (db: ReturnType<typeof createDb>, table: 'users' | 'companies' | 'invoices') =>
  Number((await db.all<{ n: unknown }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n);

describe('seedDemoIfEmpty, two processes on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fact-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds exactly once when both start at the same moment', async () => {
    const url = `file:${join(dir, 'demo.sqlite')}`;
    const a = createDb(url);
    await a.migrate();
    const b = createDb(url);
    const outcomes = await Promise.all([seedDemoIfEmpty(a, { asOf: '2025-06-30', invoices: 60 }), seedDemoIfEmpty(b, { asOf: '2025-06-30', invoices: 60 })]);
    expect(outcomes.filter((o) => o.seeded)).toHaveLength(1);
    expect(await count(a, 'users')).toBe(3);
    expect(await count(a, 'companies')).toBe(3);
    expect(outcomes.every((o) => o.logins.some((l) => l.email === 'accountant@demo.fact'))).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});

describe.each(testTargets())('seedDemoIfEmpty on $name', (target) => {
  it('fills an empty database once; later calls leave it alone', async () => {
    const { db, dispose } = await target.open();
    try {
      const [first, second] = await Promise.all([seedDemoIfEmpty(db, { asOf: '2025-06-30', invoices: 30 }), seedDemoIfEmpty(db, { asOf: '2025-06-30', invoices: 30 })]);
      expect([first.seeded, second.seeded].sort()).toEqual([false, true]);
      expect(await count(db, 'invoices')).toBeGreaterThanOrEqual(30);
      const again = await seedDemoIfEmpty(db, { asOf: '2025-06-30' });
      expect(again).toMatchObject({ seeded: false, result: null });
      expect(await count(db, 'users')).toBe(3);
    } finally {
      await dispose();
    }
  });

  it('refuses a broken as-of date', async () => {
    const { db, dispose } = await target.open();
    try {
      await expect(seedDemoIfEmpty(db, { asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    } finally {
      await dispose();
    }
  });
});

describe('the demo factor', () => {
  it('has its own factor row of the first firm, and factor@demo.fact works for it (no company membership)', async () => {
    const [target] = testTargets();
    const { db, dispose } = await target!.open();
    try {
      await seedDemoIfEmpty(db, { asOf: '2025-06-30', invoices: 30 });
      const rows = await db.all<{ name: string; factor_firm: string; firm_id: string | null; company_id: string | null; role: string }>(
        sql`select f.name, f.firm_id as factor_firm, m.firm_id, m.company_id, m.role from memberships m join users u on u.id = m.user_id join factors f on f.id = m.factor_id where u.email = 'factor@demo.fact'`,
      );
      const accountantFirm = await db.all<{ firm_id: string }>(sql`select m.firm_id from memberships m join users u on u.id = m.user_id where u.email = 'accountant@demo.fact'`);
      expect(rows).toEqual([{ name: 'Demo Factoring NV', factor_firm: accountantFirm[0]!.firm_id, firm_id: null, company_id: null, role: 'factor' }]);
    } finally {
      await dispose();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoTenants } from '../repo/fixtures.test-helper.js';
import { updateCompany, getCompany } from '../repo/tenancy.js';
import { testTargets } from '../testing/freshDb.js';
import type { DbHandle } from './types.js';

describe.each(testTargets())('transaction() on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());

  it('rolls back everything when the function throws, and readers never saw it', async () => {
    const t = db.tables;
    await expect(
      db.transaction(async (tx) => {
        await tx.db.insert(t.firms).values({ id: '0190f0f0-0000-7000-8000-000000000001', name: 'Ghost', country: 'NL' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.db.select().from(t.firms);
    expect(rows.map((r) => r.name)).not.toContain('Ghost');
  });

  it('a failed savepoint undoes only the inner part', async () => {
    const t = db.tables;
    await db.transaction(async (tx) => {
      await tx.db.insert(t.firms).values({ id: '0190f0f0-0000-7000-8000-000000000002', name: 'Kept', country: 'NL' });
      await tx.transaction(async (inner) => {
        await inner.db.insert(t.firms).values({ id: '0190f0f0-0000-7000-8000-000000000003', name: 'Dropped', country: 'NL' });
        throw new Error('inner');
      }).catch(() => undefined);
    });
    const names = (await db.db.select().from(t.firms)).map((r) => r.name);
    expect(names).toContain('Kept');
    expect(names).not.toContain('Dropped');
  });

  it('two concurrent edits from the same version: exactly one wins, the other is STALE_VERSION', async () => {
    const c = (await getCompany(db, { companyId: w.a.id }))!;
    const results = await Promise.allSettled([
      updateCompany(db, { companyId: c.id }, { version: c.version, legalName: 'One' }),
      updateCompany(db, { companyId: c.id }, { version: c.version, legalName: 'Two' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'STALE_VERSION' } });
    expect((await getCompany(db, { companyId: c.id }))?.version).toBe(c.version + 1);
  });

  it.runIf(target.name === 'sqlite')('on SQLite, the root handle reads through a read-only connection', async () => {
    const t = db.tables;
    await expect(db.db.insert(t.firms).values({ id: '0190f0f0-0000-7000-8000-000000000004', name: 'Direct', country: 'BE' })).rejects.toThrow(/readonly/);
  });
});

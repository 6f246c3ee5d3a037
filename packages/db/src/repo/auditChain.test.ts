import { money } from '@fact/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { appendAudit } from './audit.js';
import { verifyAuditChain } from './auditChain.js';
import { twoTenants } from './fixtures.test-helper.js';

/** Lets the test tamper with the append-only table, as someone with raw database access could. */
async function dropAppendOnlyTriggers(db: DbHandle) {
  await db.transaction(async (tx) => {
    if (tx.dialect === 'sqlite') {
      await tx.run(sql`drop trigger if exists audit_log_no_update`);
      await tx.run(sql`drop trigger if exists audit_log_no_delete`);
    } else {
      await tx.run(sql`drop trigger if exists audit_log_append_only on audit_log`);
    }
  });
}

describe.each(testTargets())('audit hash chain on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  const at = (minute: number) => new Date(Date.UTC(2025, 5, 30, 9, minute));
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());

  it('links every entry to the one before, also when appends race', async () => {
    const first = await appendAudit(db, { companyId: w.a.id, action: 'invoice.create', entityType: 'invoice', entityId: 'inv-1', at: at(0), after: { total: money('121.00'), lines: [{ b: 2, a: 1 }] } });
    expect(first).toMatchObject({ chain: `company:${w.a.id}`, seq: 1, prevHash: '0'.repeat(64) });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        appendAudit(db, { companyId: w.a.id, action: 'payment.record', entityType: 'payment', entityId: `pay-${i}`, at: at(i + 1), before: null, after: { cents: 1000 + i, note: 'één' } }),
      ),
    );
    await appendAudit(db, { companyId: w.b.id, action: 'invoice.create', entityType: 'invoice', entityId: 'inv-b', at: at(3) });
    await appendAudit(db, { firmId: w.firm.id, action: 'firm.rename', entityType: 'firm', entityId: w.firm.id, at: at(4) });
    const seqs = await db.all<{ seq: unknown }>(sql`select seq from audit_log where company_id = ${w.a.id} order by seq`);
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await verifyAuditChain(db, w.a.id)).toEqual({ ok: true, checked: 9 });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 11 });
  });

  it('names the entry someone edited with raw SQL, and the one after a removed entry', async () => {
    const [third] = await db.all<{ id: string }>(sql`select id from audit_log where company_id = ${w.a.id} and seq = 3`);
    await dropAppendOnlyTriggers(db);
    await db.transaction((tx) => tx.run(sql`update audit_log set after = ${JSON.stringify({ cents: 1 })} where id = ${third!.id}`));
    expect(await verifyAuditChain(db, w.a.id)).toMatchObject({ ok: false, id: third!.id, seq: 3, reason: 'hash_mismatch', checked: 2 });
    // Another company's chain is untouched.
    expect(await verifyAuditChain(db, w.b.id)).toEqual({ ok: true, checked: 1 });

    const [sixth] = await db.all<{ id: string }>(sql`select id from audit_log where company_id = ${w.a.id} and seq = 6`);
    // Removing the edited entry (and its neighbours) to hide the edit leaves a gap in the numbering.
    await db.transaction((tx) => tx.run(sql`delete from audit_log where company_id = ${w.a.id} and seq in (3, 4, 5)`));
    expect(await verifyAuditChain(db, w.a.id)).toMatchObject({ ok: false, reason: 'seq_gap', seq: 6, id: sixth!.id });
  });

  it('flags an entry written around appendAudit', async () => {
    await db.transaction((tx) =>
      tx.db.insert(tx.tables.auditLog).values({ id: crypto.randomUUID(), companyId: w.b.id, action: 'sneaky', entityType: 'invoice', entityId: 'x', at: at(9) }),
    );
    expect(await verifyAuditChain(db, w.b.id)).toMatchObject({ ok: false, reason: 'unchained', checked: 1 });
  });
});

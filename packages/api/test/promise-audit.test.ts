import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

const line = (unitPrice: string) => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

describe.each(DIALECTS)('promises to pay and the audit chain on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let debtorId: string;
  let invoiceId: string;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const companyId = tenancy.companyA1;
    debtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Drukkerij Claes', language: 'nl', country: 'BE' })).id;
    // due 2025-01-15: overdue on the fixture's company date (2025-03-15)
    invoiceId = (await api.invoice.create({ companyId, debtorId, number: 'P-1', issueDate: '2024-12-16', dueDate: '2025-01-15', lines: [line('500.00')] })).id;
  });
  afterAll(() => dispose());

  it('a running promise to pay stops reminders until the promised day', async () => {
    const before = await api.dunning.preview({ companyId: tenancy.companyA1 });
    expect(before.actions.flatMap((a) => a.itemIds)).toContain(invoiceId);
    await api.collection.promise.record({ debtorId, invoiceId, amount: '605.00', promisedOn: '2025-03-14', dueOn: '2025-03-31' });
    const after = await api.dunning.preview({ companyId: tenancy.companyA1 });
    expect(after.actions.flatMap((a) => a.itemIds)).not.toContain(invoiceId);
    expect(after.skipped).toContainEqual(expect.objectContaining({ itemId: invoiceId, reason: 'promise-to-pay' }));
  });

  it('every change the API made is linked into the hash chain of its company', async () => {
    const result = await verifyAuditChain(db, tenancy.companyA1);
    expect(result).toMatchObject({ ok: true });
    expect((result as { checked: number }).checked).toBeGreaterThanOrEqual(3);
  });
});

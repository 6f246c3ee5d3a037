import type { DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

// Clients (the portal, REST callers) translate refusals from stable names, not from the English text.
describe('stable reasons on refusals', () => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let invoiceId: string;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase('sqlite'));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const debtorId = (await api.debtor.create({ companyId: tenancy.companyA1, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'BE' })).id;
    invoiceId = (await api.invoice.create({ companyId: tenancy.companyA1, debtorId, number: 'R-1', issueDate: '2025-02-01', dueDate: '2025-03-01', lines: [{ description: 'Goods', quantity: '1', unitPrice: '100.00', vatRate: '21', vatCategory: 'S' }] })).id;
  }, 60_000);
  afterAll(() => dispose());

  it('names the domain rule and its values', async () => {
    await expect(api.collection.dispute.open({ invoiceId, reason: 'damaged goods', openedOn: '2025-01-15' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'openedOn',
      reason: 'BEFORE_INVOICE_DATE',
      reasonParams: { date: '2025-02-01' },
    });
    await api.collection.dispute.open({ invoiceId, reason: 'damaged goods', openedOn: '2025-02-15' });
    await expect(api.collection.dispute.open({ invoiceId, reason: 'late delivery', openedOn: '2025-02-16' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'DISPUTE_ALREADY_OPEN', reasonParams: { number: 'R-1' } });
  });

  it('gives each validation issue its zod code and our refinement codes in params', async () => {
    const refused = await api.collection.dispute.open({ invoiceId, reason: 'x'.repeat(201), openedOn: '2025-02-30' }).catch((e: unknown) => e);
    const issues = (refused as { cause: { issues: { code: string; path: string[]; maximum?: number; params?: { code?: string } }[] } }).cause.issues;
    expect(issues.find((i) => i.path[0] === 'reason')).toMatchObject({ code: 'too_big', maximum: 200 });
    expect(issues.find((i) => i.path[0] === 'openedOn')).toMatchObject({ code: 'custom', params: { code: 'INVALID_DATE' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { snapshot } from './snapshot.js';

const line = (unitPrice: string, vatRate = '21', quantity = '1') => ({ description: 'Consultancy', quantity, unitPrice, vatRate, vatCategory: 'S' as const });

describe.each(DIALECTS)('invoices and payments on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let debtorId: string;
  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    debtorId = (await api.debtor.create({ companyId: tenancy.companyA1, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'be' })).id;
  });
  afterAll(() => dispose());

  const create = (number: string, unitPrice: string, dueDate = '2025-02-28') =>
    api.invoice.create({ companyId: tenancy.companyA1, debtorId, number, issueDate: '2025-01-29', dueDate, lines: [line(unitPrice)] });

  it('creates an invoice with totals from @fact/core and derives overdue days in the company time zone', async () => {
    const inv = await create('F2025-001', '1000.00');
    expect(inv).toMatchObject({ net: '1000.00', vat: '210.00', total: '1210.00', open: '1210.00', status: 'open', overdue: true, daysOverdue: 15, asOf: '2025-03-15', version: 1 });
    const full = await api.invoice.get({ invoiceId: inv.id });
    expect(full.lines).toEqual([expect.objectContaining({ net: '1000.00', vat: '210.00', vatRate: '21' })]);
  });

  it('refuses a duplicate invoice number with CONFLICT and writes nothing', async () => {
    await create('F2025-DUP', '10.00');
    const before = await snapshot(db);
    await expect(create('F2025-DUP', '20.00')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('F2025-DUP') });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['fractional cents in a payment', { amount: '10.005' }, 'amount', /fraction of a cent/],
    ['a negative payment', { amount: '-5.00' }, 'amount', /more than 0.00/],
    ['a number instead of a decimal string', { amount: 12.5 }, 'amount', /expected string/i],
    ['a date in the wrong format', { receivedOn: '15/03/2025' }, 'receivedOn', /YYYY-MM-DD/],
    ['a date that does not exist', { receivedOn: '2025-02-29' }, 'receivedOn', /does not exist/],
  ])('refuses %s with BAD_REQUEST naming the field, and leaves the database unchanged', async (_label, patch, field, message) => {
    const before = await snapshot(db);
    const input = { companyId: tenancy.companyA1, debtorId, amount: '10.00', receivedOn: '2025-03-14', ...patch } as never;
    const error = await api.payment.record(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field });
    expect((error as Error).message).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an allocation larger than the open balance, naming the allocation, and writes nothing', async () => {
    const inv = await create('F2025-010', '100.00');
    const before = await snapshot(db);
    const error = await api.payment
      .record({ companyId: tenancy.companyA1, debtorId, amount: '200.00', receivedOn: '2025-03-14', allocations: [{ invoiceId: inv.id, amount: '150.00' }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'allocations[0].amount', message: 'allocations[0].amount: 150.00 is more than the open balance 121.00 of invoice F2025-010' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an automatic allocation beyond what the debtor owes', async () => {
    const before = await snapshot(db);
    await expect(api.payment.record({ companyId: tenancy.companyA1, debtorId, amount: '999999.00', receivedOn: '2025-03-14', autoAllocate: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'amount',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('records a payment, allocates it oldest-due first, and a reversal reopens the invoices', async () => {
    const d2 = (await api.debtor.create({ companyId: tenancy.companyA1, kind: 'business', name: 'Drukkerij Peeters', language: 'nl', country: 'BE' })).id;
    const older = await api.invoice.create({ companyId: tenancy.companyA1, debtorId: d2, number: 'P-1', issueDate: '2025-01-01', dueDate: '2025-01-31', lines: [line('100.00')] });
    const newer = await api.invoice.create({ companyId: tenancy.companyA1, debtorId: d2, number: 'P-2', issueDate: '2025-02-01', dueDate: '2025-03-03', lines: [line('100.00')] });
    const payment = await api.payment.record({ companyId: tenancy.companyA1, debtorId: d2, amount: '150.00', receivedOn: '2025-03-14', autoAllocate: true, reference: 'BANK-1' });
    expect(payment.unallocated).toBe('0.00');
    expect((await api.invoice.get({ invoiceId: older.id })).status).toBe('paid');
    expect((await api.invoice.get({ invoiceId: newer.id })).open).toBe('92.00');
    await api.payment.reverse({ paymentId: payment.id, reason: 'returned by the bank' });
    expect((await api.invoice.get({ invoiceId: older.id })).open).toBe('121.00');
    expect((await api.invoice.get({ invoiceId: older.id })).status).toBe('open');
    await expect(api.payment.reverse({ paymentId: payment.id, reason: 'again' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(
      api.payment.record({ companyId: tenancy.companyA1, debtorId: d2, amount: '1.00', receivedOn: '2025-03-14', reference: 'BANK-1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('BANK-1') });
  });

  it('allocates an unallocated payment later, within what is left of it', async () => {
    const inv = await create('F2025-020', '50.00');
    const payment = await api.payment.record({ companyId: tenancy.companyA1, debtorId, amount: '30.00', receivedOn: '2025-03-14' });
    expect(payment.unallocated).toBe('30.00');
    const before = await snapshot(db);
    await expect(api.payment.allocate({ paymentId: payment.id, allocations: [{ invoiceId: inv.id, amount: '40.00' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'allocations' });
    expect(await snapshot(db)).toEqual(before);
    const after = await api.payment.allocate({ paymentId: payment.id, allocations: [{ invoiceId: inv.id, amount: '30.00' }] });
    expect(after.unallocated).toBe('0.00');
    expect((await api.invoice.get({ invoiceId: inv.id })).open).toBe('30.50');
  });

  it('optimistic locking: the second of two edits from the same version gets CONFLICT and changes nothing', async () => {
    const inv = await create('F2025-030', '10.00');
    const other = callerFor(db, tenancy.users.entrepreneurA1);
    await api.invoice.update({ invoiceId: inv.id, version: 1, dueDate: '2025-04-30' });
    const before = await snapshot(db);
    const error = await other.invoice.update({ invoiceId: inv.id, version: 1, dueDate: '2025-05-31' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toMatch(/version 1, it is now at version 2/);
    expect(await snapshot(db)).toEqual(before);
    expect((await api.invoice.get({ invoiceId: inv.id })).dueDate).toBe('2025-04-30');
  });

  it('refuses to change the lines of a partly paid invoice and to cancel it', async () => {
    const inv = await create('F2025-040', '100.00');
    await api.payment.record({ companyId: tenancy.companyA1, debtorId, amount: '21.00', receivedOn: '2025-03-14', allocations: [{ invoiceId: inv.id, amount: '21.00' }] });
    const current = await api.invoice.get({ invoiceId: inv.id });
    await expect(api.invoice.update({ invoiceId: inv.id, version: current.version, lines: [line('5.00')] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(api.invoice.cancel({ invoiceId: inv.id, version: current.version, reason: 'wrong customer' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('refuses a due date before the issue date and an unknown VAT rate (FactError → BAD_REQUEST)', async () => {
    const before = await snapshot(db);
    await expect(api.invoice.create({ companyId: tenancy.companyA1, debtorId, number: 'X-1', issueDate: '2025-03-01', dueDate: '2025-02-01', lines: [line('1.00')] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'dueDate',
    });
    const vat = await api.invoice.create({ companyId: tenancy.companyA1, debtorId, number: 'X-2', issueDate: '2025-03-01', dueDate: '2025-03-31', lines: [line('1.00', '17')] }).catch((e: unknown) => e);
    expect(vat).toMatchObject({ code: 'BAD_REQUEST', factCode: expect.stringMatching(/VAT/) });
    expect(await snapshot(db)).toEqual(before);
  });

  it('cancels an open invoice with the right version', async () => {
    const inv = await create('F2025-050', '10.00');
    const cancelled = await api.invoice.cancel({ invoiceId: inv.id, version: 1, reason: 'sent twice' });
    expect(cancelled).toMatchObject({ status: 'cancelled', open: '0.00', version: 2 });
  });

  it('searches, filters, sorts and pages with a cursor without skipping or repeating', async () => {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await api.invoice.list({ companyId: tenancy.companyA1, sort: 'number', direction: 'desc', limit: 3, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const numbers = all.map((i) => i.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(new Set(numbers).size).toBe(numbers.length);
    const everything = await api.invoice.list({ companyId: tenancy.companyA1, limit: 200 });
    expect(all.length).toBe(everything.items.length);
    const found = await api.invoice.list({ companyId: tenancy.companyA1, search: 'peeters' });
    expect(found.items.map((i) => i.number).sort()).toEqual(['P-1', 'P-2']);
    const overdue = await api.invoice.list({ companyId: tenancy.companyA1, overdueOnly: true, sort: 'open', direction: 'desc' });
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    await expect(api.invoice.list({ companyId: tenancy.companyA1, cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'cursor' });
  });

  it('two concurrent payments that together exceed the open balance: one is recorded, the other refused', async () => {
    const inv = await create('F2025-060', '100.00');
    const other = callerFor(db, tenancy.users.entrepreneurA1);
    const pay = (caller: typeof api) =>
      caller.payment.record({ companyId: tenancy.companyA1, debtorId, amount: '100.00', receivedOn: '2025-03-14', allocations: [{ invoiceId: inv.id, amount: '100.00' }] });
    const results = await Promise.allSettled([pay(api), pay(other)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['BAD_REQUEST', 'CONFLICT']).toContain((refused.reason as { code: string }).code);
    expect((await api.invoice.get({ invoiceId: inv.id })).open).toBe('21.00');
  });
});

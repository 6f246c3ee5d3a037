import { money } from '@fact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { isDbError } from './errors.js';
import { invoiceFor, line, twoTenants } from './fixtures.test-helper.js';
import { listInvoices } from './invoiceList.js';
import { cancelInvoice, createInvoice, getInvoice, updateInvoice } from './invoices.js';

describe.each(testTargets())('invoices on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());

  it('creates an invoice with its lines and totals in cents, and reads it back exactly', async () => {
    const inv = await createInvoice(db, { companyId: w.a.id }, {
      debtorId: w.debtorA.id,
      number: 'A-1',
      issueDate: '2025-03-01',
      dueDate: '2025-03-31',
      paymentReference: '+++090/9337/55493+++',
      lines: [line('100.10'), { ...line('0.20'), quantity: '2.5', unitPrice: '0.08' }],
    });
    expect(inv.total.toFixed(2)).toBe('121.36'); // 100.10 + 21.02 + 0.20 + 0.04
    expect(inv.openAmount.equals(inv.total)).toBe(true);
    const back = await getInvoice(db, { companyId: w.a.id }, inv.id);
    expect(back?.lines.map((l) => [l.quantity, l.unitPrice, l.net.toFixed(2)])).toEqual([
      ['1', '100.10', '100.10'],
      ['2.5', '0.08', '0.20'],
    ]);
    expect(back?.issueDate).toBe('2025-03-01');
    expect(back?.version).toBe(1);
  });

  it("never shows another company's invoice: it looks missing", async () => {
    const inv = await invoiceFor(db, w.b.id, w.debtorB.id, 'B-1');
    expect(await getInvoice(db, { companyId: w.a.id }, inv.id)).toBeUndefined();
    await expect(updateInvoice(db, { companyId: w.a.id }, inv.id, { version: 1, dueDate: '2025-05-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cancelInvoice(db, { companyId: w.a.id }, inv.id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuses an invoice of company A for company B's debtor (composite foreign key)", async () => {
    const err = await invoiceFor(db, w.a.id, w.debtorB.id, 'A-X').catch((e: unknown) => e);
    expect(isDbError(err, 'CONSTRAINT_VIOLATION')).toBe(true);
  });

  it('refuses a second invoice with the same number in a company, but not in another', async () => {
    await invoiceFor(db, w.a.id, w.debtorA.id, 'DUP-1');
    await expect(invoiceFor(db, w.a.id, w.debtorA.id, 'DUP-1')).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(invoiceFor(db, w.b.id, w.debtorB.id, 'DUP-1')).resolves.toBeTruthy();
  });

  it('leaves nothing behind when a line is refused (one transaction)', async () => {
    const bad = { ...line('10'), net: money('10.005') };
    await expect(createInvoice(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, number: 'ATOM-1', issueDate: '2025-03-01', dueDate: '2025-03-31', lines: [line('1'), bad] })).rejects.toThrow(/fraction of a cent/);
    const page = await listInvoices(db, { companyId: w.a.id }, { search: 'ATOM-1' });
    expect(page.items).toHaveLength(0);
  });

  it('refuses impossible dates and a due date before the issue date', async () => {
    await expect(invoiceFor(db, w.a.id, w.debtorA.id, 'D-1', '1', { issueDate: '2025-02-30', dueDate: '2025-03-31' })).rejects.toMatchObject({ code: 'INVALID_DATE', field: 'issueDate' });
    await expect(invoiceFor(db, w.a.id, w.debtorA.id, 'D-2', '1', { issueDate: '2025-03-10', dueDate: '2025-03-01' })).rejects.toMatchObject({ code: 'CONSTRAINT_VIOLATION' });
  });

  it('updates with a version check: the second writer with the old version gets STALE_VERSION', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'V-1');
    const first = await updateInvoice(db, { companyId: w.a.id }, inv.id, { version: inv.version, dueDate: '2025-04-30' });
    expect(first.version).toBe(2);
    expect(first.dueDate).toBe('2025-04-30');
    await expect(updateInvoice(db, { companyId: w.a.id }, inv.id, { version: inv.version, dueDate: '2025-05-31' })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const replaced = await updateInvoice(db, { companyId: w.a.id }, inv.id, { version: 2, lines: [line('200')] });
    expect(replaced.total.toFixed(2)).toBe('242.00');
    expect(replaced.openAmount.toFixed(2)).toBe('242.00');
  });

  it('cancels an untouched invoice once', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'C-1');
    const c = await cancelInvoice(db, { companyId: w.a.id }, inv.id, inv.version);
    expect(c.status).toBe('cancelled');
    await expect(cancelInvoice(db, { companyId: w.a.id }, inv.id, c.version)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lists with filters, sort and a keyset cursor that visits every row once', async () => {
    for (let n = 0; n < 7; n++) await invoiceFor(db, w.a.id, w.debtorA.id, `L-${n}`, String(10 + n), { issueDate: `2025-01-0${n + 1}`, dueDate: `2025-02-0${n + 1}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInvoices(db, { companyId: w.a.id }, { search: 'l-', sort: 'total', direction: 'asc', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['L-0', 'L-1', 'L-2', 'L-3', 'L-4', 'L-5', 'L-6']);
    const overdue = await listInvoices(db, { companyId: w.a.id }, { overdueOn: '2025-02-04', search: 'l-', sort: 'dueDate', direction: 'asc' });
    expect(overdue.items.map((i) => i.number)).toEqual(['L-0', 'L-1', 'L-2']);
    const ranged = await listInvoices(db, { companyId: w.a.id }, { minTotal: money('14.52'), maxTotal: money('16.94'), issuedFrom: '2025-01-01', issuedTo: '2025-01-31' });
    expect(ranged.items.map((i) => i.number).sort()).toEqual(['L-2', 'L-3', 'L-4']);
    expect(ranged.items[0]?.debtorName).toBe('Kroon NV');
    const firm = await listInvoices(db, { firmId: w.firm.id, companyIds: [w.b.id] }, { search: 'l-' });
    expect(firm.items).toHaveLength(0);
  });
});

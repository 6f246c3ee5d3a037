import { money } from '@fact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { invoiceFor, line, twoTenants } from './fixtures.test-helper.js';
import { createCreditNote, getInvoice } from './invoices.js';
import { ageing, companyKpis } from './kpis.js';
import { allocatePayment, applyCreditNote, listAllocations, recordPayment, reversePayment } from './payments.js';

describe.each(testTargets())('payments, allocations and KPIs on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());
  const A = () => ({ companyId: w.a.id });

  it('a payment lowers the open amount, marks paid at zero, and reversal restores both', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'P-1'); // 121.00
    const p1 = await recordPayment(db, A(), { amount: money('100'), receivedOn: '2025-04-01', method: 'bank_transfer', reference: 'BANK-1', allocations: [{ invoiceId: inv.id, amount: money('100') }] });
    expect(p1.unallocated.toFixed(2)).toBe('0.00');
    expect((await getInvoice(db, A(), inv.id))?.openAmount.toFixed(2)).toBe('21.00');
    const p2 = await recordPayment(db, A(), { amount: money('30'), receivedOn: '2025-04-02', method: 'bank_transfer', reference: 'BANK-2' });
    await allocatePayment(db, A(), p2.id, [{ invoiceId: inv.id, amount: money('21') }], '2025-04-02');
    const paid = await getInvoice(db, A(), inv.id);
    expect([paid?.status, paid?.openAmount.toFixed(2)]).toEqual(['paid', '0.00']);
    const reversed = await reversePayment(db, A(), p1.id, 'booked twice');
    expect(reversed.reversedAt).toBeInstanceOf(Date);
    const back = await getInvoice(db, A(), inv.id);
    expect([back?.status, back?.openAmount.toFixed(2)]).toEqual(['open', '100.00']);
    expect((await listAllocations(db, A(), { invoiceId: inv.id })).map((a) => [a.amount.toFixed(2), a.reversedAt !== null])).toEqual([
      ['100.00', true],
      ['21.00', false],
    ]);
    await expect(reversePayment(db, A(), p1.id, 'again')).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses over-allocation and writes nothing of that payment', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'P-2', '10'); // 12.10
    await expect(
      recordPayment(db, A(), { amount: money('20'), receivedOn: '2025-04-01', method: 'bank_transfer', reference: 'BANK-OVER', allocations: [{ invoiceId: inv.id, amount: money('12.11') }] }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // The reference is free again: the failed transaction left no payment behind.
    await expect(recordPayment(db, A(), { amount: money('20'), receivedOn: '2025-04-01', method: 'bank_transfer', reference: 'BANK-OVER' })).resolves.toBeTruthy();
    await expect(recordPayment(db, A(), { amount: money('20'), receivedOn: '2025-04-01', method: 'bank_transfer', reference: 'BANK-OVER' })).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it("cannot allocate to another company's invoice", async () => {
    const invB = await invoiceFor(db, w.b.id, w.debtorB.id, 'PB-1');
    await expect(
      recordPayment(db, A(), { amount: money('1'), receivedOn: '2025-04-01', method: 'cash', allocations: [{ invoiceId: invB.id, amount: money('1') }] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('applies a credit note against an invoice, lowering both', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'P-3');
    const cn = await createCreditNote(db, A(), { debtorId: w.debtorA.id, number: 'CN-1', issueDate: '2025-03-05', dueDate: '2025-03-05', creditsInvoiceId: inv.id, lines: [line('50')] });
    await applyCreditNote(db, A(), cn.id, inv.id, money('60.50'), '2025-03-05');
    expect((await getInvoice(db, A(), inv.id))?.openAmount.toFixed(2)).toBe('60.50');
    expect((await getInvoice(db, A(), cn.id))?.openAmount.toFixed(2)).toBe('0.00');
  });

  it('computes KPIs per company in one query and ages the open balance into buckets that sum to it', async () => {
    const fresh = await twoTenants(db);
    const c = fresh.a.id;
    await invoiceFor(db, c, fresh.debtorA.id, 'K-1', '100', { issueDate: '2025-05-01', dueDate: '2025-06-25' }); // current on 06-30? no: 5 days overdue
    await invoiceFor(db, c, fresh.debtorA.id, 'K-2', '200', { issueDate: '2025-06-01', dueDate: '2025-07-01' }); // not due
    await invoiceFor(db, c, fresh.debtorA.id, 'K-3', '300', { issueDate: '2025-01-01', dueDate: '2025-02-01' }); // > 90 days
    const [k, empty] = await companyKpis(db, { firmId: fresh.firm.id, companyIds: [c, fresh.b.id] }, '2025-06-30');
    expect(k?.outstanding.toFixed(2)).toBe('726.00');
    expect(k?.overdue.toFixed(2)).toBe('484.00');
    expect(k?.overduePercent).toBe('66.67');
    expect(k?.openInvoices).toBe(3);
    expect(k?.sales.toFixed(2)).toBe('363.00'); // K-1 and K-2 in the 90-day window
    expect(k?.dso).toBe(180); // 726 / 363 × 90
    expect(empty).toMatchObject({ openInvoices: 0, dso: null, overduePercent: '0.00' });
    const a = await ageing(db, { companyId: c }, '2025-06-30');
    expect([a.current, a.days1to30, a.days31to60, a.days61to90, a.over90].map((m) => m.toFixed(2))).toEqual(['242.00', '121.00', '0.00', '0.00', '363.00']);
    expect(a.total.toFixed(2)).toBe(k?.outstanding.toFixed(2));
  });
});

// The procedures the portal used to work around: promises to pay, the payments of one invoice,
// a debtor's payment behaviour, a document's details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { snapshot } from './snapshot.js';

const line = (unitPrice = '100.00') => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

describe.each(DIALECTS)('promise, payment.forInvoice, debtor.behaviour, document.get on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let companyId: string;
  let debtorId: string;
  let otherDebtorId: string;
  let invoiceId: string;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    companyId = tenancy.companyA1;
    debtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Garage Peeters', language: 'nl', country: 'BE' })).id;
    otherDebtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Drukkerij Maes', language: 'nl', country: 'BE' })).id;
    invoiceId = (await api.invoice.create({ companyId, debtorId, number: 'P-1', issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line()] })).id;
  }, 60_000);
  afterAll(() => dispose());

  describe('collection.promise', () => {
    it('records a promise for an invoice and lists it, newest first', async () => {
      const p = await api.collection.promise.record({ debtorId, invoiceId, amount: '121.00', promisedOn: '2025-03-15', dueOn: '2025-03-31', note: 'Called the owner' });
      expect(p).toMatchObject({ debtorId, invoiceId, amount: '121.00', promisedOn: '2025-03-15', dueOn: '2025-03-31', status: 'pending', version: 1 });
      const list = await api.collection.promise.list({ debtorId });
      expect(list.map((x) => x.id)).toContain(p.id);
    });

    it.each([
      ['a due date before the promise', { dueOn: '2025-03-01' }, 'dueOn'],
      ['an invoice of another debtor', { debtorId: 'other' }, 'invoiceId'],
      ['an amount with a fraction of a cent', { amount: '10.005' }, 'amount'],
      ['a date that does not exist', { dueOn: '2025-02-30' }, 'dueOn'],
    ])('refuses %s with BAD_REQUEST naming the field, and writes nothing', async (_label, patch, field) => {
      const before = await snapshot(db);
      const input = { debtorId, invoiceId, amount: '50.00', promisedOn: '2025-03-15', dueOn: '2025-03-31', ...patch };
      if (input.debtorId === 'other') input.debtorId = otherDebtorId;
      await expect(api.collection.promise.record(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', field });
      expect(await snapshot(db)).toEqual(before);
    });

    it('settles a promise once, refusing a stale version and a second settlement', async () => {
      const p = await api.collection.promise.record({ debtorId, amount: '20.00', promisedOn: '2025-03-15', dueOn: '2025-03-20' });
      await expect(api.collection.promise.settle({ debtorId, promiseId: p.id, version: p.version + 1, status: 'kept' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(api.collection.promise.settle({ debtorId, promiseId: p.id, version: p.version, status: 'kept' })).resolves.toMatchObject({ status: 'kept', version: 2 });
      await expect(api.collection.promise.settle({ debtorId, promiseId: p.id, version: 2, status: 'broken' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    });

    it("treats another debtor's promise id as unknown (NOT_FOUND, same words)", async () => {
      const p = await api.collection.promise.record({ debtorId, amount: '5.00', promisedOn: '2025-03-15', dueOn: '2025-03-20' });
      const error = await api.collection.promise.settle({ debtorId: otherDebtorId, promiseId: p.id, version: 1, status: 'kept' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NOT_FOUND', message: `No promise to pay with id ${p.id} was found.` });
    });

    it('is audited', async () => {
      const trail = await db.db.select().from(db.tables.auditLog);
      expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['promise.record', 'promise.settle']));
    });
  });

  describe('payment.forInvoice', () => {
    it('lists what settled the invoice, with the payment facts, and keeps a reversed payment marked', async () => {
      const inv = await api.invoice.create({ companyId, debtorId, number: 'P-2', issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line()] });
      const first = await api.payment.record({ companyId, debtorId, amount: '21.00', receivedOn: '2025-02-20', reference: 'BANK-1', allocations: [{ invoiceId: inv.id, amount: '21.00' }] });
      const second = await api.payment.record({ companyId, debtorId, amount: '50.00', receivedOn: '2025-03-01', method: 'card', allocations: [{ invoiceId: inv.id, amount: '50.00' }] });
      await api.payment.reverse({ paymentId: second.id, reason: 'Card charge-back' });
      const result = await api.payment.forInvoice({ invoiceId: inv.id });
      expect(result).toMatchObject({ invoiceId: inv.id, total: '121.00', open: '100.00', paid: '21.00' });
      expect(result.settlements).toEqual([
        expect.objectContaining({ source: 'payment', paymentId: first.id, receivedOn: '2025-02-20', reference: 'BANK-1', amount: '21.00', reversed: false }),
        expect.objectContaining({ source: 'payment', paymentId: second.id, method: 'card', amount: '50.00', reversed: true }),
      ]);
    });
  });

  describe('debtor.behaviour', () => {
    it('says there is no history for a debtor that never paid, and grades it unknown', async () => {
      const b = await api.debtor.behaviour({ debtorId: otherDebtorId });
      expect(b).toMatchObject({ asOf: '2025-03-15', behaviour: { kind: 'no-history', sampleSize: 0 }, risk: { grade: 'unknown', unconfirmed: true } });
    });

    it('measures days to pay and beyond terms from the settled invoices, and grades the debtor', async () => {
      const d = (await api.debtor.create({ companyId, kind: 'business', name: 'Bouwbedrijf Claes', language: 'nl', country: 'BE' })).id;
      // Three invoices due 30 days after issue, paid 0, 10 and 20 days late.
      for (const [k, paidOn] of (['2024-11-30', '2024-12-10', '2024-12-20'] as const).entries()) {
        const inv = await api.invoice.create({ companyId, debtorId: d, number: `B-${k}`, issueDate: '2024-10-31', dueDate: '2024-11-30', lines: [line()] });
        await api.payment.record({ companyId, debtorId: d, amount: '121.00', receivedOn: paidOn, allocations: [{ invoiceId: inv.id, amount: '121.00' }] });
      }
      const b = await api.debtor.behaviour({ debtorId: d, asOf: '2025-03-15' });
      expect(b.behaviour).toMatchObject({ kind: 'history', sampleSize: 3, paymentCount: 3, amountPaid: '363.00', averageDaysToPay: { perInvoice: '40.0' }, averageDaysBeyondTerms: { perInvoice: '10.0' }, longestDaysBeyondTerms: 20, lastPaidOn: '2024-12-20' });
      expect(b.openOverdue).toEqual({ invoices: 0, maxDaysOverdue: 0 });
      // 10 days beyond terms on average and a third paid on time: not A, not B (on-time ratio 0.33 < 0.50 for C) → D.
      expect(b.risk.grade).toBe('D');
      expect(b.risk.reasons.length).toBeGreaterThan(0);
    });

    it('refuses a date that does not exist, naming the field', async () => {
      await expect(api.debtor.behaviour({ debtorId, asOf: '2025-13-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'asOf' });
    });
  });

  describe('document.get', () => {
    it('gives the details of a document and the invoice it is attached to, without the bytes', async () => {
      const doc = await api.document.upload({ companyId, invoiceId, kind: 'invoice_pdf', fileName: 'P-1.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 test').toString('base64') });
      const got = await api.document.get({ documentId: doc.id });
      expect(got).toMatchObject({ id: doc.id, fileName: 'P-1.pdf', mediaType: 'application/pdf', sizeBytes: 13, invoices: [{ id: invoiceId, number: 'P-1' }] });
      expect(got).not.toHaveProperty('contentBase64');
    });
  });
});

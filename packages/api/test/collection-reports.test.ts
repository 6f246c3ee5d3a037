import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { snapshot } from './snapshot.js';

const line = (unitPrice: string) => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

describe.each(DIALECTS)('collection, documents, dunning and reports on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let debtorId: string;
  let consumerId: string;
  let overdue: { id: string };
  let recent: { id: string };

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const companyId = tenancy.companyA1;
    debtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'BE' })).id;
    consumerId = (await api.debtor.create({ companyId, kind: 'consumer', name: 'Jan Peeters', language: 'nl', country: 'BE' })).id;
    // 1210.00 due 2025-01-15: 59 days overdue on 2025-03-15.
    overdue = await api.invoice.create({ companyId, debtorId, number: 'F-100', issueDate: '2024-12-16', dueDate: '2025-01-15', lines: [line('1000.00')] });
    // 121.00 due 2025-03-10: 5 days overdue.
    recent = await api.invoice.create({ companyId, debtorId, number: 'F-101', issueDate: '2025-02-08', dueDate: '2025-03-10', lines: [line('100.00')] });
    await api.invoice.create({ companyId, debtorId: consumerId, number: 'F-102', issueDate: '2025-03-01', dueDate: '2025-03-31', lines: [line('50.00')] });
  });
  afterAll(() => dispose());

  it('ageing: buckets add up to the open total, as of the company date', async () => {
    const report = await api.reports.ageing({ companyId: tenancy.companyA1 });
    expect(report.asOf).toBe('2025-03-15');
    expect(report.total).toBe('1391.50');
    const sum = report.buckets.reduce((s, b) => s + Math.round(Number(b.amount) * 100), 0);
    expect(sum).toBe(139150);
    expect(report.buckets.find((b) => b.fromDays === 31)?.amount).toBe('1210.00');
  });

  it('top overdue debtors: the business debtor with both overdue invoices', async () => {
    expect(await api.reports.topOverdue({ companyId: tenancy.companyA1 })).toEqual([
      { debtorId, name: 'Brouwerij Dijkstra', overdue: '1331.00', invoices: 2, oldestDueDate: '2025-01-15' },
    ]);
  });

  it('DSO over 90 days: open receivables / invoiced × 90', async () => {
    const r = await api.reports.dso({ companyId: tenancy.companyA1 });
    expect(r).toMatchObject({ kind: 'days', receivables: '1391.50', sales: '1391.50', periodFrom: '2024-12-16' });
    expect(r.days).toBe('90');
  });

  it('claim statement: statutory interest per invoice with segments, and €40 per invoice for a business', async () => {
    const s = await api.reports.claimStatement({ debtorId, asOf: '2025-03-15' });
    expect(s.lines.map((l) => l.number).sort()).toEqual(['F-100', 'F-101']);
    const first = s.lines.find((l) => l.number === 'F-100')!;
    expect(first.recoveryCost).toBe('40.00');
    expect(Number(first.interest)).toBeGreaterThan(0);
    expect(first.interestSegments[0]).toMatchObject({ from: '2025-01-16' });
    expect(s.totals.recoveryCosts).toBe('80.00');
    expect(s.totals.principal).toBe('1331.00');
    const cents = (x: string) => Math.round(Number(x) * 100);
    expect(cents(s.totals.total)).toBe(cents(s.totals.principal) + cents(s.totals.interest) + cents(s.totals.recoveryCosts));
  });

  it('claim statement refuses a date in the wrong format', async () => {
    await expect(api.reports.claimStatement({ debtorId, asOf: '2025-3-15' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'asOf' });
  });

  it('VAT relief: nothing is eligible yet for recent invoices, and the period is parsed', async () => {
    const r = await api.reports.vatRelief({ companyId: tenancy.companyA1, period: '2025-Q1' });
    expect(r.period).toMatchObject({ from: '2025-01-01', to: '2025-03-31', label: '2025-Q1' });
    expect(r.eligible).toEqual([]);
    await expect(api.reports.vatRelief({ companyId: tenancy.companyA1, period: '2025-13' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'period' });
  });

  it('dunning preview: the overdue invoices get an action; a disputed one is skipped with the reason', async () => {
    const before = await api.dunning.preview({ companyId: tenancy.companyA1 });
    const remind = before.actions.flatMap((a) => a.itemIds);
    expect(remind).toContain(overdue.id);
    await api.collection.dispute.open({ invoiceId: overdue.id, reason: 'Goods damaged', openedOn: '2025-03-01' });
    const after = await api.dunning.preview({ companyId: tenancy.companyA1 });
    expect(after.actions.flatMap((a) => a.itemIds)).not.toContain(overdue.id);
    expect(after.skipped).toContainEqual(expect.objectContaining({ itemId: overdue.id, reason: 'disputed' }));
    const firm = await api.dunning.firmPreview();
    expect(firm.every((c) => [tenancy.companyA1, tenancy.companyA2].includes(c.companyId))).toBe(true);
  });

  it('a second open dispute on the same invoice is a CONFLICT; resolving with a stale version too', async () => {
    await expect(api.collection.dispute.open({ invoiceId: overdue.id, reason: 'Again', openedOn: '2025-03-02' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const state = await api.collection.forInvoice({ invoiceId: overdue.id });
    const dispute = state.disputes[0]!;
    const resolved = await api.collection.dispute.resolve({ disputeId: dispute.id, version: dispute.version, outcome: 'resolved', resolution: 'Credit note agreed', resolvedOn: '2025-03-14' });
    expect(resolved.version).toBe(dispute.version + 1);
    const before = await snapshot(db);
    await expect(api.collection.dispute.resolve({ disputeId: dispute.id, version: dispute.version, outcome: 'rejected', resolution: 'x'.repeat(5), resolvedOn: '2025-03-14' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a hold with an end before its start is refused; a valid one pauses the debtor and can be released once', async () => {
    await expect(api.collection.hold.place({ debtorId, reason: 'Talks', fromDate: '2025-03-10', untilDate: '2025-03-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'untilDate' });
    await expect(api.collection.hold.place({ debtorId, invoiceId: recent.id, reason: 'Talks', fromDate: '2025-03-10' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const hold = await api.collection.hold.place({ debtorId, reason: 'Talks with the owner', fromDate: '2025-03-10' });
    const plan = await api.dunning.preview({ companyId: tenancy.companyA1 });
    expect(plan.skipped).toContainEqual(expect.objectContaining({ itemId: recent.id, reason: 'on-hold' }));
    await expect(api.collection.hold.release({ holdId: hold.id, version: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await api.collection.hold.release({ holdId: hold.id, version: 1 });
    await expect(api.collection.hold.release({ holdId: hold.id, version: 2 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('a payment plan must cover exactly the open amount, with instalments in order', async () => {
    const before = await snapshot(db);
    await expect(
      api.collection.paymentPlan.create({ debtorId, invoiceIds: [recent.id], agreedOn: '2025-03-15', installments: [{ dueOn: '2025-04-01', amount: '100.00' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'installments' });
    await expect(
      api.collection.paymentPlan.create({
        debtorId,
        invoiceIds: [recent.id],
        agreedOn: '2025-03-15',
        installments: [
          { dueOn: '2025-05-01', amount: '60.00' },
          { dueOn: '2025-04-01', amount: '61.00' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'installments[1].dueOn' });
    expect(await snapshot(db)).toEqual(before);
    const plan = await api.collection.paymentPlan.create({
      debtorId,
      invoiceIds: [recent.id],
      agreedOn: '2025-03-15',
      installments: [
        { dueOn: '2025-04-01', amount: '60.50' },
        { dueOn: '2025-05-01', amount: '60.50' },
      ],
    });
    await api.collection.paymentPlan.cancel({ paymentPlanId: plan.id, version: 1 });
    expect((await api.collection.forInvoice({ invoiceId: recent.id })).paymentPlans).toEqual([expect.objectContaining({ id: plan.id, status: 'cancelled' })]);
  });

  it('documents: upload attaches to an invoice and downloads the same bytes; oversized uploads are refused and write nothing', async () => {
    const bytes = Buffer.from('%PDF-1.7 factuur F-100');
    const doc = await api.document.upload({ companyId: tenancy.companyA1, invoiceId: overdue.id, kind: 'invoice_pdf', fileName: 'F-100.pdf', mediaType: 'application/pdf', contentBase64: bytes.toString('base64') });
    const down = await api.document.download({ documentId: doc.id });
    expect(Buffer.from(down.contentBase64, 'base64').equals(bytes)).toBe(true);
    expect((await api.document.list({ companyId: tenancy.companyA1 })).map((d) => d.id)).toContain(doc.id);

    const small = callerFor(db, tenancy.users.accountantA, { settings: { maxUploadBytes: 16 } });
    const before = await snapshot(db);
    const error = await small.document
      .upload({ companyId: tenancy.companyA1, kind: 'proof', fileName: 'big.pdf', mediaType: 'application/pdf', contentBase64: Buffer.alloc(64, 1).toString('base64') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'contentBase64' });
    expect((error as Error).message).toMatch(/limit/);
    await expect(api.document.upload({ companyId: tenancy.companyA1, kind: 'proof', fileName: '../etc/passwd', mediaType: 'application/pdf', contentBase64: 'AAAA' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'fileName',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('audit: the history of an invoice names who did what, in order', async () => {
    const history = await api.audit.history({ invoiceId: overdue.id });
    expect(history[0]).toMatchObject({ action: 'invoice.create', actor: { id: tenancy.users.accountantA.id } });
    await expect(api.audit.history({ invoiceId: overdue.id, debtorId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('company: update with identifiers checked by core; a bad IBAN is BAD_REQUEST naming the field', async () => {
    const company = await api.company.get({ companyId: tenancy.companyA1 });
    await expect(api.company.update({ companyId: tenancy.companyA1, version: company.version, iban: 'BE00 0000 0000 0000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'iban',
      factCode: 'INVALID_IBAN',
    });
    const updated = await api.company.update({ companyId: tenancy.companyA1, version: company.version, iban: 'BE71 0961 2345 6769' });
    expect(updated.version).toBe(company.version + 1);
    expect((await api.company.get({ companyId: tenancy.companyA1 })).iban).toBe('BE71096123456769');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money } from '@fact/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { appendAudit, auditTrail } from './audit.js';
import { ensureBankAccount, importStatement, listBankTransactions } from './bank.js';
import { activeHolds, appendDunningEvents, closeDispute, createPaymentPlan, listDisputes, listDunningEvents, openDispute, placeHold, recordPromise, releaseHold, settlePromise } from './collection.js';
import { getDebtor, updateDebtor } from './debtors.js';
import { readDocument, storeDocument } from './documents.js';
import { createFactoringBatch, setFactoringBatchStatus } from './factoring.js';
import { invoiceFor, twoTenants } from './fixtures.test-helper.js';
import { addMembership, createUser, findUserByEmail, visibleCompanies } from './tenancy.js';

/** Drizzle wraps driver errors: look through the causes. */
const mentions = (text: string) => (e: unknown) => {
  for (let x = e as { message?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) if (x.message?.includes(text)) return true;
  return false;
};

describe.each(testTargets())('records on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());
  const A = () => ({ companyId: w.a.id });

  it('finds users by email in any case and lists what they may see', async () => {
    const u = await createUser(db, { email: 'An@Demo.BE', name: 'An', language: 'nl', passwordHash: 'scrypt$x' });
    await addMembership(db, { userId: u.id, companyId: w.b.id, role: 'entrepreneur' });
    expect((await findUserByEmail(db, 'an@demo.be'))?.id).toBe(u.id);
    expect((await visibleCompanies(db, u.id)).map((c) => c.companyId)).toEqual([w.b.id]);
    await addMembership(db, { userId: u.id, firmId: w.firm.id, role: 'accountant' });
    expect((await visibleCompanies(db, u.id)).length).toBe(3);
    await expect(createUser(db, { email: 'an@demo.be', name: 'Twin', language: 'fr', passwordHash: 'x' })).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('keeps debtor contacts with the billing contact first and versions debtor edits', async () => {
    const d = await updateDebtor(db, A(), w.debtorA.id, {
      version: w.debtorA.version,
      creditLimit: money('5000'),
      contacts: [
        { role: 'sales', name: 'Sam', email: null, phone: null, language: null },
        { role: 'billing', name: 'Els', email: 'ap@kroon.be', phone: null, language: 'nl' },
      ],
    });
    expect(d.contacts.map((c) => c.name)).toEqual(['Els', 'Sam']);
    expect(d.creditLimit?.toFixed(2)).toBe('5000.00');
    await expect(updateDebtor(db, A(), w.debtorA.id, { version: w.debtorA.version, name: 'x' })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await getDebtor(db, { companyId: w.b.id }, w.debtorA.id)).toBeUndefined();
  });

  it('handles disputes, holds, promises and plans within the company', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'R-1');
    const dsp = await openDispute(db, A(), { invoiceId: inv.id, reason: 'quality', openedOn: '2025-04-02' });
    expect((await listDisputes(db, A(), { openOnly: true })).map((d) => d.id)).toEqual([dsp.id]);
    await expect(closeDispute(db, A(), dsp.id, { version: 1, status: 'resolved', resolvedOn: '2025-04-01' })).rejects.toMatchObject({ code: 'CONSTRAINT_VIOLATION' });
    const closed = await closeDispute(db, A(), dsp.id, { version: 1, status: 'resolved', resolvedOn: '2025-04-20', resolution: 'credit note' });
    expect(closed.status).toBe('resolved');
    await expect(openDispute(db, { companyId: w.b.id }, { invoiceId: inv.id, reason: 'x', openedOn: '2025-04-02' })).rejects.toMatchObject({ code: 'CONSTRAINT_VIOLATION' });

    const hold = await placeHold(db, A(), { debtorId: w.debtorA.id, reason: 'talks', fromDate: '2025-04-01', untilDate: '2025-04-30' });
    expect(await activeHolds(db, A(), { invoiceId: inv.id, debtorId: w.debtorA.id }, '2025-04-15')).toHaveLength(1);
    expect(await activeHolds(db, A(), { debtorId: w.debtorA.id }, '2025-04-30')).toHaveLength(0);
    await releaseHold(db, A(), hold.id, hold.version);
    expect(await activeHolds(db, A(), { debtorId: w.debtorA.id }, '2025-04-15')).toHaveLength(0);

    const pr = await recordPromise(db, A(), { debtorId: w.debtorA.id, amount: money('50'), promisedOn: '2025-04-01', dueOn: '2025-04-15' });
    expect((await settlePromise(db, A(), pr.id, { version: 1, status: 'kept' })).status).toBe('kept');
    await expect(settlePromise(db, A(), pr.id, { version: 2, status: 'broken' })).rejects.toMatchObject({ code: 'STALE_VERSION' });

    const plan = await createPaymentPlan(db, A(), { debtorId: w.debtorA.id, agreedOn: '2025-04-01', invoiceIds: [inv.id], installments: [{ dueOn: '2025-05-01', amount: money('60.50') }, { dueOn: '2025-06-01', amount: money('60.50') }] });
    expect([plan.total.toFixed(2), plan.installments.length, plan.invoiceIds]).toEqual(['121.00', 2, [inv.id]]);
  });

  it('appends dunning events and the database refuses to change them', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'R-2');
    await appendDunningEvents(db, A(), [{ debtorId: w.debtorA.id, invoiceId: inv.id, level: 1, action: 'reminder', channel: 'email', occurredOn: '2025-04-05', explanation: { rule: 'reminder-1' } }]);
    const [e] = await listDunningEvents(db, A(), { invoiceId: inv.id });
    expect(e?.explanation).toEqual({ rule: 'reminder-1' });
    await expect(db.transaction((tx) => tx.run(sql`update dunning_events set level = 9`))).rejects.toSatisfy(mentions('append-only'));
    await expect(db.transaction((tx) => tx.run(sql`delete from dunning_events`))).rejects.toSatisfy(mentions('append-only'));
  });

  it('keeps an append-only audit trail per record', async () => {
    const at = new Date('2025-04-01T10:00:00.000Z');
    await appendAudit(db, { companyId: w.a.id, action: 'invoice.update', entityType: 'invoice', entityId: 'i-1', at, before: { total: money('1') }, after: { total: money('2') } });
    const trail = await auditTrail(db, A(), 'invoice', 'i-1');
    expect(trail.map((x) => [x.action, x.at.toISOString(), x.before, x.after])).toEqual([['invoice.update', at.toISOString(), { total: '1' }, { total: '2' }]]);
    expect(await auditTrail(db, { companyId: w.b.id }, 'invoice', 'i-1')).toEqual([]);
    await expect(db.transaction((tx) => tx.run(sql`delete from audit_log`))).rejects.toSatisfy(mentions('append-only'));
  });

  it('stores documents content-addressed and never serves them to another company', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fact-docs-'));
    const content = new TextEncoder().encode('%PDF-1.7 demo');
    const doc = await storeDocument(db, A(), { kind: 'invoice_pdf', fileName: 'F-1.pdf', mediaType: 'application/pdf', content }, { root });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readDocument(db, A(), doc.id, { root }))?.content.toString()).toBe('%PDF-1.7 demo');
    expect(await readDocument(db, { companyId: w.b.id }, doc.id, { root })).toBeUndefined();
  });

  it('imports a statement and skips transactions already known by their dedup key', async () => {
    const acc = await ensureBankAccount(db, A(), { iban: 'BE68539007547034' });
    const tx = (k: string, amount: string) => ({ bookingDate: '2025-04-01', valueDate: null, amount: money(amount), counterpartyName: 'Kroon', counterpartyIban: null, communication: null, structuredReference: null, bankReference: null, dedupKey: k });
    const first = await importStatement(db, A(), { bankAccountId: acc.id, format: 'coda', fromDate: '2025-04-01', toDate: '2025-04-01', transactions: [tx('k1', '121'), tx('k2', '-5')] });
    const again = await importStatement(db, A(), { bankAccountId: acc.id, format: 'coda', fromDate: '2025-04-01', toDate: '2025-04-02', transactions: [tx('k2', '-5'), tx('k3', '10')] });
    expect([first.inserted, again.inserted, again.skipped]).toEqual([2, 1, 1]);
    expect((await listBankTransactions(db, A(), { matchStatus: 'unmatched' })).map((t) => t.amount.toFixed(2))).toEqual(['121.00', '-5.00', '10.00']);
  });

  it('lets an invoice live in one factoring batch at a time', async () => {
    const inv = await invoiceFor(db, w.a.id, w.debtorA.id, 'F-1');
    const batch = await createFactoringBatch(db, A(), { factorName: 'Demo Factor', reference: 'FB-1', createdOn: '2025-04-01', advanceRate: '0.85', invoices: [{ invoiceId: inv.id, amount: money('121') }] });
    expect(batch.advanceRate).toBe('0.85');
    await expect(createFactoringBatch(db, A(), { factorName: 'Other', reference: 'FB-2', createdOn: '2025-04-01', invoices: [{ invoiceId: inv.id, amount: money('121') }] })).rejects.toMatchObject({ code: 'DUPLICATE' });
    const accepted = await setFactoringBatchStatus(db, A(), batch.id, { version: 1, status: 'accepted', on: '2025-04-03' });
    expect(accepted.assignments.map((a) => [a.status, a.assignedOn])).toEqual([['assigned', '2025-04-03']]);
  });
});

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { money } from '@fact/core';
import { ensureBankAccount, importStatement, openDispute, placeHold, recordPayment } from '@fact/db';
import { decide, deliverNow, emlFolderChannel, listQueue, runCompany } from '../src/index.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-gate-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('approval queue and the pre-send gate', () => {
  it('queues in approve mode, and drops at send time what was paid, disputed, held, or paid in the bank since', async () => {
    const db = await openDb(join(dir, 'fact.sqlite'));
    const s = await seed(db, { companies: 1, debtorsPerCompany: 5, mode: 'approve' });
    const companyId = s.companies[0]!.id;
    const scope = { companyId };
    const mail = emlFolderChannel(join(dir, 'outbox'));
    const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };

    const r = await runCompany(ctx, companyId, { asOf: '2025-04-10' });
    expect(r.planned).toBe(5);
    expect(r.sent).toBe(0);
    const queue = await listQueue(db, companyId);
    expect(queue.filter((q) => q.needsApproval)).toHaveLength(5);

    // Between planning and sending, the facts change for four of the five invoices.
    const [paid, disputed, held, inBank, untouched] = s.invoices;
    await recordPayment(db, scope, { debtorId: paid!.debtorId, amount: money('1060.00'), receivedOn: '2025-04-10', method: 'bank_transfer', allocations: [{ invoiceId: paid!.id, amount: money('1060.00') }] });
    await openDispute(db, scope, { invoiceId: disputed!.id, reason: 'quality', openedOn: '2025-04-10' });
    await placeHold(db, scope, { invoiceId: held!.id, reason: 'customer asked for a week', fromDate: '2025-04-10', untilDate: '2025-04-17' });
    const account = await ensureBankAccount(db, scope, { iban: 'BE68539007547034' });
    await importStatement(db, scope, {
      bankAccountId: account.id,
      format: 'manual',
      fromDate: '2025-04-10',
      toDate: '2025-04-10',
      transactions: [{ bookingDate: '2025-04-10', valueDate: null, amount: money('1091.80'), counterpartyName: 'Klant', counterpartyIban: null, communication: `betaling ${inBank!.number}`, structuredReference: null, bankReference: null, dedupKey: 'x1' }],
    });

    // An accountant approves all five; one is skipped first to show the reason is kept.
    const byInvoice = (id: string) => queue.find((q) => q.itemIds.includes(id))!.key;
    for (const inv of [paid, disputed, held, inBank, untouched]) {
      expect(await decide(db, companyId, byInvoice(inv!.id), { decision: 'approve' }, undefined, new Date())).toEqual({ ok: true, state: 'approved' });
    }
    expect(await decide(db, companyId, byInvoice(untouched!.id), { decision: 'approve' }, undefined, new Date())).toEqual({ ok: false, reason: 'not-awaiting-approval' });

    const sent = await deliverNow(ctx, companyId, queue.map((q) => q.key), '2025-04-10');
    expect(sent.sent).toBe(1);
    expect(Object.fromEntries(sent.dropped.map((d) => [d.key, d.reason]))).toEqual({
      [byInvoice(paid!.id)]: 'paid',
      [byInvoice(disputed!.id)]: 'disputed',
      [byInvoice(held!.id)]: 'on-hold',
      [byInvoice(inBank!.id)]: 'paid-in-bank',
    });
    expect(readdirSync(join(dir, 'outbox'))).toEqual([`${byInvoice(untouched!.id)}.eml`]);
    const after = await listQueue(db, companyId);
    expect(after.find((q) => q.key === byInvoice(disputed!.id))?.reason).toBe(`disputed:${disputed!.id}`);

    // The next run plans nothing new: paid is gone, disputed and held are skipped by the planner, the sent one waits for level 3.
    const next = await runCompany(ctx, companyId, { asOf: '2025-04-11' });
    expect(next.planned).toBe(0);
    expect(next.skipped.map((x) => x.reason).sort()).toEqual(['disputed', 'not-yet-due', 'on-hold']);
    mail.close();
    await db.close();
  });

  it('a skipped send keeps its reason and is never sent, even when planned again', async () => {
    const db = await openDb(join(dir, 'skip.sqlite'));
    const s = await seed(db, { companies: 1, debtorsPerCompany: 1, mode: 'approve' });
    const companyId = s.companies[0]!.id;
    const mail = emlFolderChannel(join(dir, 'outbox-skip'));
    const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };
    await runCompany(ctx, companyId, { asOf: '2025-04-10' });
    const [q] = await listQueue(db, companyId);
    expect(await decide(db, companyId, q!.key, { decision: 'skip', reason: 'belt, betaalt vrijdag' }, undefined, new Date())).toEqual({ ok: true, state: 'skipped' });
    const again = await runCompany(ctx, companyId, { asOf: '2025-04-12' });
    expect(again.planned + again.sent).toBe(0);
    expect(again.alreadyInOutbox).toBe(1);
    expect((await listQueue(db, companyId))[0]).toMatchObject({ state: 'skipped', reason: 'belt, betaalt vrijdag' });
    mail.close();
    await db.close();
  });
});

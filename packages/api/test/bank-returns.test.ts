// Returned payments undone automatically: the real OCA camt.053 return batch (RvslInd, AC06)
// against generated collections, and generated CODA statements with R-transactions; uncertain
// returns stay in the queue with the candidate, for the accountant to confirm.
import { readFileSync } from 'node:fs';
import { camtFile, codaFile } from '@fact/bank/testing';
import { createOgm, parseOgm } from '@fact/core';
import type { DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { snapshot } from './snapshot.js';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const ogm = (n: number) => parseOgm(createOgm(n)).electronic;
const PAYER = 'BE68539007547034';

describe.each(DIALECTS)('returned payments on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
  }, 60_000);
  afterAll(() => dispose());

  async function company(name: string) {
    const id = uuidv7();
    await db.transaction((tx) => tx.db.insert(tx.tables.companies).values({ id, firmId: tenancy.firmA, legalName: name, country: 'BE', language: 'nl', timeZone: 'Europe/Brussels' }));
    return id;
  }

  async function invoice(companyId: string, number: string, total: string, reference: string) {
    const debtor = await api.debtor.create({ companyId, kind: 'business', name: `Klant ${number}`, language: 'nl', country: 'BE' });
    return api.invoice.create({ companyId, debtorId: debtor.id, number, issueDate: '2025-01-02', dueDate: '2025-02-01', paymentReference: reference, lines: [{ description: 'Werk', quantity: '1', unitPrice: total, vatRate: '0', vatCategory: 'E' }] });
  }

  const audited = async (action: string) => (await db.db.select().from(db.tables.auditLog).where(eq(db.tables.auditLog.action, action))).length;

  it('undoes the two direct debits the OCA fixture returns (RvslInd, AC06), found by end-to-end id on the same account; dunning sees the invoices open again; a re-import changes nothing', async () => {
    const companyId = await company('Incasso BV');
    const a = await invoice(companyId, 'F-DD-408', '564.05', ogm(408));
    const b = await invoice(companyId, 'F-DD-407', '100.00', ogm(407));
    // The collections the fixture's return batch refers to: same account, end-to-end ids and amounts.
    const collections = camtFile({
      account: 'NL77ABNA0574908765',
      date: '2014-01-03',
      id: 'COLLECT-2014-125',
      openingBalance: '15000.00',
      entries: [
        {
          amount: '664.05',
          bankReference: 'COLL-2014-125',
          details: [
            { amount: '564.05', endToEndId: 'TESTBANK/NL/20141229/01206408', name: 'Test Customer', reference: ogm(408) },
            { amount: '100.00', endToEndId: 'TESTBANK/NL/20141229/01206407', name: 'Test Customer', reference: ogm(407) },
          ],
        },
      ],
    });
    const first = await api.bank.importStatement({ companyId, contentBase64: b64(collections), fileName: 'collections.xml' });
    expect(first).toMatchObject({ matched: 1, unmatched: 0, reversedPaymentIds: [] });
    expect(first.paymentIds).toHaveLength(2);
    expect((await api.invoice.get({ invoiceId: a.id })).status).toBe('paid');
    expect((await api.dunning.preview({ companyId })).actions.flatMap((x) => x.itemIds)).not.toContain(a.id);

    const returned = await api.bank.importStatement({ companyId, contentBase64: b64(fixture('camt053/oca-test-camt053.xml')), fileName: 'returns.xml', acceptUnbalanced: true });
    expect(returned).toMatchObject({ transactionsInserted: 3, matched: 1, unmatched: 1 });
    expect([...returned.reversedPaymentIds].sort()).toEqual([...first.paymentIds].sort());
    for (const inv of [a, b]) expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'open', open: inv.total });
    // The reversal is on the record, and dunning plans the invoices again.
    const payments = await db.db.select().from(db.tables.payments).where(eq(db.tables.payments.companyId, companyId));
    expect(payments.map((p) => [p.amountCents, p.reversedAt !== null, p.reversalReason?.includes('AC06')]).sort()).toEqual([
      [10000, true, true],
      [56405, true, true],
    ]);
    expect(await audited('bank.auto_reverse')).toBeGreaterThanOrEqual(2);
    expect((await api.dunning.preview({ companyId })).actions.flatMap((x) => x.itemIds)).toEqual(expect.arrayContaining([a.id, b.id]));
    // The queue holds the unmatched credit only: the returns were dealt with.
    expect((await api.bank.unmatched({ companyId })).map((q) => [q.kind, q.amount])).toEqual([['credit', '1405.31']]);
    // The statement's document says what it became, returned payments included.
    const doc = await api.document.get({ documentId: returned.documentId });
    expect(doc).toMatchObject({ status: 'imported' });
    const records = doc.result && 'records' in doc.result ? doc.result.records : [];
    expect(records.filter((r) => r.type === 'payment').map((r) => [r.amount, r.label, r.returnReason]).sort()).toEqual([
      ['-100.00', 'F-DD-407', 'AC06'],
      ['-564.05', 'F-DD-408', 'AC06'],
    ]);

    const before = await snapshot(db);
    const again = await api.bank.importStatement({ companyId, contentBase64: b64(fixture('camt053/oca-test-camt053.xml')), fileName: 'returns.xml', acceptUnbalanced: true });
    expect(again).toMatchObject({ transactionsInserted: 0, reversedPaymentIds: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('undoes a CODA credit returned as an R-transaction (type 2, MD06) with the same end-to-end id', async () => {
    const companyId = await company('Coda BV');
    const inv = await invoice(companyId, 'F-CODA-77', '250.00', ogm(77));
    const credit = { amount: '250.00', ogm: ogm(77), endToEndId: 'PAYER-E2E-0077', counterpartyIban: PAYER, counterpartyName: 'Bakkerij Peeters' };
    const paid = await api.bank.importStatement({ companyId, contentBase64: b64(codaFile({ account: 'BE33737018595246', date: '2025-03-03', sequence: '041', openingBalance: '0', movements: [credit] })), fileName: '041.cod' });
    expect(paid.paymentIds).toHaveLength(1);
    const back = codaFile({ account: 'BE33737018595246', date: '2025-03-05', sequence: '042', openingBalance: '250.00', movements: [{ ...credit, amount: '-250.00', ogm: undefined, freeText: 'RETOUR SEPA', rTransaction: '2', returnReason: 'MD06' }] });
    const result = await api.bank.importStatement({ companyId, contentBase64: b64(back), fileName: '042.cod' });
    expect(result).toMatchObject({ matched: 1, unmatched: 0, reversedPaymentIds: paid.paymentIds });
    expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'open', open: '250.00' });
  });

  it('keeps an uncertain return (same OGM and amount, no end-to-end id) in the queue with the candidate; confirming reverses it', async () => {
    const companyId = await company('Twijfel BV');
    const inv = await invoice(companyId, 'F-Q-88', '80.00', ogm(88));
    const paid = await api.bank.importStatement({ companyId, contentBase64: b64(codaFile({ account: 'BE33737018595246', date: '2025-03-03', sequence: '051', openingBalance: '0', movements: [{ amount: '80.00', ogm: ogm(88), counterpartyIban: PAYER }] })), fileName: '051.cod' });
    const back = await api.bank.importStatement({ companyId, contentBase64: b64(codaFile({ account: 'BE33737018595246', date: '2025-03-06', sequence: '052', openingBalance: '80.00', movements: [{ amount: '-80.00', ogm: ogm(88), counterpartyIban: PAYER }] })), fileName: '052.cod' });
    expect(back).toMatchObject({ matched: 0, unmatched: 1, reversedPaymentIds: [] });
    expect((await api.invoice.get({ invoiceId: inv.id })).status).toBe('paid');
    const [queued] = await api.bank.unmatched({ companyId });
    expect(queued).toMatchObject({ kind: 'reversal', amount: '-80.00', returnCandidates: [{ paymentId: paid.paymentIds[0], amount: '80.00', invoices: [{ id: inv.id, number: 'F-Q-88' }], reasons: ['same-amount', 'same-account', 'reference', 'iban'] }] });
    const confirmed = await api.bank.confirmReturn({ companyId, transactionId: queued!.transactionId, paymentId: paid.paymentIds[0]! });
    expect(confirmed).toMatchObject({ matchStatus: 'matched' });
    expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'open', open: '80.00' });
    expect(await api.bank.unmatched({ companyId })).toEqual([]);
    await expect(api.bank.confirmReturn({ companyId, transactionId: queued!.transactionId, paymentId: paid.paymentIds[0]! })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('does not undo a payment received on another account, even with the same end-to-end id', async () => {
    const companyId = await company('Twee rekeningen BV');
    const inv = await invoice(companyId, 'F-ACC-5', '42.00', ogm(5));
    const credit = { amount: '42.00', ogm: ogm(5), endToEndId: 'E2E-ACC-5', counterpartyIban: PAYER };
    await api.bank.importStatement({ companyId, contentBase64: b64(codaFile({ account: 'BE33737018595246', date: '2025-03-03', sequence: '061', openingBalance: '0', movements: [credit] })), fileName: 'a.cod' });
    const other = await api.bank.importStatement({ companyId, contentBase64: b64(codaFile({ account: 'BE71096123456769', date: '2025-03-04', sequence: '007', openingBalance: '100.00', movements: [{ ...credit, amount: '-42.00', ogm: undefined, rTransaction: '2', returnReason: 'AC04' }] })), fileName: 'b.cod' });
    expect(other).toMatchObject({ unmatched: 1, reversedPaymentIds: [] });
    expect((await api.invoice.get({ invoiceId: inv.id })).status).toBe('paid');
    expect((await api.bank.unmatched({ companyId }))[0]).toMatchObject({ kind: 'reversal', returnCandidates: [] });
  });

  it('a credit and its return in the same file: recorded, then undone', async () => {
    const companyId = await company('Zelfde dag BV');
    const inv = await invoice(companyId, 'F-SAME-9', '19.99', ogm(9));
    const file = camtFile({
      account: 'BE33737018595246',
      date: '2025-03-07',
      id: 'SAME-DAY',
      openingBalance: '0',
      entries: [
        { amount: '19.99', bankReference: 'IN-1', details: [{ amount: '19.99', endToEndId: 'E2E-SAME-9', reference: ogm(9), iban: PAYER }] },
        { amount: '-19.99', reversal: true, bankReference: 'BACK-1', details: [{ amount: '19.99', endToEndId: 'E2E-SAME-9', returnReason: 'AC06', iban: PAYER }] },
      ],
    });
    const result = await api.bank.importStatement({ companyId, contentBase64: b64(file), fileName: 'same.xml' });
    expect(result).toMatchObject({ matched: 2, unmatched: 0 });
    expect(result.reversedPaymentIds).toEqual(result.paymentIds);
    expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'open', open: '19.99' });
  });
});

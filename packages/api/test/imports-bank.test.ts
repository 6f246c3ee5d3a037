import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { onlyTheRefusalWasKept, snapshot } from './snapshot.js';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const CODA = 'coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod';
const CAMT = 'camt053/genkgo-camt053.v2.minimal.xml';

/** Everything a statement import may write, bank tables included. */
async function ledger(db: DbHandle) {
  const t = db.tables;
  return {
    ...(await snapshot(db)),
    accounts: await db.db.select().from(t.bankAccounts).orderBy(t.bankAccounts.id),
    statements: await db.db.select().from(t.bankStatements).orderBy(t.bankStatements.id),
    transactions: await db.db.select().from(t.bankTransactions).orderBy(t.bankTransactions.id),
  };
}

describe.each(DIALECTS)('bank statements on %s', (dialect) => {
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

  const invoice = async (companyId: string, number: string, net: string, vatRate: string, reference?: string) => {
    const debtor = await api.debtor.create({ companyId, kind: 'business', name: `Debtor of ${number}`, language: 'nl', country: 'BE' });
    return api.invoice.create({
      companyId,
      debtorId: debtor.id,
      number,
      issueDate: '2010-12-01',
      dueDate: '2010-12-31',
      ...(reference ? { paymentReference: reference } : {}),
      lines: [{ description: 'Goods', quantity: '1', unitPrice: net, vatRate, vatCategory: 'S' }],
    });
  };

  it('imports the CODA file, records the OGM credit as a payment of the invoice, queues the rest, and a second import changes nothing', async () => {
    const companyId = tenancy.companyA1;
    // 2,872.12 + 6 % VAT = 3,044.45: exactly the credit with +++240/2838/42818+++.
    const inv = await invoice(companyId, 'F-CODA-1', '2872.12', '6', '+++240/2838/42818+++');
    expect(inv.total).toBe('3044.45');
    const first = await api.bank.importStatement({ companyId, contentBase64: b64(fixture(CODA)), fileName: 'extract.cod' });
    expect(first).toMatchObject({ format: 'coda', statements: 1, statementsSkipped: 0, transactionsInserted: 5, transactionsSkipped: 0, matched: 1, unmatched: 1 });
    expect(first.warnings.length).toBeGreaterThan(0); // the file's two balance records name different accounts
    expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'paid', open: '0.00' });
    const payment = await api.payment.get({ paymentId: first.paymentIds[0]! });
    expect(payment).toMatchObject({ amount: '3044.45', unallocated: '0.00', receivedOn: '2011-01-11', communication: '240283842818', allocations: [expect.objectContaining({ invoiceId: inv.id, amount: '3044.45' })] });
    const rows = await db.db.select().from(db.tables.bankTransactions).where(eq(db.tables.bankTransactions.companyId, companyId));
    expect(rows.map((r) => r.matchStatus).sort()).toEqual(['ignored', 'ignored', 'ignored', 'matched', 'unmatched']);
    const queue = await api.bank.unmatched({ companyId });
    expect(queue.map((q) => q.amount)).toEqual(['63.74']);

    const before = await ledger(db);
    const again = await api.bank.importStatement({ companyId, contentBase64: b64(fixture(CODA)), fileName: 'extract.cod' });
    expect(again).toMatchObject({ statementsSkipped: 1, transactionsInserted: 0, transactionsSkipped: 5, matched: 0, unmatched: 0, paymentIds: [] });
    expect(await ledger(db)).toEqual(before);
  });

  it('records a partial payment when the OGM credit is less than the invoice', async () => {
    const companyId = tenancy.companyA2;
    const inv = await invoice(companyId, 'F-PART-1', '4716.98', '6', '+++240/2838/42818+++'); // 5,000.00
    expect(inv.total).toBe('5000.00');
    const doc = await api.document.upload({ companyId, kind: 'bank_statement', fileName: 'extract.cod', mediaType: 'text/plain', contentBase64: b64(fixture(CODA)) });
    const result = await api.bank.importStatement({ companyId, documentId: doc.id });
    expect(result).toMatchObject({ matched: 1, documentId: doc.id });
    expect(await api.invoice.get({ invoiceId: inv.id })).toMatchObject({ status: 'open', open: '1955.55', partlyPaid: true });
  });

  it('queues a camt.053 credit without a usable reference; confirming it over two invoices pays both', async () => {
    const companyId = tenancy.companyA1;
    const a = await invoice(companyId, 'F-CAMT-1', '4.13', '21'); // 5.00
    const b = await invoice(companyId, 'F-CAMT-2', '3.18', '21'); // 3.85
    const result = await api.bank.importStatement({ companyId, contentBase64: b64(fixture(CAMT)), fileName: 'camt.xml' });
    expect(result).toMatchObject({ format: 'camt053', transactionsInserted: 1, matched: 0, unmatched: 1 });
    const queued = (await api.bank.unmatched({ companyId })).find((q) => q.amount === '8.85')!;
    expect(queued).toMatchObject({ remaining: '8.85', structuredReference: '4654654654654654', matchStatus: 'unmatched' });

    const tooMuch = await api.bank
      .confirm({ companyId, transactionId: queued.transactionId, allocations: [{ invoiceId: a.id, amount: '5.00' }, { invoiceId: b.id, amount: '3.86' }] })
      .catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ code: 'BAD_REQUEST', field: 'allocations[1].amount' });

    const confirmed = await api.bank.confirm({ companyId, transactionId: queued.transactionId, allocations: [{ invoiceId: a.id, amount: '5.00' }, { invoiceId: b.id, amount: '3.85' }] });
    expect(confirmed.unapplied).toBe('0.00');
    expect(await api.invoice.get({ invoiceId: a.id })).toMatchObject({ status: 'paid' });
    expect(await api.invoice.get({ invoiceId: b.id })).toMatchObject({ status: 'paid' });
    expect((await api.bank.unmatched({ companyId })).some((q) => q.transactionId === queued.transactionId)).toBe(false);
    await expect(api.bank.confirm({ companyId, transactionId: queued.transactionId, allocations: [] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('ignores a queued credit with a reason, and refuses a transaction of another company as NOT_FOUND', async () => {
    const companyId = tenancy.companyA2;
    const queue = await api.bank.unmatched({ companyId });
    const credit = queue.find((q) => q.amount === '63.74')!;
    await expect(api.bank.ignore({ companyId: tenancy.companyA1, transactionId: credit.transactionId, reason: 'not ours' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No bank transaction with id ${credit.transactionId} was found.` });
    await expect(api.bank.ignore({ companyId, transactionId: uuidv7(), reason: 'unknown' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await api.bank.ignore({ companyId, transactionId: credit.transactionId, reason: 'insurance refund, not a customer payment' });
    expect((await api.bank.unmatched({ companyId })).some((q) => q.transactionId === credit.transactionId)).toBe(false);
  });

  it('keeps a statement that does not add up only when the accountant accepts it, and queues the returned direct debits', async () => {
    const companyId = tenancy.companyB1;
    const b = callerFor(db, tenancy.users.accountantB);
    const content = b64(fixture('camt053/oca-test-camt053.xml'));
    await expect(b.bank.importStatement({ companyId, contentBase64: content })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('does not add up') });
    const result = await b.bank.importStatement({ companyId, contentBase64: content, acceptUnbalanced: true });
    expect(result).toMatchObject({ transactionsInserted: 3, matched: 0, unmatched: 2 });
    expect(result.warnings.join(' ')).toContain('difference -434.16');
    const queue = await b.bank.unmatched({ companyId });
    expect(queue.map((q) => [q.kind, q.amount]).sort()).toEqual([
      ['credit', '1405.31'],
      ['reversal', '-664.05'],
    ]);
  });

  it.each([
    ['the deliberately wrong camt file', fixture('camt053/genkgo-camt053.v2.wrong.xml'), /no account statement/, { rule: 'MISSING_ELEMENT' }],
    ['a statement that does not add up', fixture('camt053/oca-test-camt053.xml'), /does not add up/, { rule: 'BALANCE_MISMATCH', where: expect.stringContaining('Stmt') }],
    ['an XML entity declaration (XXE)', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`, /DOCTYPE|DTD|entit/i, { rule: 'XML_DTD_FORBIDDEN' }],
    ['a PDF', '%PDF-1.7', /neither a camt.053/, { rule: 'UNKNOWN_FORMAT', where: 'file' }],
  ])('refuses %s as BAD_REQUEST naming the problem; nothing is imported, the file is kept as refused', async (_label, content, message, issue) => {
    const before = await ledger(db);
    const error = await api.bank.importStatement({ companyId: tenancy.companyA1, contentBase64: b64(content), fileName: 'upload.xml' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(message);
    const [refused] = onlyTheRefusalWasKept(before, await ledger(db));
    expect(refused?.result).toEqual({ issues: [expect.objectContaining({ ...issue, message: expect.stringMatching(message) })] });
  });

  it('a malformed CODA line is refused with its line number, on the document too', async () => {
    const lines = fixture(CODA).toString('latin1').split('\r\n');
    lines[6] = lines[6]!.slice(0, 120);
    const before = await ledger(db);
    const error = await api.bank.importStatement({ companyId: tenancy.companyA2, contentBase64: b64(Buffer.from(lines.join('\r\n'), 'latin1')), fileName: 'broken.cod' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('line 7') });
    const [refused] = onlyTheRefusalWasKept(before, await ledger(db));
    expect(refused?.result).toEqual({ issues: [{ where: 'line 7', rule: 'CODA_LINE_LENGTH', message: expect.stringContaining('128') }] });
  });
});

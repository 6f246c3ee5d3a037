// CII and Factur-X / ZUGFeRD imports: Fact's own CII documents (restating EN 16931 UBL examples)
// imported as XML and inside a PDF give the same ledger figures as the UBL originals; hostile PDFs
// are refused with typed errors and import nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { CII_TEST_DOCUMENTS, ciiTestDocument, facturXPdf, withEncryptDictionary } from '@fact/ubl/testing';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { onlyTheRefusalWasKept, snapshot } from './snapshot.js';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const PAIRS = Object.entries(CII_TEST_DOCUMENTS) as [keyof typeof CII_TEST_DOCUMENTS, string][];

describe.each(DIALECTS)('e-invoices in CII and Factur-X on %s', (dialect) => {
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

  /** A fresh company of firm A (the examples reuse numbers and buyers among themselves). */
  async function company(name: string) {
    const id = uuidv7();
    await db.transaction((tx) => tx.db.insert(tx.tables.companies).values({ id, firmId: tenancy.firmA, legalName: name, country: 'BE', language: 'nl', timeZone: 'Europe/Brussels' }));
    return id;
  }

  /** The ledger figures an accountant and a debtor care about, for one imported invoice. */
  async function ledgerFigures(invoiceId: string) {
    const inv = await api.invoice.get({ invoiceId });
    const debtor = await api.debtor.get({ debtorId: inv.debtorId });
    const row = (await db.db.select({ meta: db.tables.invoices.meta }).from(db.tables.invoices).where(eq(db.tables.invoices.id, invoiceId)))[0]!;
    const meta = row.meta as { vatBreakdown: unknown; paymentId: string | null; dueDateAssumed: boolean };
    return {
      kind: inv.kind,
      number: inv.number,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      net: inv.net,
      vat: inv.vat,
      total: inv.total,
      open: inv.open,
      paymentReference: inv.paymentReference,
      lines: inv.lines.map((l) => [l.description.trim(), l.quantity, l.unitPrice, l.vatCategory, l.vatRate, l.net, l.vat]),
      vatBreakdown: meta.vatBreakdown,
      paymentId: meta.paymentId,
      dueDateAssumed: meta.dueDateAssumed,
      debtor: { name: debtor.name, vatNumber: debtor.vatNumber ?? null, country: debtor.country, city: debtor.city ?? null },
    };
  }

  it.each(PAIRS)('%s imports (as XML and inside a Factur-X PDF) to the same ledger figures as %s', async (ciiName, ublName) => {
    const fromUbl = await api.imports.einvoice({ companyId: await company(`UBL ${ublName}`), contentBase64: b64(fixture(ublName)), fileName: 'original.xml' });
    const fromCii = await api.imports.einvoice({ companyId: await company(`CII ${ciiName}`), contentBase64: b64(ciiTestDocument(ciiName)), fileName: ciiName });
    const pdf = await facturXPdf({ xml: ciiTestDocument(ciiName), text: `Invoice ${ciiName}` });
    const fromPdf = await api.imports.einvoice({ companyId: await company(`PDF ${ciiName}`), contentBase64: b64(pdf), fileName: 'invoice.pdf' });
    expect(fromUbl).toMatchObject({ status: 'imported', syntax: 'ubl', container: 'xml', attachment: null });
    expect(fromCii).toMatchObject({ status: 'imported', syntax: 'cii', container: 'xml', attachment: null });
    expect(fromPdf).toMatchObject({ status: 'imported', syntax: 'cii', container: 'pdf', attachment: 'factur-x.xml' });
    if (fromUbl.status !== 'imported' || fromCii.status !== 'imported' || fromPdf.status !== 'imported') return;
    const expected = await ledgerFigures(fromUbl.invoiceId);
    expect(await ledgerFigures(fromCii.invoiceId)).toEqual(expected);
    expect(await ledgerFigures(fromPdf.invoiceId)).toEqual(expected);
    // The PDF is the document the invoice came from, with what it became.
    const doc = await api.document.get({ documentId: fromPdf.documentId });
    expect(doc).toMatchObject({ kind: 'invoice_pdf', mediaType: 'application/pdf', status: 'imported', result: { records: expect.arrayContaining([{ type: fromPdf.kind, id: fromPdf.invoiceId, label: fromPdf.number }]) } });
  });

  it('a Factur-X invoice with totals that do not add up is refused with BR-CO-15 at the CII element, nothing imported, the PDF kept as refused', async () => {
    const companyId = await company('Broken totals');
    const broken = ciiTestDocument('cii-example9.xml').toString('utf8').replace('<ram:GrandTotalAmount>177.87<', '<ram:GrandTotalAmount>177.88<');
    const before = await snapshot(db);
    const error = await api.imports.einvoice({ companyId, contentBase64: b64(await facturXPdf({ xml: broken })), fileName: 'F20150483.pdf' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('BR-CO-15') });
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused).toMatchObject({ kind: 'invoice_pdf', fileName: 'F20150483.pdf' });
    expect(refused?.result).toMatchObject({
      issues: expect.arrayContaining([
        { where: '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount', rule: 'BR-CO-15', message: expect.stringContaining('177.88') },
      ]),
    });
  });

  it('keeps a PDF without an e-invoice as a stored document that says so, importing nothing', async () => {
    const companyId = await company('Plain PDF');
    const before = await snapshot(db);
    const outcome = await api.imports.einvoice({ companyId, contentBase64: b64(await facturXPdf({ otherFiles: [{ name: 'photo.png', bytes: new Uint8Array([0x89, 0x50]) }] })), fileName: 'scan.pdf' });
    expect(outcome).toMatchObject({ status: 'stored', note: 'no_einvoice', attachments: ['photo.png'] });
    const after = await snapshot(db);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.debtors).toEqual(before.debtors);
    expect(await api.document.get({ documentId: outcome.documentId })).toMatchObject({ status: 'stored', result: { note: { code: 'no_einvoice', message: expect.stringContaining('photo.png') } } });
  });

  it.each([
    ['a wrong attachment (factur-x.xml holding a bank statement)', async () => facturXPdf({ xml: fixture('camt053/oca-test-camt053.xml') }), 'NOT_AN_EINVOICE', 'factur-x.xml'],
    [
      'an XXE attempt inside the embedded XML',
      async () => facturXPdf({ xml: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&e;</rsm:CrossIndustryInvoice>' }),
      'CII_UNSAFE_XML',
      'factur-x.xml',
    ],
    ['an encrypted PDF', async () => withEncryptDictionary(await facturXPdf({ xml: ciiTestDocument('cii-example9.xml'), classicXref: true }), { userPassword: 'secret' }), 'PDF_ENCRYPTED', 'file'],
    ['a broken PDF', async () => (await facturXPdf({ xml: ciiTestDocument('cii-example9.xml') })).slice(0, 700), 'PDF_UNREADABLE', 'file'],
  ])('refuses %s with a clear typed error; nothing is imported', async (_label, build, rule, where) => {
    const companyId = await company(`Hostile ${rule}`);
    const before = await snapshot(db);
    const error = await api.imports.einvoice({ companyId, contentBase64: b64(await build()), fileName: 'hostile.pdf' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', rule, message: expect.stringContaining('hostile.pdf') });
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused?.result).toEqual({ issues: [{ where, rule, message: expect.stringContaining('hostile.pdf') }] });
  });

  it('refuses to import the same Factur-X PDF twice: CONFLICT, the first import stands', async () => {
    const companyId = await company('Twice');
    const pdf = b64(await facturXPdf({ xml: ciiTestDocument('cii-example9.xml') }));
    const first = await api.imports.einvoice({ companyId, contentBase64: pdf, fileName: 'a.pdf' });
    const before = await snapshot(db);
    await expect(api.imports.einvoice({ companyId, contentBase64: pdf, fileName: 'a.pdf' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('20150483') });
    expect(await snapshot(db)).toEqual(before);
    expect((await api.document.get({ documentId: first.documentId })).status).toBe('imported');
  });
});

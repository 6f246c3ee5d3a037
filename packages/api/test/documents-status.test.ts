// Every uploaded document says what it became: imported (with links to its records), refused
// (with the issues per line or element; nothing imported) or stored (with why).
import { readFileSync } from 'node:fs';
import { ciiTestDocument, facturXPdf } from '@fact/ubl/testing';
import type { DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { onlyTheRefusalWasKept, snapshot } from './snapshot.js';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const BROKEN_UBL = fixture('peppol/base-example.xml').toString('utf8').replace('<cbc:TaxInclusiveAmount currencyID="EUR">1656.25', '<cbc:TaxInclusiveAmount currencyID="EUR">1656.26');

describe.each(DIALECTS)('document status on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let owner: ReturnType<typeof callerFor>;
  let accountant: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    owner = callerFor(db, tenancy.users.entrepreneurA1);
    accountant = callerFor(db, tenancy.users.accountantA);
  }, 60_000);
  afterAll(() => dispose());

  const upload = (fileName: string, kind: 'ubl' | 'invoice_pdf' | 'bank_statement' | 'other', mediaType: 'application/xml' | 'application/pdf' | 'text/plain' | 'text/csv', content: Uint8Array | string) =>
    owner.document.upload({ companyId: tenancy.companyA1, fileName, kind, mediaType, contentBase64: b64(content), process: true });

  it('an uploaded UBL invoice is imported: the document lists the invoice and the debtor it became', async () => {
    const doc = await upload('base-example.xml', 'ubl', 'application/xml', fixture('peppol/base-example.xml'));
    expect(doc).toMatchObject({ status: 'imported', processedAt: expect.any(String) });
    const invoice = (await db.db.select().from(db.tables.invoices).where(eq(db.tables.invoices.documentId, doc.id)))[0]!;
    expect(doc.result).toMatchObject({ records: [{ type: 'invoice', id: invoice.id, label: 'Snippet1' }, { type: 'debtor', id: invoice.debtorId }], counts: { invoice: 1, debtor: 1 } });
    // The same state is what the list and the detail show, to the accountant too.
    const listed = (await accountant.document.list({ companyId: tenancy.companyA1 })).find((d) => d.id === doc.id);
    expect(listed).toMatchObject({ status: 'imported', result: doc.result });
    expect(await accountant.document.get({ documentId: doc.id })).toMatchObject({ status: 'imported', result: doc.result, invoices: [{ id: invoice.id, number: 'Snippet1' }] });
  });

  it('a broken UBL invoice is refused with the rule and the element, and nothing is imported', async () => {
    const before = await snapshot(db);
    const doc = await upload('broken.xml', 'ubl', 'application/xml', BROKEN_UBL);
    expect(doc.status).toBe('refused');
    // One wrong total breaks two rules: BT-112 = BT-109 + BT-110, and BT-115 = BT-112 − BT-113 + BT-114.
    expect(doc.result).toEqual({
      issues: [
        { where: '/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount', rule: 'BR-CO-15', message: 'BT-112 = BT-109 + BT-110: expected 1656.25, the document states 1656.26' },
        { where: '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount', rule: 'BR-CO-16', message: 'BT-115 = BT-112 − BT-113 + BT-114: expected 1656.26, the document states 1656.25' },
      ],
    });
    const after = await snapshot(db);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.debtors).toEqual(before.debtors);
    expect(after.audit.slice(before.audit.length).map((a) => a.action)).toEqual(['document.upload', 'document.import_refused']);
    // The bytes are kept: the entrepreneur can open exactly what was refused.
    expect(Buffer.from((await owner.document.download({ documentId: doc.id })).contentBase64, 'base64').toString('utf8')).toBe(BROKEN_UBL);
  });

  it('a plain PDF is stored and says there is no e-invoice inside; a Factur-X PDF becomes its invoice', async () => {
    const plain = await upload('scan.pdf', 'invoice_pdf', 'application/pdf', await facturXPdf({ text: 'A scanned letter' }));
    expect(plain).toMatchObject({ status: 'stored', result: { note: { code: 'no_einvoice' } } });
    const hybrid = await upload('20150483.pdf', 'invoice_pdf', 'application/pdf', await facturXPdf({ xml: ciiTestDocument('cii-example9.xml') }));
    expect(hybrid).toMatchObject({ status: 'imported', result: { records: [{ type: 'invoice', label: '20150483' }, { type: 'debtor', label: 'Provide Verzekeringen' }] } });
  });

  it('a CODA statement becomes the statement and the payment it holds; a CSV waits for its column mapping, then becomes invoices', async () => {
    const inv = await accountant.invoice.create({
      companyId: tenancy.companyA1,
      debtorId: (await accountant.debtor.create({ companyId: tenancy.companyA1, kind: 'business', name: 'Partner 2', language: 'nl', country: 'BE' })).id,
      number: 'F-2011-1',
      issueDate: '2010-12-01',
      dueDate: '2010-12-31',
      paymentReference: '+++240/2838/42818+++',
      lines: [{ description: 'Goods', quantity: '1', unitPrice: '2872.12', vatRate: '6', vatCategory: 'S' }],
    });
    const coda = await upload('extract.cod', 'bank_statement', 'text/plain', fixture('coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod'));
    expect(coda.status).toBe('imported');
    expect(coda.result).toMatchObject({ records: [{ type: 'statement', label: expect.stringContaining('BE33737018595246') }, { type: 'payment', label: 'F-2011-1', amount: '3044.45', invoiceId: inv.id }] });

    const csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl\r\nF-CSV-1;Jansen;01/03/2025;31/03/2025;121,00\r\n';
    const sheet = await upload('export.csv', 'other', 'text/csv', csv);
    expect(sheet).toMatchObject({ status: 'stored', result: { note: { code: 'needs_mapping' } } });
    const mapping = { invoiceNumber: 'Factuurnummer', debtorName: 'Klant', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', total: 'Bedrag incl' };
    const imported = await owner.imports.invoicesCsv({ companyId: tenancy.companyA1, documentId: sheet.id, mapping, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' });
    expect(imported.documentId).toBe(sheet.id);
    expect(await owner.document.get({ documentId: sheet.id })).toMatchObject({ status: 'imported', result: { records: [{ type: 'debtor', label: 'Jansen' }, { type: 'invoice', id: imported.invoiceIds[0], label: 'F-CSV-1' }] } });
  });

  it('a CSV with bad rows is refused per line, and importing it imports nothing', async () => {
    const csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl\r\nF-CSV-2;Jansen;31/02/2025;31/03/2025;10,00\r\nF-CSV-3;Jansen;01/03/2025;31/03/2025;12,3,4\r\n';
    const sheet = await upload('bad.csv', 'other', 'text/csv', csv);
    const mapping = { invoiceNumber: 'Factuurnummer', debtorName: 'Klant', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', total: 'Bedrag incl' };
    const before = await snapshot(db);
    await expect(owner.imports.invoicesCsv({ companyId: tenancy.companyA1, documentId: sheet.id, mapping, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused).toMatchObject({ id: sheet.id, result: { issues: [expect.objectContaining({ where: 'line 2' }), expect.objectContaining({ where: 'line 3' })] } });
  });

  it('a refused document is processed again once its cause is fixed; an imported one is never imported twice', async () => {
    // The seller of the example is not this company (GB1232434): refused for that, bytes kept.
    const companyId = tenancy.companyA2;
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ vatNumber: 'BE0403019261' }).where(eq(tx.tables.companies.id, companyId)));
    const doc = await accountant.document.upload({ companyId, fileName: 'Allowance-example.xml', kind: 'ubl', mediaType: 'application/xml', contentBase64: b64(fixture('peppol/Allowance-example.xml')), process: true });
    expect(doc).toMatchObject({ status: 'refused', result: { issues: [{ where: '/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID', message: expect.stringContaining('GB1232434') }] } });
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ vatNumber: null }).where(eq(tx.tables.companies.id, companyId)));
    const again = await accountant.document.process({ documentId: doc.id });
    expect(again).toMatchObject({ status: 'imported', result: { records: [expect.objectContaining({ type: 'invoice', label: 'Snippet1' }), expect.objectContaining({ type: 'debtor' })] } });
    await expect(accountant.document.process({ documentId: doc.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(accountant.imports.ubl({ companyId, documentId: doc.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('imported already (invoice Snippet1') });
    expect((await accountant.document.list({ companyId, status: 'imported' })).map((d) => d.id)).toEqual([doc.id]);
  });

  it('a file uploaded without processing is simply stored', async () => {
    const doc = await owner.document.upload({ companyId: tenancy.companyA1, fileName: 'contract.pdf', kind: 'other', mediaType: 'application/pdf', contentBase64: b64('%PDF-1.4 contract') });
    expect(doc).toMatchObject({ status: 'stored', result: null, processedAt: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { restoreNeutralised } from '@fact/spreadsheets';
import { eq } from 'drizzle-orm';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { onlyTheRefusalWasKept, snapshot } from './snapshot.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const INVOICES = [
  'Factuurnr;Klant;BTW-nummer klant;Datum;Vervaldatum;Bedrag incl. btw;BTW;Mededeling',
  'F2025-201;Bakkerij Peeters;BE0202239951;15/01/2025;14/02/2025;1.210,00;210,00;+++240/2838/42818+++',
  'F2025-202;Bakkerij Peeters;BE0202239951;20/01/2025;19/02/2025;106,00;6,00;',
  'F2025-203;"=HYPERLINK(""http://evil"")";;01/02/2025;03/03/2025;50,00;0,00;',
].join('\r\n');
const MAPPING = { invoiceNumber: 'Factuurnr', debtorName: 'Klant', debtorVat: 'BTW-nummer klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag incl. btw', vat: 'BTW', reference: 'Mededeling' };

describe.each(DIALECTS)('CSV imports and list exports on %s', (dialect) => {
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

  it('suggests the column mapping from Dutch headers', async () => {
    const s = await api.imports.suggestMapping({ companyId: tenancy.companyA1, contentBase64: b64(INVOICES) });
    expect(s).toMatchObject({ delimiter: ';', missing: [], mapping: { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag incl. btw', vat: 'BTW' } });
  });

  it('imports every invoice row in one go, creating each debtor once, with the VAT rate that gives the VAT', async () => {
    const companyId = tenancy.companyA1;
    const result = await api.imports.invoicesCsv({ companyId, contentBase64: b64(INVOICES), mapping: MAPPING, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' });
    expect(result).toMatchObject({ imported: 3, debtorsCreated: 2 });
    const first = await api.invoice.get({ invoiceId: result.invoiceIds[0]! });
    expect(first).toMatchObject({ number: 'F2025-201', net: '1000.00', vat: '210.00', total: '1210.00', open: '1210.00', dueDate: '2025-02-14', paymentReference: '240283842818' });
    expect(first.lines).toEqual([expect.objectContaining({ vatRate: '21', vatCategory: 'S', net: '1000.00', vat: '210.00' })]);
    expect((await api.invoice.get({ invoiceId: result.invoiceIds[1]! })).lines[0]).toMatchObject({ vatRate: '6' });
    expect(first.debtorId).toBe((await api.invoice.get({ invoiceId: result.invoiceIds[1]! })).debtorId);
  });

  it('refuses a file with bad rows as BAD_REQUEST listing every bad row, and imports none of it', async () => {
    const bad = [INVOICES.split('\r\n')[0], 'F2025-301;Jansen;;31/02/2025;14/03/2025;10,00;;', 'F2025-302;Jansen;;01/03/2025;14/03/2025;12,3,4;;', 'F2025-303;Jansen;;01/03/2025;14/03/2025;12,00;;'].join('\n');
    const before = await snapshot(db);
    const error = await api.imports.invoicesCsv({ companyId: tenancy.companyA2, contentBase64: b64(bad), mapping: MAPPING, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const message = (error as Error).message;
    expect(message).toMatch(/line 2/);
    expect(message).toMatch(/line 3/);
    expect(message).not.toMatch(/line 4/);
    // Each bad cell is named by its line and its column (the header as written), for the portal to show.
    expect((error as { cause: { issues: unknown[] } }).cause.issues).toEqual([
      { path: ['line 2', 'Datum'], message: expect.stringContaining('31/02/2025') },
      { path: ['line 3', 'Bedrag incl. btw'], message: expect.stringContaining('12,3,4') },
    ]);
    // Nothing imported; the file is kept as refused, with its problems per line.
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused?.result).toEqual({ issues: [expect.objectContaining({ where: 'line 2' }), expect.objectContaining({ where: 'line 3' })] });
  });

  it('names the column of a row the ledger refuses: a due date before the issue date', async () => {
    const early = [INVOICES.split('\r\n')[0], 'F2025-401;Jansen;;01/03/2025;14/02/2025;10,00;;'].join('\n');
    const before = await snapshot(db);
    const error = await api.imports.invoicesCsv({ companyId: tenancy.companyA2, contentBase64: b64(early), mapping: MAPPING, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { issues: [{ path: ['line 2', 'Vervaldatum'], message: expect.stringContaining('2025-02-14 is before the issue date 2025-03-01') }] } });
    onlyTheRefusalWasKept(before, await snapshot(db));
  });

  it('refuses numbers that already exist with CONFLICT naming them', async () => {
    const before = await snapshot(db);
    await expect(api.imports.invoicesCsv({ companyId: tenancy.companyA1, contentBase64: b64(INVOICES), mapping: MAPPING, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('F2025-201, F2025-202, F2025-203'),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports debtors with their e-mail contacts; a bad row refuses the whole file', async () => {
    const companyId = tenancy.companyA2;
    const csv = 'Naam;BTW-nummer;E-mail;Gemeente;Klantnummer\r\nGarage Dubois;BE0202239951;compta@dubois.be;Namur;K-1\r\nMme Lambert;;lambert@example.be;Liège;K-2\r\n';
    const mapping = { name: 'Naam', vatNumber: 'BTW-nummer', email: 'E-mail', city: 'Gemeente', externalRef: 'Klantnummer' };
    const result = await api.imports.debtorsCsv({ companyId, contentBase64: b64(csv), mapping, defaultKind: 'consumer', defaultLanguage: 'fr', defaultCountry: 'BE' });
    expect(result.imported).toBe(2);
    const contacts = await db.db.select().from(db.tables.debtorContacts).where(eq(db.tables.debtorContacts.debtorId, result.debtorIds[0]!));
    expect(contacts.map((c) => c.email)).toEqual(['compta@dubois.be']);
    const before = await snapshot(db);
    await expect(api.imports.debtorsCsv({ companyId, contentBase64: b64('Naam;BTW-nummer\r\nX;BE0000000000\r\n'), mapping: { name: 'Naam', vatNumber: 'BTW-nummer' }, defaultLanguage: 'fr', defaultCountry: 'BE' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // The same file again is the same document, imported already: refused, and nothing is written.
    await expect(api.imports.debtorsCsv({ companyId, contentBase64: b64(csv), mapping, defaultKind: 'consumer', defaultLanguage: 'fr', defaultCountry: 'BE' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused?.result).toEqual({
      issues: [
        { where: 'line 2', message: expect.stringContaining('check digits mismatch in "BE0000000000"') },
        { where: 'line 2', message: expect.stringContaining('column "kind": is required') },
      ],
    });
    const doc = await api.document.get({ documentId: result.documentId });
    expect(doc).toMatchObject({ status: 'imported', kind: 'spreadsheet', result: { records: [{ type: 'debtor', label: 'Garage Dubois' }, { type: 'debtor', label: 'Mme Lambert' }] } });
  });

  it('refuses a file that is not text (invalid UTF-8) naming the problem', async () => {
    const error = await api.imports.invoicesCsv({ companyId: tenancy.companyA1, contentBase64: Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]).toString('base64'), mapping: MAPPING, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'content' });
  });

  it('exports the invoices and the ageing list as CSV, neutralising a formula in a debtor name', async () => {
    const file = await api.exports.invoicesCsv({ companyId: tenancy.companyA1 });
    expect(file).toMatchObject({ fileName: 'invoices.csv', rows: 3 });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(text).toContain('F2025-201;invoice;Bakkerij Peeters;open;2025-01-15;2025-02-14;EUR;1000,00;210,00;1210,00;1210,00;240283842818');
    const ageing = Buffer.from((await api.exports.ageingCsv({ companyId: tenancy.companyA1, delimiter: ',', decimalSeparator: '.' })).contentBase64, 'base64').toString('utf8');
    const lines = ageing.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Debtor,Invoice,Issue date,Due date,Days overdue,Bucket,Open');
    expect(lines).toContain('Bakkerij Peeters,F2025-201,2025-01-15,2025-02-14,29,1–30,1210.00');
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil.startsWith(`"'=HYPERLINK(`)).toBe(true);
    expect(restoreNeutralised(`'=HYPERLINK("http://evil")`)).toBe('=HYPERLINK("http://evil")');
  });

  it('exports the ageing list and invoices as XLSX workbooks', async () => {
    const file = await api.exports.ageingXlsx({ companyId: tenancy.companyA1 });
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^ageing-2025-03-15\.xlsx$/), rows: 3 });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const invoices = await api.exports.invoicesXlsx({ companyId: tenancy.companyA1, status: 'open' });
    expect(invoices).toMatchObject({ fileName: 'invoices.xlsx', rows: 3, mediaType: expect.stringContaining('spreadsheetml') });
  });

  it('renders the invoice PDF with its payment reference (base64)', async () => {
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', vatNumber: 'BE0403019261' }).where(eq(tx.tables.companies.id, tenancy.companyA1)));
    const list = await api.invoice.list({ companyId: tenancy.companyA1, search: 'F2025-201' });
    const pdf = await api.exports.invoicePdf({ invoiceId: list.items[0]!.id });
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(pdf).toMatchObject({ fileName: 'F2025-201.pdf', mediaType: 'application/pdf' });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
  });
});

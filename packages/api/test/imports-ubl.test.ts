import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { parseUbl, validateUbl, type UblDocument } from '@fact/ubl';
import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { onlyTheRefusalWasKept, snapshot } from './snapshot.js';

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const files = ['peppol', 'en16931'].flatMap((dir) => readdirSync(new URL(`${dir}/`, FIXTURES)).map((name) => `${dir}/${name}`));
const bytesOf = (path: string) => readFileSync(new URL(path, FIXTURES));
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

/** The business terms that must survive import + export (amounts as exact decimal strings). */
function keyTerms(doc: UblDocument) {
  const s = (m: { toFixed(n: number): string } | undefined) => m?.toFixed(2) ?? null;
  return {
    kind: doc.kind,
    'BT-1': doc.id,
    'BT-2': doc.issueDate,
    'BT-3': doc.typeCode,
    'BT-5': doc.currency,
    'BT-10/13': doc.buyerReference ?? doc.orderReference,
    'BT-44': doc.buyer.registrationName ?? doc.buyer.tradingName,
    'BT-48': doc.buyer.vatId ?? null,
    'BT-83': doc.paymentMeans.find((p) => p.paymentId)?.paymentId ?? null,
    'BT-106': s(doc.totals.lineExtensionAmount),
    'BT-107': s(doc.totals.allowanceTotalAmount),
    'BT-108': s(doc.totals.chargeTotalAmount),
    'BT-109': s(doc.totals.taxExclusiveAmount),
    'BT-110': s(doc.taxAmount),
    'BT-112': s(doc.totals.taxInclusiveAmount),
    'BT-113': s(doc.totals.prepaidAmount),
    'BT-115': s(doc.totals.payableAmount),
    'BG-23': doc.vatBreakdown.map((b) => [b.category.id, b.category.percent?.toString(), s(b.taxableAmount), s(b.taxAmount)]),
    'BG-25': doc.lines.map((l) => [l.quantity?.toString(), s(l.lineExtensionAmount), l.item.taxCategory?.id, l.item.taxCategory?.percent?.toString()]),
  };
}

describe.each(DIALECTS)('UBL import and export on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  /** One test company per fixture: the examples reuse invoice numbers among themselves. */
  const companyOf = new Map<string, string>();
  const imported = new Map<string, string>();

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    await db.transaction(async (tx) => {
      for (const path of files) {
        const id = uuidv7();
        companyOf.set(path, id);
        await tx.db.insert(tx.tables.companies).values({ id, firmId: tenancy.firmA, legalName: `Test ${path}`, country: 'BE', language: 'nl', timeZone: 'Europe/Brussels' });
      }
    });
  }, 60_000);
  afterAll(() => dispose());

  it.each(files)('imports %s with the totals, lines and due date the file states', async (path) => {
    const doc = parseUbl(bytesOf(path));
    const companyId = companyOf.get(path)!;
    const result = await api.imports.ubl({ companyId, contentBase64: b64(bytesOf(path)), fileName: path.split('/')[1] });
    imported.set(path, result.invoiceId);
    const negative = doc.totals.taxInclusiveAmount!.isNegative();
    const abs = (m: { abs(): { toFixed(n: number): string } } | undefined) => m!.abs().toFixed(2);
    expect(result).toMatchObject({
      status: 'imported',
      number: doc.id,
      kind: doc.kind === 'CreditNote' || negative ? 'credit_note' : 'invoice',
      total: abs(doc.totals.taxInclusiveAmount),
      open: abs(doc.totals.payableAmount),
      currency: doc.currency,
    });
    if (doc.dueDate) expect(result).toMatchObject({ dueDate: doc.dueDate, dueDateAssumed: false });
    else expect(result.dueDateAssumed).toBe(true);
    const stored = await api.invoice.get({ invoiceId: result.invoiceId });
    expect(stored).toMatchObject({ net: abs(doc.totals.taxExclusiveAmount), vat: abs(doc.taxAmount), total: abs(doc.totals.taxInclusiveAmount), issueDate: doc.issueDate });
    expect(stored.lines).toHaveLength(doc.lines.length);
    expect(stored.lines.map((l) => l.net)).toEqual(doc.lines.map((l) => (negative ? l.lineExtensionAmount!.negated() : l.lineExtensionAmount!).toFixed(2)));
    // The uploaded file is kept as the invoice's document.
    const row = (await db.db.select().from(db.tables.invoices).where(eq(db.tables.invoices.id, result.invoiceId)))[0]!;
    expect(row.documentId).toBe(result.documentId);
  });

  it('refuses the same document twice with CONFLICT and changes nothing', async () => {
    const before = await snapshot(db);
    const error = await api.imports.ubl({ companyId: companyOf.get('peppol/base-example.xml')!, contentBase64: b64(bytesOf('peppol/base-example.xml')), fileName: 'again.xml' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Snippet1') });
    expect(await snapshot(db)).toEqual(before);
  });

  it('exports every imported invoice as an equivalent Peppol document that validateUbl accepts', async () => {
    // The seller of the exported document is the company: give it its Peppol identity first.
    await db.transaction((tx) =>
      tx.db.update(tx.tables.companies).set({ enterpriseNumber: '0403.019.261', vatNumber: 'BE0403019261', iban: 'BE68539007547034', bic: 'GKCCBEBB' }).where(inArray(tx.tables.companies.id, [...companyOf.values()])),
    );
    expect(imported.size).toBe(files.length);
    let completed = 0;
    for (const [path, invoiceId] of imported) {
      const original = parseUbl(bytesOf(path));
      // Most EN 16931 examples name no buyer electronic address (and no BE/NL number to derive
      // one from): Peppol refuses that, so does the export, until the accountant completes the
      // debtor's identity (a Belgian enterprise number here).
      const first = await api.exports.invoiceUbl({ invoiceId }).catch((e: unknown) => e);
      if (first instanceof Error) {
        expect(original.buyer.endpointId, path).toBeUndefined();
        expect(first, path).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('PEPPOL-EN16931-R010') });
        const { debtorId } = await api.invoice.get({ invoiceId });
        await db.transaction((tx) => tx.db.update(tx.tables.debtors).set({ country: 'BE', enterpriseNumber: '0202.239.951' }).where(eq(tx.tables.debtors.id, debtorId)));
        completed++;
      }
      const out = await api.exports.invoiceUbl({ invoiceId });
      const exported = parseUbl(out.xml);
      expect(validateUbl(exported).valid, path).toBe(true);
      const expected = keyTerms(original);
      // Peppol needs a buyer reference (BT-10) or order reference (BT-13): without one in the
      // file, the export names the invoice itself.
      expect(keyTerms(exported), path).toEqual({ ...expected, 'BT-10/13': expected['BT-10/13'] ?? original.id });
      expect(exported.seller.endpointId, path).toEqual({ value: '0403019261', schemeId: '0208' });
      expect(exported.paymentMeans[0], path).toMatchObject({ code: '58', accountId: 'BE68539007547034' });
    }
    expect(completed).toBeGreaterThan(0);
  });
});

describe.each(DIALECTS)('UBL import of stored documents, bad files and a fresh ledger invoice on %s', (dialect) => {
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

  it('imports an uploaded document, matching the debtor by VAT number, and records what it became', async () => {
    const companyId = tenancy.companyA1;
    const debtor = await api.debtor.create({ companyId, kind: 'business', name: 'Buyer already known', language: 'en', country: 'BE', vatNumber: 'BE0000000295' });
    const doc = await api.document.upload({ companyId, kind: 'ubl', fileName: 'cn.xml', mediaType: 'application/xml', contentBase64: b64(bytesOf('en16931/ubl-tc434-creditnote1.xml')) });
    const result = await api.imports.ubl({ companyId, documentId: doc.id });
    expect(result).toMatchObject({ kind: 'credit_note', debtorId: debtor.id, debtorCreated: false, documentId: doc.id, total: '100.11' });
    const trail = await db.db.select().from(db.tables.auditLog).where(eq(db.tables.auditLog.entityId, doc.id));
    expect(trail.map((a) => a.action)).toContain('document.import');
  });

  it('refuses a stored document that is not UBL, names why, and records the refusal', async () => {
    const companyId = tenancy.companyA1;
    const doc = await api.document.upload({ companyId, kind: 'other', fileName: 'scan.pdf', mediaType: 'application/pdf', contentBase64: b64('%PDF-1.7 not xml') });
    const error = await api.imports.ubl({ companyId, documentId: doc.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('scan.pdf is not readable') });
    const trail = await db.db.select().from(db.tables.auditLog).where(eq(db.tables.auditLog.entityId, doc.id));
    expect(trail.map((a) => a.action)).toContain('document.import_refused');
  });

  it.each([
    ['an XXE entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&e;</Invoice>`, /unsafe XML/, { rule: 'UBL_UNSAFE_XML' }],
    ['a CSV file', 'number;total\nF1;12,00\n', /not readable|not a UBL/, { rule: 'UBL_MALFORMED' }],
    ['a camt statement', bytesOf('camt053/oca-test-camt053.xml').toString('utf8'), /not a UBL invoice/, { rule: 'UBL_NOT_UBL' }],
    [
      'totals that do not add up',
      bytesOf('peppol/base-example.xml').toString('utf8').replace('<cbc:TaxInclusiveAmount currencyID="EUR">1656.25', '<cbc:TaxInclusiveAmount currencyID="EUR">1656.26'),
      /BR-CO-15/,
      { rule: 'BR-CO-15', where: '/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount' },
    ],
  ])('refuses an upload with %s as BAD_REQUEST; nothing is imported, the file is kept as refused with the reason', async (_label, content, message, issue) => {
    const before = await snapshot(db);
    const error = await api.imports.ubl({ companyId: tenancy.companyA2, contentBase64: b64(content), fileName: 'x.xml' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(message);
    const [refused] = onlyTheRefusalWasKept(before, await snapshot(db));
    expect(refused?.result).toMatchObject({ issues: expect.arrayContaining([expect.objectContaining(issue)]) });
    // Sending the same file again is the same document, refused again: no second row.
    const again = await snapshot(db);
    await api.imports.ubl({ companyId: tenancy.companyA2, contentBase64: b64(content), fileName: 'x.xml' }).catch(() => undefined);
    expect((await snapshot(db)).documents).toHaveLength(again.documents.length);
  });

  it('names each refused element with its rule', async () => {
    const broken = bytesOf('peppol/base-example.xml').toString('utf8').replace('<cbc:TaxInclusiveAmount currencyID="EUR">1656.25', '<cbc:TaxInclusiveAmount currencyID="EUR">1656.26');
    const error = await api.imports.ubl({ companyId: tenancy.companyA2, contentBase64: b64(broken) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: '/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount' });
    expect((error as Error).message).toMatch(/\/Invoice\/cac:LegalMonetaryTotal\/cbc:TaxInclusiveAmount: BR-CO-15: BT-112 = BT-109 \+ BT-110/);
  });

  it('refuses an oversized upload before reading it', async () => {
    const small = callerFor(db, tenancy.users.accountantA, { settings: { maxUploadBytes: 1000 } });
    const before = await snapshot(db);
    const error = await small.imports.ubl({ companyId: tenancy.companyA2, contentBase64: b64(bytesOf('peppol/base-example.xml')) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'contentBase64', message: expect.stringContaining('too large') });
    expect(await snapshot(db)).toEqual(before);
  });

  it('exports a ledger invoice as valid Peppol BIS 3.0 with endpoint 0208, OGM PaymentID, IBAN, terms and buyer reference', async () => {
    const companyId = tenancy.companyA1;
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ enterpriseNumber: '0403019261', vatNumber: 'BE0403019261', iban: 'BE68539007547034' }).where(eq(tx.tables.companies.id, companyId)));
    const debtor = await api.debtor.create({ companyId, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'BE', vatNumber: 'BE0202239951', externalRef: 'K-77', street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent' });
    const invoice = await api.invoice.create({
      companyId,
      debtorId: debtor.id,
      number: 'F2025-100',
      issueDate: '2025-01-29',
      dueDate: '2025-02-28',
      paymentReference: '+++240/2838/42818+++',
      lines: [
        { description: 'Consultancy', quantity: '3', unitPrice: '100.00', vatRate: '21', vatCategory: 'S' },
        { description: 'Books', quantity: '1', unitPrice: '50.00', vatRate: '6', vatCategory: 'S' },
      ],
    });
    const out = await api.exports.invoiceUbl({ invoiceId: invoice.id });
    const doc = parseUbl(out.xml);
    expect(validateUbl(doc)).toMatchObject({ valid: true });
    expect(doc).toMatchObject({ id: 'F2025-100', dueDate: '2025-02-28', buyerReference: 'K-77', typeCode: '380', paymentTermsNote: expect.stringContaining('2025-02-28') });
    expect(doc.seller.endpointId).toEqual({ value: '0403019261', schemeId: '0208' });
    expect(doc.buyer.endpointId).toEqual({ value: 'BE0202239951', schemeId: '9925' });
    expect(doc.paymentMeans).toEqual([expect.objectContaining({ code: '58', accountId: 'BE68539007547034', paymentId: '+++240/2838/42818+++' })]);
    expect(doc.vatBreakdown.map((b) => [b.category.percent?.toString(), b.taxableAmount?.toFixed(2), b.taxAmount?.toFixed(2)])).toEqual([
      ['21', '300.00', '63.00'],
      ['6', '50.00', '3.00'],
    ]);
    expect(doc.totals.payableAmount?.toFixed(2)).toBe('416.00');
  });

  it('exports a Dutch company\u2019s invoice with its KvK number under 0106 (NL-R-003) and an RF reference', async () => {
    const companyId = tenancy.companyB1;
    const nl = callerFor(db, tenancy.users.accountantB);
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ enterpriseNumber: '17001234', vatNumber: 'NL004495445B01', iban: 'NL91ABNA0417164300' }).where(eq(tx.tables.companies.id, companyId)));
    const debtor = await nl.debtor.create({ companyId, kind: 'business', name: 'Jansen BV', language: 'nl', country: 'NL', vatNumber: 'NL004495445B01' });
    const invoice = await nl.invoice.create({ companyId, debtorId: debtor.id, number: 'NL-2025-1', issueDate: '2025-02-01', dueDate: '2025-03-03', paymentReference: 'RF18 5390 0754 7034', lines: [{ description: 'Advies', quantity: '2', unitPrice: '75.00', vatRate: '21', vatCategory: 'S' }] });
    const doc = parseUbl((await nl.exports.invoiceUbl({ invoiceId: invoice.id })).xml);
    expect(validateUbl(doc).valid).toBe(true);
    expect(doc.seller).toMatchObject({ endpointId: { value: '17001234', schemeId: '0106' }, legalId: { value: '17001234', schemeId: '0106' }, vatId: 'NL004495445B01' });
    expect(doc.paymentMeans[0]).toMatchObject({ code: '58', accountId: 'NL91ABNA0417164300', paymentId: 'RF18539007547034' });
  });

  it('refuses to export for a company without a Peppol identity, naming the missing element', async () => {
    const companyId = tenancy.companyA2;
    const debtor = await api.debtor.create({ companyId, kind: 'business', name: 'Client', language: 'fr', country: 'BE', vatNumber: 'BE0202239951' });
    const invoice = await api.invoice.create({ companyId, debtorId: debtor.id, number: 'A2-1', issueDate: '2025-01-29', dueDate: '2025-02-28', lines: [{ description: 'Repair', quantity: '1', unitPrice: '100.00', vatRate: '21', vatCategory: 'S' }] });
    await expect(api.exports.invoiceUbl({ invoiceId: invoice.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('PEPPOL-EN16931-R020') });
  });
});

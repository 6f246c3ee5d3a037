// Factoring through the API on SQLite and PGlite: the preview's reason codes for a seeded ledger,
// selling a selection as a signed package (verified with the firm's public key), the sale recorded
// in one transaction (dunning then skips the invoices), refusals that change nothing, the factor's
// view, and what follows the sale (settlement, repurchase).
import type { DbHandle } from '@fact/db';
import { verifyFactoringPackage } from '@fact/factoring';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from './databases.js';
import { factorProfile as profile } from '../src/testing/factoring.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { snapshot } from './snapshot.js';
import { assignToFactor } from './tenant-records.js';

const line = { description: 'Consultancy', quantity: '1', unitPrice: '1000.00', vatRate: '21', vatCategory: 'S' as const };

/** Every row a sale may write: the ledger snapshot plus the factoring tables. */
async function factoringSnapshot(db: DbHandle) {
  const t = db.tables;
  return {
    ...(await snapshot(db)),
    batches: await db.db.select().from(t.factoringBatches).orderBy(t.factoringBatches.id),
    assignments: await db.db.select().from(t.factoringAssignments).orderBy(t.factoringAssignments.id),
    documents: await db.db.select().from(t.documents).orderBy(t.documents.id),
    keys: await db.db.select().from(t.signingKeys).orderBy(t.signingKeys.id),
  };
}

describe.each(DIALECTS)('factoring on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  const ids: Record<string, string> = {};
  const debtors: Record<string, string> = {};
  let batchId = '';
  let otherCompanyBatchId = '';

  const codesOf = (preview: { eligible: { number: string; reasons: { code: string }[] }[]; ineligible: { number: string; reasons: { code: string }[] }[] }) =>
    Object.fromEntries([...preview.eligible, ...preview.ineligible].map((v) => [v.number, v.reasons.map((r) => r.code)]));

  async function setUpSeller(companyId: string, iban: string) {
    // Direct writes go through a transaction (SQLite's other connection is read-only).
    await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ iban, vatNumber: 'BE0403019261', enterpriseNumber: '0403019261' }).where(eq(tx.tables.companies.id, companyId)));
    await api.factoring.seller.save({ companyId, street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
  }

  async function debtor(companyId: string, name: string, kind: 'business' | 'consumer' = 'business') {
    const d = await api.debtor.create({ companyId, kind, name, language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: kind === 'business' ? 'BE0428759497' : null });
    return d.id;
  }

  async function invoice(companyId: string, debtorId: string, number: string) {
    const inv = await api.invoice.create({ companyId, debtorId, number, issueDate: '2025-02-20', dueDate: '2025-03-22', lines: [line] });
    ids[number] = inv.id;
    return inv.id;
  }

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const c = tenancy.companyA1;
    await setUpSeller(c, 'BE68539007547034');
    await api.factoring.profiles.save({ companyId: c, profile: profile() });
    await api.factoring.profiles.save({ companyId: c, profile: profile({ id: 'ubl-only', ublRequired: true }) });

    debtors.ok = await debtor(c, 'Brouwerij Dijkstra BV');
    debtors.consumer = await debtor(c, 'Jan Peeters', 'consumer');
    debtors.anti = await debtor(c, 'Retail Group NV');
    debtors.supplier = await debtor(c, 'Verpakking Noord BV');
    await db.transaction(async (tx) => {
      const d = tx.tables.debtors;
      await tx.db.update(d).set({ antiAssignmentClause: true }).where(eq(d.id, debtors.anti!));
      await tx.db.update(d).set({ isSupplier: true }).where(eq(d.id, debtors.supplier!));
    });

    for (const n of ['F-OK1', 'F-OK2', 'F-DISP', 'F-CN', 'F-ASSIGNED']) await invoice(c, debtors.ok, n);
    await invoice(c, debtors.consumer, 'F-CONS');
    await invoice(c, debtors.anti, 'F-ANTI');
    await invoice(c, debtors.supplier, 'F-SUP');
    await api.collection.dispute.open({ invoiceId: ids['F-DISP']!, reason: 'Goods damaged', openedOn: '2025-03-01' });
    await api.invoice.create({ companyId: c, debtorId: debtors.ok, kind: 'credit_note', status: 'draft', creditsInvoiceId: ids['F-CN']!, number: 'CN-1', issueDate: '2025-03-10', dueDate: '2025-03-10', lines: [line] });
    await assignToFactor(db, c, ids['F-ASSIGNED']!);
    // The Peppol UBL of F-OK1, as the ledger exports it, kept as the invoice's document.
    const ubl = await api.exports.invoiceUbl({ invoiceId: ids['F-OK1']! });
    await api.document.upload({ companyId: c, invoiceId: ids['F-OK1']!, kind: 'ubl', fileName: 'F-OK1.xml', mediaType: 'application/xml', contentBase64: ubl.contentBase64 });
  }, 120_000);

  afterAll(() => dispose());

  it('previews each invoice with the reason the factor would refuse it', async () => {
    const preview = await api.factoring.preview({ companyId: tenancy.companyA1, profileId: 'acme-2025' });
    expect(preview.asOf).toBe('2025-03-15');
    expect(preview.eligible.map((v) => v.number).sort()).toEqual(['F-OK1', 'F-OK2']);
    expect(codesOf(preview)).toEqual({
      'F-OK1': [],
      'F-OK2': [],
      'F-DISP': ['DISPUTED'],
      'F-CN': ['CREDIT_NOTE_PENDING'],
      'F-ASSIGNED': ['ALREADY_ASSIGNED'],
      'F-CONS': ['CONSUMER'],
      'F-ANTI': ['ANTI_ASSIGNMENT'],
      // Also a supplier, payables unknown: the whole balance is assumed open to set-off.
      'F-SUP': ['CONTRA'],
    });
    expect(preview.ineligible.find((v) => v.number === 'F-DISP')?.reasons[0]?.detail).toContain('Goods damaged');
    expect(preview.assumptions.payablesAssumedFor).toEqual([debtors.supplier]);
    expect(preview.totals).toMatchObject({ invoiceCount: 8, eligibleCount: 2, eligible: '2420.00' });
    expect(preview.eligible[0]).toMatchObject({ outstanding: '1210.00', eligible: '1210.00', advance: '1028.50', fee: '18.15' });
  });

  it('deducts only the payables given for a debtor that is also a supplier', async () => {
    const preview = await api.factoring.preview({ companyId: tenancy.companyA1, profileId: 'acme-2025', payables: [{ debtorId: debtors.supplier!, amount: '1000.00' }] });
    const sup = preview.eligible.find((v) => v.number === 'F-SUP');
    expect(sup).toMatchObject({ status: 'partial', eligible: '210.00', reasons: [{ code: 'CONTRA', amount: '1000.00' }] });
    expect(preview.assumptions.payablesAssumedFor).toEqual([]);
  });

  it('knows which invoices have their UBL on file (NO_UBL under a profile that requires it)', async () => {
    const preview = await api.factoring.preview({ companyId: tenancy.companyA1, profileId: 'ubl-only' });
    expect(codesOf(preview)['F-OK1']).toEqual([]);
    expect(codesOf(preview)['F-OK2']).toEqual(['NO_UBL']);
  });

  it('refuses a selection with an ineligible invoice, naming it and the reason, and writes nothing', async () => {
    const before = await factoringSnapshot(db);
    const error = await api.factoring.createBatch({ companyId: tenancy.companyA1, profileId: 'acme-2025', invoiceIds: [ids['F-OK1']!, ids['F-DISP']!] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('F-DISP: DISPUTED') });
    expect(await factoringSnapshot(db)).toEqual(before);
  });

  it('sells the selection: a signed package that verifies with the firm key, invoices assigned in one go', async () => {
    const sold = await api.factoring.createBatch({ companyId: tenancy.companyA1, profileId: 'acme-2025', invoiceIds: [ids['F-OK1']!, ids['F-OK2']!] });
    batchId = sold.batchId;
    expect(sold).toMatchObject({ status: 'accepted', invoiceCount: 2, totals: { eligible: '2420.00', advance: '2057.00', fee: '36.30', payout: '2020.70' } });
    expect(sold.sha256).toMatch(/^[0-9a-f]{64}$/);

    expect(sold.factorId).toBe(tenancy.factorA);
    const file = await api.factoring.download({ companyId: tenancy.companyA1, batchId });
    expect(file).toMatchObject({ fileName: `${sold.reference}.zip`, mediaType: 'application/zip', sha256: sold.sha256 });
    const key = await api.factoring.publicKey({ companyId: tenancy.companyA1 });
    expect(key?.keyId).toBe(sold.keyId);
    const verified = await verifyFactoringPackage(Buffer.from(file.contentBase64, 'base64'), key!.publicKeyPem);
    expect(verified.problems).toEqual([]);
    // F-OK1's UBL comes from the document store; both PDFs are rendered from the ledger.
    expect(verified.manifest?.invoices.map((l) => [l.number, l.ublFile ?? null, l.pdfFile ?? null])).toEqual([
      ['F-OK1', 'invoices/F-OK1.xml', 'invoices/F-OK1.pdf'],
      ['F-OK2', null, 'invoices/F-OK2.pdf'],
    ]);
    expect(verified.manifest?.factor).toMatchObject({ profileId: 'acme-2025', name: 'Factor NV', assignment: 'open' });

    const batch = await api.factoring.batch({ companyId: tenancy.companyA1, batchId });
    expect(batch.invoices.map((i) => [i.number, i.status, i.assignedOn, i.assigned])).toEqual(
      expect.arrayContaining([
        ['F-OK1', 'assigned', '2025-03-15', '1210.00'],
        ['F-OK2', 'assigned', '2025-03-15', '1210.00'],
      ]),
    );
    expect(batch).toMatchObject({ factorName: 'Factor NV', factorId: tenancy.factorA, profileId: 'acme-2025', sha256: sold.sha256, keyId: sold.keyId, total: '2420.00', deliveries: [] });
    // The package is a document of the company in the content-addressed store.
    const d = db.tables.documents;
    const docs = await db.db.select().from(d).where(eq(d.kind, 'factoring_package'));
    expect(docs.map((r) => [r.companyId, r.sha256, r.fileName, r.sizeBytes])).toEqual([[tenancy.companyA1, sold.sha256, `${sold.reference}.zip`, sold.bytes]]);
  });

  it('the dunning planner skips the sold invoices as assigned to the factor, and the preview finds them assigned', async () => {
    const dunning = await api.dunning.preview({ companyId: tenancy.companyA1, asOf: '2025-05-01' });
    const skipped = new Map(dunning.skipped.map((s) => [s.itemId, s.reason]));
    expect(skipped.get(ids['F-OK1']!)).toBe('assigned-to-factor');
    expect(skipped.get(ids['F-OK2']!)).toBe('assigned-to-factor');
    expect(dunning.actions.map((a) => a.itemIds).flat()).not.toContain(ids['F-OK1']);
    const preview = await api.factoring.preview({ companyId: tenancy.companyA1, profileId: 'acme-2025' });
    expect(codesOf(preview)['F-OK1']).toEqual(['ALREADY_ASSIGNED']);
  });

  it('refuses to sell the same invoices twice with CONFLICT and changes nothing (no row, no document)', async () => {
    const before = await factoringSnapshot(db);
    const error = await api.factoring.createBatch({ companyId: tenancy.companyA1, profileId: 'acme-2025', invoiceIds: [ids['F-OK1']!, ids['F-OK2']!] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('F-OK1') });
    expect(await factoringSnapshot(db)).toEqual(before);
  });

  it('lets the factor download its batch, and answers NOT_FOUND for a batch sold to another factor', async () => {
    // A batch of company A2 (same firm) sold to the second factor: the first factor's user must never reach it.
    const c2 = tenancy.companyA2;
    await setUpSeller(c2, 'BE71096123456769');
    await api.factoring.profiles.save({ companyId: c2, profile: profile({ id: 'second-2025', factor: { name: 'Second Factor NV', iban: 'BE71096123456769' } }) });
    const d2 = await debtor(c2, 'Garage Client SA');
    const i2 = await invoice(c2, d2, 'G-1');
    const sold2 = await api.factoring.createBatch({ companyId: c2, profileId: 'second-2025', invoiceIds: [i2] });
    expect(sold2.factorId).toBe(tenancy.factorA2);
    otherCompanyBatchId = sold2.batchId;
    const second = callerFor(db, tenancy.users.otherFactorA);
    expect((await second.factor.batches()).map((b) => b.batchId)).toEqual([otherCompanyBatchId]);
    await expect(second.factoring.download({ companyId: c2, batchId: otherCompanyBatchId })).resolves.toMatchObject({ sha256: sold2.sha256 });
    await expect(second.factoring.download({ companyId: tenancy.companyA1, batchId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const factor = callerFor(db, tenancy.users.factorA1);
    const mine = await factor.factoring.download({ companyId: tenancy.companyA1, batchId });
    expect(mine.contentBase64.length).toBeGreaterThan(100);
    expect((await factor.factoring.batches({ companyId: tenancy.companyA1 })).map((b) => b.batchId)).toContain(batchId);

    const unknown = uuidv7();
    const viaMyCompany = await factor.factoring.download({ companyId: tenancy.companyA1, batchId: otherCompanyBatchId }).catch((e: unknown) => e);
    const notThere = await factor.factoring.download({ companyId: tenancy.companyA1, batchId: unknown }).catch((e: unknown) => e);
    expect(viaMyCompany).toMatchObject({ code: 'NOT_FOUND' });
    expect((viaMyCompany as Error).message.replace(otherCompanyBatchId, '<id>')).toBe((notThere as Error).message.replace(unknown, '<id>'));
    await expect(factor.factoring.download({ companyId: c2, batchId: otherCompanyBatchId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(factor.factoring.preview({ companyId: tenancy.companyA1, profileId: 'acme-2025' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The accountant of another firm cannot reach either batch.
    const other = callerFor(db, tenancy.users.accountantB);
    await expect(other.factoring.download({ companyId: tenancy.companyA1, batchId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('owes the factor what the seller received for assigned invoices after the sale', async () => {
    await api.payment.record({ companyId: tenancy.companyA1, debtorId: debtors.ok!, amount: '500.00', receivedOn: '2025-03-15', allocations: [{ invoiceId: ids['F-OK1']!, amount: '500.00' }] });
    const settlement = await api.factoring.settlement({ companyId: tenancy.companyA1, profileId: 'acme-2025' });
    expect(settlement.lines.map((l) => [l.invoiceNumber, l.received, l.owed])).toEqual([['F-OK1', '500.00', '500.00']]);
    expect(settlement.totalOwed).toBe('500.00');
  });

  it('offers unpaid assigned invoices back after the recourse period, at the advance pro rata', async () => {
    // Due 2025-03-22 + 90 days: recourse ends 2025-06-20.
    expect((await api.factoring.repurchase({ companyId: tenancy.companyA1, profileId: 'acme-2025', asOf: '2025-06-20' })).offers).toEqual([]);
    const later = await api.factoring.repurchase({ companyId: tenancy.companyA1, profileId: 'acme-2025', asOf: '2025-07-01' });
    expect(later.offers.map((o) => [o.invoiceNumber, o.outstanding, o.repurchasePrice])).toEqual([
      ['F-OK1', '710.00', '603.50'], // 1028.50 × 710/1210
      ['F-OK2', '1210.00', '1028.50'],
    ]);
  });

  it('validates a profile on save (code and field) and lets only accountants change the firm’s profiles', async () => {
    const error = await api.factoring.profiles.save({ companyId: tenancy.companyA1, profile: { ...profile(), advancePercent: '185' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', factCode: 'INVALID_POLICY', field: 'profile.advancePercent' });
    const entrepreneur = callerFor(db, tenancy.users.entrepreneurA1);
    await expect(entrepreneur.factoring.profiles.save({ companyId: tenancy.companyA1, profile: profile() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const listed = await entrepreneur.factoring.profiles.list({ companyId: tenancy.companyA1 });
    expect(listed.profiles.map((p) => p.id)).toEqual(['acme-2025', 'second-2025', 'ubl-only']);
    await expect(api.factoring.profiles.get({ companyId: tenancy.companyA1, profileId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

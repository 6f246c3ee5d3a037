// Letter templates per level and language (save, version check, preview that renders the real
// letter with the company's data) and notes on a debtor, through createCaller on a real database.
import type { DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

const line = (unitPrice: string) => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

describe.each(DIALECTS)('letter templates and notes on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let company: string;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    company = tenancy.companyA1;
  }, 120_000);
  afterAll(() => dispose());

  it('refuses a preview until the company has an IBAN and a sender address', async () => {
    await expect(api.dunningRun.templates.preview({ companyId: company, level: 2, language: 'nl' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('IBAN') });
    await db.transaction(async (tx) => {
      await tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', bic: 'GKCCBEBB', enterpriseNumber: '0403019261', address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent' }, email: 'info@bakkerij-a1.be' });
    });
  });

  it('saves a template only with known placeholders, and checks the version on replace', async () => {
    await expect(api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: 'Aanmaning', body: 'Beste {klant},' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    await expect(api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: '', body: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'subject' });
    const saved = await api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: 'Tweede herinnering {invoiceNumbers}', body: 'Beste {debtorName},\n\nVoor {invoiceNumbers} staat nog {openAmount} open; met de kosten {amountDue}.' });
    expect(saved).toMatchObject({ level: 3, language: 'nl', version: 1 });
    await expect(api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: 'x', body: 'y' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const v2 = await api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: 'Tweede herinnering {invoiceNumbers}', body: saved.body, version: 1 });
    expect(v2.version).toBe(2);
    await expect(api.dunningRun.templates.save({ companyId: company, level: 3, language: 'nl', subject: 'oud', body: 'oud', version: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const list = await api.dunningRun.templates.list({ companyId: company });
    expect(list.templates.map((t) => [t.level, t.language, t.version])).toEqual([[3, 'nl', 2]]);
    expect(list.placeholders).toContain('debtorName');
    // an entrepreneur may look but not change the wording
    await expect(callerFor(db, tenancy.users.entrepreneurA1).dunningRun.templates.save({ companyId: company, level: 1, language: 'nl', subject: 'x', body: 'y' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('previews the real letter: the saved template filled in, the exact claims of that level, as PDF and text', async () => {
    // BE B2B level 3 (reference.md §1.2): interest at the statutory rate and €40 on the sample of 1,210.00
    const p = await api.dunningRun.templates.preview({ companyId: company, level: 3, language: 'nl' });
    const text = p.text.replace(/\u00a0/g, ' ');
    expect(p.usesTemplate).toBe('saved');
    expect(p.title).toBe('Tweede herinnering VOORBEELD-001 – second-reminder-VOORBEELD-001');
    // due 22/02/2025 (level 3 = 7 + 14 days after it on 15/03): 21 days at 11.50 % (H1 2025) on 1,210.00 = 8.01
    expect(text).toContain('Beste Voorbeeldklant NV,');
    expect(text).toContain('Voor VOORBEELD-001 staat nog 1.210,00 € open; met de kosten 1.258,01 €.');
    expect(text).toMatch(/Verwijlinterest\s+VOORBEELD-001\s+8,01 €/);
    expect(text).toMatch(/Forfaitaire vergoeding invorderingskosten\s+VOORBEELD-001\s+40,00 €/);
    expect(text).toMatch(/Totaal te betalen\s+1\.258,01 €/);
    expect(text).toContain('wet van 2 augustus 2002');
    expect(text).toContain('Bakkerij A1 BV');
    expect(text).toContain('BE68 5390 0754 7034');
    expect(p.total).toBe('1258.01');
    expect(Buffer.from(p.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // a draft is previewed without being saved; a bad draft names its field
    const draft = await api.dunningRun.templates.preview({ companyId: company, level: 2, language: 'fr', draft: { subject: 'Petit rappel', body: 'Bonjour {debtorName},' } });
    expect(draft).toMatchObject({ usesTemplate: 'draft' });
    expect(draft.text).toContain('Bonjour Client Exemple SA,');
    expect(draft.text).not.toContain('Beste');
    await expect(api.dunningRun.templates.preview({ companyId: company, level: 2, language: 'fr', draft: { subject: 'Rappel {payBy}', body: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'subject' });
    // the consumer policy's free first reminder (Book XIX) announces the damages and charges nothing
    const free = await api.dunningRun.templates.preview({ companyId: company, level: 2, language: 'nl', kind: 'consumer' });
    expect(free.usesTemplate).toBe('none');
    expect(free.text).toContain('EERSTE HERINNERING (KOSTELOOS)');
    // reference.md §3: damages on 1,210.00 are at most 65 + 5 % of 710 = 100.50
    expect(free.text.replace(/\u00a0/g, ' ')).toContain('forfaitaire schadevergoeding 100,50 €');
    expect(free.total).toBe('1210.00');
    await expect(api.dunningRun.templates.preview({ companyId: company, level: 9, language: 'nl' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'level' });
  });

  it('removes a template (version-checked): the built-in wording applies again; each change is audited', async () => {
    await expect(api.dunningRun.templates.remove({ companyId: company, level: 3, language: 'nl', version: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await api.dunningRun.templates.remove({ companyId: company, level: 3, language: 'nl', version: 2 });
    expect((await api.dunningRun.templates.preview({ companyId: company, level: 3, language: 'nl' })).usesTemplate).toBe('none');
    const rows = await db.db.select().from(db.tables.auditLog);
    expect(rows.filter((r) => r.action.startsWith('dunning.template.')).map((r) => r.action)).toEqual(['dunning.template.save', 'dunning.template.save', 'dunning.template.remove']);
  });

  it('keeps notes on a debtor with their author, newest first; only about its own invoices', async () => {
    const debtor = await api.debtor.create({ companyId: company, kind: 'business', name: 'Kroon NV', language: 'nl', country: 'BE' });
    const other = await api.debtor.create({ companyId: company, kind: 'business', name: 'Claes', language: 'nl', country: 'BE' });
    const invoice = await api.invoice.create({ companyId: company, debtorId: debtor.id, number: 'N-1', issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line('100.00')] });
    const otherInvoice = await api.invoice.create({ companyId: company, debtorId: other.id, number: 'N-2', issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line('100.00')] });
    await api.debtor.notes.add({ debtorId: debtor.id, body: 'Called the owner: pays on Friday' });
    await callerFor(db, tenancy.users.entrepreneurA1, { clock: () => new Date('2025-03-15T10:00:00Z') }).debtor.notes.add({ debtorId: debtor.id, invoiceId: invoice.id, body: 'Sent a copy of N-1' });
    await expect(api.debtor.notes.add({ debtorId: debtor.id, body: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.debtor.notes.add({ debtorId: debtor.id, invoiceId: otherInvoice.id, body: 'wrong debtor' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'invoiceId' });
    const notes = await api.debtor.notes.list({ debtorId: debtor.id });
    expect(notes.map((n) => [n.body, n.author, n.invoiceId])).toEqual([
      ['Sent a copy of N-1', 'entrepreneurA1', invoice.id],
      ['Called the owner: pays on Friday', 'accountantA', null],
    ]);
    expect(await api.debtor.notes.list({ debtorId: other.id })).toEqual([]);
    await expect(callerFor(db, tenancy.users.accountantB).debtor.notes.list({ debtorId: debtor.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

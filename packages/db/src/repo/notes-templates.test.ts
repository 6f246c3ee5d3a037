import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { invoiceFor, twoTenants } from './fixtures.test-helper.js';
import { letterTemplateFor, listLetterTemplates, removeLetterTemplate, saveLetterTemplate } from './letterTemplates.js';
import { addNote, listNotes } from './notes.js';

describe.each(testTargets())('notes and letter templates on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    w = await twoTenants(db);
  });
  afterAll(() => dispose());

  it('appends notes on a debtor, newest first, and pages on', async () => {
    const invoice = await invoiceFor(db, w.a.id, w.debtorA.id, 'N-1');
    const first = await addNote(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, body: '  Called: pays Friday  ', at: new Date('2025-03-10T09:00:00Z') });
    const second = await addNote(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, invoiceId: invoice.id, body: 'Asked for a copy of N-1', at: new Date('2025-03-11T09:00:00Z') });
    expect(first.body).toBe('Called: pays Friday');
    const all = await listNotes(db, { companyId: w.a.id }, { debtorId: w.debtorA.id });
    expect(all.map((n) => n.id)).toEqual([second.id, first.id]);
    expect(all[0]?.createdAt.toISOString()).toBe('2025-03-11T09:00:00.000Z');
    expect((await listNotes(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, invoiceId: invoice.id })).map((n) => n.id)).toEqual([second.id]);
    expect((await listNotes(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, before: { createdAt: second.createdAt, id: second.id } })).map((n) => n.id)).toEqual([first.id]);
  });

  it('keeps notes inside the company: another company sees none and cannot write on its debtor', async () => {
    expect(await listNotes(db, { companyId: w.b.id }, { debtorId: w.debtorA.id })).toEqual([]);
    await expect(addNote(db, { companyId: w.b.id }, { debtorId: w.debtorA.id, body: 'x', at: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const foreignInvoice = await invoiceFor(db, w.b.id, w.debtorB.id, 'B-1');
    await expect(addNote(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, invoiceId: foreignInvoice.id, body: 'x', at: new Date() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addNote(db, { companyId: w.a.id }, { debtorId: w.debtorA.id, body: '   ', at: new Date() })).rejects.toMatchObject({ code: 'CONSTRAINT_VIOLATION' });
  });

  it('creates, replaces (version-checked) and removes a template per level and language', async () => {
    const scope = { companyId: w.a.id };
    const at = new Date('2025-03-12T10:00:00Z');
    const { saved } = await saveLetterTemplate(db, scope, { level: 2, language: 'nl', subject: 'Herinnering {invoiceNumbers}', body: 'Beste {debtorName},', at });
    expect(saved.version).toBe(1);
    await expect(saveLetterTemplate(db, scope, { level: 2, language: 'nl', subject: 'x', body: 'y', at })).rejects.toMatchObject({ code: 'DUPLICATE' });
    const { saved: next, before } = await saveLetterTemplate(db, scope, { level: 2, language: 'nl', subject: 'Tweede versie', body: 'Geachte {debtorName},', version: 1, at });
    expect(before?.subject).toBe('Herinnering {invoiceNumbers}');
    expect(next.version).toBe(2);
    await expect(saveLetterTemplate(db, scope, { level: 2, language: 'nl', subject: 'oud', body: 'oud', version: 1, at })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    await saveLetterTemplate(db, scope, { level: 1, language: 'fr', subject: 'Rappel', body: 'Madame, Monsieur,', at });
    expect((await listLetterTemplates(db, scope)).map((t) => `${t.level}${t.language}`)).toEqual(['1fr', '2nl']);
    expect((await letterTemplateFor(db, w.a.id, 2, 'nl'))?.subject).toBe('Tweede versie');
    expect(await letterTemplateFor(db, w.a.id, 2, 'fr')).toBeUndefined();
    // another company has none of them and cannot change them
    expect(await listLetterTemplates(db, { companyId: w.b.id })).toEqual([]);
    expect(await letterTemplateFor(db, w.b.id, 2, 'nl')).toBeUndefined();
    await expect(saveLetterTemplate(db, { companyId: w.b.id }, { level: 2, language: 'nl', subject: 'x', body: 'y', version: 2, at })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeLetterTemplate(db, { companyId: w.b.id }, { level: 2, language: 'nl', version: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeLetterTemplate(db, scope, { level: 2, language: 'nl', version: 1 })).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect((await removeLetterTemplate(db, scope, { level: 2, language: 'nl', version: 2 })).subject).toBe('Tweede versie');
    expect(await letterTemplateFor(db, w.a.id, 2, 'nl')).toBeUndefined();
  });
});

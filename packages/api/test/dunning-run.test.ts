import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDebtor, type DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

// The runner wired by the router writes under FACT_DATA_DIR (the .eml outbox while SMTP_URL is unset).
const dataDir = mkdtempSync(join(tmpdir(), 'fact-api-dunning-'));
process.env['FACT_DATA_DIR'] = dataDir;
delete process.env['SMTP_URL'];
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.each(DIALECTS)('dunningRun procedures on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let companyId: string;
  let invoiceId: string;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    companyId = tenancy.companyA1;
    api = callerFor(db, tenancy.users.accountantA);
    const c = db.tables.companies;
    await db.transaction((tx) => tx.db.update(c).set({ iban: 'BE68539007547034', vatNumber: 'BE0403019261' }).where(eq(c.id, companyId)));
    const { version } = await api.dunningRun.settings({ companyId });
    await api.dunningRun.updateSettings({
      companyId,
      version,
      runner: { mode: 'approve', sendAt: '08:00', identity: { email: 'facturatie@bakkerij-a1.be', address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent' } } },
    });
    const debtor = await createDebtor(db, { companyId }, {
      kind: 'business',
      name: 'Drukkerij Claes NV',
      language: 'nl',
      country: 'BE',
      street: 'Stationsstraat 1',
      postalCode: '2000',
      city: 'Antwerpen',
      contacts: [{ role: 'billing', name: 'Boekhouding', email: `ap-${dialect}@claes.example`, phone: null, language: 'nl' }],
    });
    invoiceId = (await api.invoice.create({ companyId, debtorId: debtor.id, number: `R-${dialect}`, issueDate: '2024-12-16', dueDate: '2025-01-15', lines: [{ description: 'Drukwerk', quantity: '1', unitPrice: '500.00', vatRate: '21', vatCategory: 'S' }] })).id;
  }, 120_000);
  afterAll(() => dispose());

  it('approve mode: runNow queues, the firm queue shows it, sendNow sends it once, a second decision is refused', async () => {
    const run = await api.dunningRun.runNow({ companyId, asOf: '2025-03-15' });
    expect(run).toMatchObject({ planned: 1, sent: 0, mode: 'approve' });
    const [item] = await api.dunningRun.queue({ companyId });
    expect(item).toMatchObject({ state: 'planned', needsApproval: true, itemIds: [invoiceId] });
    const firm = await api.dunningRun.firmQueue();
    expect(firm.find((f) => f.companyId === companyId)?.debtors.flatMap((d) => d.items.map((q) => q.key))).toEqual([item!.key]);

    await expect(api.dunningRun.decide({ companyId, key: '0'.repeat(32), decision: { decision: 'approve' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sent = await api.dunningRun.sendNow({ companyId, keys: [item!.key] });
    expect(sent.sent).toBe(1);
    expect(readdirSync(join(dataDir, 'outbox'))).toContain(`${item!.key}.eml`);
    await expect(api.dunningRun.decide({ companyId, key: item!.key, decision: { decision: 'skip', reason: 'te laat' } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const [after] = await api.dunningRun.queue({ companyId, states: ['sent'] });
    expect(after).toMatchObject({ key: item!.key, state: 'sent', messageId: `<dunning.${item!.key}@bakkerij-a1.be>` });

    const again = await api.dunningRun.runNow({ companyId, asOf: '2025-03-15' });
    expect(again.planned + again.sent).toBe(0);
    expect(existsSync(join(dataDir, 'outbox', `${item!.key}.eml`))).toBe(true);
  });

  it("another firm's accountant cannot see or decide this company's queue", async () => {
    const other = callerFor(db, tenancy.users.accountantB);
    await expect(other.dunningRun.queue({ companyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [item] = await api.dunningRun.queue({ companyId });
    await expect(other.dunningRun.decide({ companyId, key: item!.key, decision: { decision: 'approve' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

// The portal's dunning procedures on a real database: the firm-wide follow-up queue with the
// planner's reasons and priced claims, approve / skip / send (one by one and in bulk, all or
// nothing), the debtor's dunning history (who, when, why), and the policy editor's save path.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BE_B2B_POLICY, NL_B2B_POLICY, beCommercialRates, lateInterest } from '@fact/core';
import type { DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

const line = (unitPrice: string) => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });
const dataDir = mkdtempSync(join(tmpdir(), 'fact-dunning-ui-'));
process.env['FACT_DATA_DIR'] = dataDir;

/** BE B2B, but the reminder 7 days after the due date already claims interest and the €40. */
function claimingPolicy() {
  const levels = BE_B2B_POLICY.levels.map((l) => ({ ...l, claims: { ...l.claims }, offset: { ...l.offset }, gates: [...l.gates] }));
  levels[1] = { ...levels[1]!, claims: { interest: 'claim', fixedCompensation: 'claim' } };
  return { ...BE_B2B_POLICY, id: 'own-BE-B2B', version: 2, levels };
}

describe.each(DIALECTS)('the follow-up queue on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let company: string;
  const debtors: Record<'kroon' | 'claes' | 'vos', string> = { kroon: '', claes: '', vos: '' };
  const invoices: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    company = tenancy.companyA1;
    await db.transaction(async (tx) => {
      await tx.db.update(tx.tables.companies).set({ iban: 'BE68539007547034', bic: 'GKCCBEBB', enterpriseNumber: '0403019261', vatNumber: 'BE0403019261' });
    });
    const settings = await api.dunningRun.settings({ companyId: company });
    await api.dunningRun.updateSettings({
      companyId: company,
      version: settings.version,
      runner: { mode: 'approve', sendAt: '08:00', identity: { email: 'facturatie@bakkerij-a1.be', name: 'Bakkerij A1', address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent' } } },
      business: claimingPolicy(),
    });
    for (const [key, name] of [['kroon', 'Kroon NV'], ['claes', 'Drukkerij Claes'], ['vos', 'Vos & Zonen']] as const) {
      debtors[key] = (await api.debtor.create({ companyId: company, kind: 'business', name, language: 'nl', country: 'BE' })).id;
      // due 2025-02-09: 34 days overdue on the company's date (2025-03-15), level 2 due since 2025-02-16
      invoices[key] = (await api.invoice.create({ companyId: company, debtorId: debtors[key], number: `Q-${key}`, issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line('100.00')] })).id;
    }
    const run = await api.dunningRun.runNow({ companyId: company });
    expect(run.planned).toBe(3);
  }, 120_000);
  afterAll(async () => {
    await dispose();
  });

  const queued = async () => (await api.dunningRun.firmQueue({ language: 'nl' })).find((c) => c.companyId === company);
  const itemOf = async (debtor: keyof typeof debtors) => (await queued())?.debtors.find((d) => d.debtorId === debtors[debtor])?.items[0];

  it('groups what waits per company and debtor, with the rule, the facts and the priced claims', async () => {
    const c = await queued();
    expect(c?.legalName).toBe('Bakkerij A1 BV');
    expect(c?.debtors.map((d) => d.name)).toEqual(['Drukkerij Claes', 'Kroon NV', 'Vos & Zonen']);
    const item = c!.debtors[1]!.items[0]!;
    expect(item).toMatchObject({ level: 2, levelKey: 'reminder', channel: 'email', state: 'planned', needsApproval: true, plannedOn: '2025-03-15', amount: '121.00' });
    expect(item.rule).toMatchObject({ text: 'Level 2 (reminder) by email: 7 days after the due date', from: 'due-date', days: 7, policyId: 'own-BE-B2B', policyVersion: 2 });
    expect(item.invoices).toEqual([{ id: invoices.kroon, number: 'Q-kroon', dueDate: '2025-02-09', daysOverdue: 34, amountToRemind: '121.00', previousLevel: null, previousSentOn: null }]);
    expect(item.explanation).toContain('Niveau 2');
    expect(item.explanation).toContain('Q-kroon');
    expect(item.explanation).not.toContain(invoices.kroon);
    // Law of 2 Aug 2002 (reference.md §1.2): 121.00 at 11.50 % (H1 2025) from 10/02 to 15/03/2025 = 1.30; €40 per invoice.
    const interest = lateInterest({ principal: '121.00', dueDate: '2025-02-09', until: '2025-03-15', rateTable: beCommercialRates, method: 'simple' });
    expect(interest.total.toFixed(2)).toBe('1.30');
    expect(item.claims).toEqual([
      expect.objectContaining({ kind: 'interest', mode: 'claim', status: 'included', amount: '1.30', invoiceNumber: 'Q-kroon' }),
      expect.objectContaining({ kind: 'fixed-compensation', mode: 'claim', status: 'included', amount: '40.00', invoiceNumber: 'Q-kroon' }),
    ]);
    expect(item.totalWithClaims).toBe('162.30');
  });

  it('skipping needs a reason; a bulk decision is all or nothing', async () => {
    const kroon = (await itemOf('kroon'))!;
    const claes = (await itemOf('claes'))!;
    await expect(api.dunningRun.decideMany({ items: [{ companyId: company, key: kroon.key }], decision: { decision: 'skip', reason: ' ' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await api.dunningRun.decideMany({ items: [{ companyId: company, key: kroon.key }], decision: { decision: 'skip', reason: 'Customer called: pays Friday' } });
    expect(await itemOf('kroon')).toBeUndefined();
    // Kroon is decided already: approving Claes and Kroon together changes nothing at all
    await expect(
      api.dunningRun.decideMany({ items: [{ companyId: company, key: claes.key }, { companyId: company, key: kroon.key }], decision: { decision: 'approve' } }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Nothing was changed: reminder 2 of 2') });
    expect((await itemOf('claes'))?.needsApproval).toBe(true);
    await api.dunningRun.decideMany({ items: [{ companyId: company, key: claes.key }], decision: { decision: 'approve' } });
    // approved: no longer waiting for a person (the run or "send now" sends it)
    expect(await itemOf('claes')).toBeUndefined();
    const waiting = await api.dunningRun.queue({ companyId: company, states: ['approved'] });
    expect(waiting.map((q) => q.key)).toEqual([claes.key]);
  });

  it('sends now: the letter goes out with its claims, and the debtor history says who did what, when and why', async () => {
    const vos = (await itemOf('vos'))!;
    const result = await api.dunningRun.decideMany({ items: [{ companyId: company, key: vos.key }], decision: { decision: 'send' } });
    expect(result.delivery).toMatchObject({ sent: 1, failed: 0, dropped: [] });
    // no e-mail address for the debtor: a print-ready letter
    expect(readdirSync(join(dataDir, 'print', '2025-03-15', 'letter'))).toContain(`${vos.key}.pdf`);
    const history = await api.dunningRun.debtorHistory({ debtorId: debtors.vos });
    expect(history.actions.map((a) => a.state)).toEqual(['sent', 'rerouted', 'approved', 'planned']);
    expect(history.actions[0]).toMatchObject({ level: 2, claimed: '41.30', on: '2025-03-15', actor: null, channel: 'letter' });
    expect(history.actions[1]).toMatchObject({ channel: 'letter', reason: 'no-email-address' });
    expect(history.actions[2]).toMatchObject({ actor: 'accountantA', at: '2025-03-15T09:00:00.000Z' });
    expect(history.actions[3]).toMatchObject({ actor: null, reason: 'Level 2 (reminder) by email: 7 days after the due date', amount: '121.00' });
    const skipped = await api.dunningRun.debtorHistory({ debtorId: debtors.kroon });
    expect(skipped.actions[0]).toMatchObject({ state: 'skipped', actor: 'accountantA', reason: 'Customer called: pays Friday' });
    expect(skipped.reminders).toEqual([]);
  });

  it('saves a policy only when it is lawful, names the wrong field, audits it, and resets to the default', async () => {
    const s = await api.dunningRun.settings({ companyId: company });
    expect(s.own.business).toBe(true);
    expect(s.presets.business.id).toBe('BE-B2B');
    expect(s.business.levels[1]?.claims).toEqual({ interest: 'claim', fixedCompensation: 'claim' });
    const bad = claimingPolicy();
    bad.levels[2] = { ...bad.levels[2]!, offset: { from: 'previous-level', days: 0 } };
    await expect(api.dunningRun.updateSettings({ companyId: company, version: s.version, business: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'levels[2].offset.days' });
    await expect(api.dunningRun.updateSettings({ companyId: company, version: s.version, business: { ...NL_B2B_POLICY, id: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'jurisdiction' });
    await expect(api.dunningRun.updateSettings({ companyId: company, version: s.version, runner: { mode: 'sometimes' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'runner.mode' });
    await expect(api.dunningRun.updateSettings({ companyId: company, version: s.version - 1, business: null })).rejects.toMatchObject({ code: 'CONFLICT' });
    // nothing of the refused saves was stored
    expect((await api.dunningRun.settings({ companyId: company })).version).toBe(s.version);
    const saved = await api.dunningRun.updateSettings({ companyId: company, version: s.version, business: null, runner: { ...s.runner, mode: 'auto', sendAt: '07:30' } });
    const after = await api.dunningRun.settings({ companyId: company });
    expect(after).toMatchObject({ version: saved.version, own: { business: false }, runner: { mode: 'auto', sendAt: '07:30' } });
    expect(after.business.id).toBe('BE-B2B');
    const trail = await api.audit.history({ companyId: company });
    expect(trail.filter((e) => e.action === 'dunning.settings').length).toBeGreaterThanOrEqual(2);
  });

  it('a phone task waits in the queue with its reason; "call done" records who called and what was agreed', async () => {
    const s = await api.dunningRun.settings({ companyId: company });
    expect(s.runner.mode).toBe('auto');
    const calling = claimingPolicy();
    calling.levels[1] = { ...calling.levels[1]!, channel: 'phone-task' };
    await api.dunningRun.updateSettings({ companyId: company, version: s.version, business: calling });
    const debtorId = (await api.debtor.create({ companyId: company, kind: 'business', name: 'Bel Mij BV', language: 'nl', country: 'BE' })).id;
    await api.invoice.create({ companyId: company, debtorId, number: 'Q-call', issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line('100.00')] });
    const run = await api.dunningRun.runNow({ companyId: company });
    expect(run.tasks).toBe(1);
    const task = (await queued())!.debtors.find((d) => d.debtorId === debtorId)!.items[0]!;
    expect(task).toMatchObject({ state: 'task-open', needsApproval: false, channel: 'phone-task', level: 2 });
    expect(task.reason).toContain('Niveau 2');
    await api.dunningRun.decide({ companyId: company, key: task.key, decision: { decision: 'complete-task', note: 'Spoke to the owner: pays Monday' } });
    expect((await queued())?.debtors.find((d) => d.debtorId === debtorId)).toBeUndefined();
    const history = await api.dunningRun.debtorHistory({ debtorId });
    expect(history.actions[0]).toMatchObject({ state: 'task-done', actor: 'accountantA', reason: 'Spoke to the owner: pays Monday' });
  });

  it('is for accountants: an entrepreneur cannot decide, and other firms see nothing', async () => {
    const entrepreneur = callerFor(db, tenancy.users.entrepreneurA1);
    await expect(entrepreneur.dunningRun.firmQueue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(entrepreneur.dunningRun.decideMany({ items: [{ companyId: company, key: 'a'.repeat(32) }], decision: { decision: 'approve' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await callerFor(db, tenancy.users.accountantB).dunningRun.firmQueue()).toEqual([]);
    await expect(callerFor(db, tenancy.users.accountantB).dunningRun.debtorHistory({ debtorId: debtors.vos })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { clearBookCache } from '../src/services/overview/book-cache.js';
import { firmOverview } from '../src/services/overview/firm-overview.js';

// NOW is 2025-03-15 (fixture.ts). Lines: 100.00 + 21 % VAT = 121.00.
const line = (unitPrice = '100.00') => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

describe.each(DIALECTS)('overview.firm on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;
  let debtorId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const companyId = tenancy.companyA1;
    debtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'BE' })).id;
    const mk = async (key: string, dueDate: string, unitPrice = '100.00') => {
      ids[key] = (await api.invoice.create({ companyId, debtorId, number: `OV-${key}`, issueDate: '2025-01-10', dueDate, lines: [line(unitPrice)] })).id;
    };
    await mk('overdue', '2025-02-09'); // 34 days late: the reminder (level 2, due + 7) is due
    await mk('notDue', '2025-04-30'); // nothing due yet (the pre-due mail comes 3 days before)
    await mk('disputed', '2025-02-01');
    await mk('promised', '2025-02-05');
    await api.collection.dispute.open({ invoiceId: ids.disputed!, reason: 'Goods damaged', openedOn: '2025-02-20' });
  }, 60_000);
  afterAll(() => dispose());

  const mine = async () => (await api.overview.firm()).companies.find((c) => c.companyId === tenancy.companyA1)!;

  it('gives outstanding, overdue (amount and %), DSO and the reminders due for each company of the firm', async () => {
    const result = await api.overview.firm();
    expect(result.companies.map((c) => c.companyId).sort()).toEqual([tenancy.companyA1, tenancy.companyA2].sort());
    const a1 = result.companies.find((c) => c.companyId === tenancy.companyA1)!;
    expect(a1).toMatchObject({
      asOf: '2025-03-15',
      outstanding: '484.00',
      openInvoices: 4,
      overdue: '363.00',
      overduePercent: '75.00',
      // 484.00 open ÷ 484.00 invoiced in the last 90 days × 90 days
      dso: '90.0',
      // the overdue and the promised invoice; the disputed one is paused, the other not yet due
      remindersDue: 2,
      reclaimableVat: '0.00',
    });
    expect(result.totals).toMatchObject({ outstanding: '484.00', overdue: '363.00', remindersDue: 2 });
  });

  it('agrees with the dunning plan on how many invoices have a reminder due (the plan groups them per debtor)', async () => {
    const preview = await api.dunning.preview({ companyId: tenancy.companyA1 });
    const invoices = new Set(preview.actions.flatMap((a) => a.itemIds));
    expect((await mine()).remindersDue).toBe(invoices.size);
  });

  it('stops counting an invoice while a promise to pay runs, and counts it again once the promise is broken', async () => {
    const promise = await api.collection.promise.record({ debtorId, invoiceId: ids.promised!, amount: '121.00', promisedOn: '2025-03-15', dueOn: '2025-03-31' });
    expect((await mine()).remindersDue).toBe(1);
    await api.collection.promise.settle({ debtorId, promiseId: promise.id, version: promise.version, status: 'broken' });
    expect((await mine()).remindersDue).toBe(2);
  });

  it('sees a payment at once (the cached book is recomputed when the company data changes)', async () => {
    await api.overview.firm();
    await api.payment.record({ companyId: tenancy.companyA1, debtorId, amount: '121.00', receivedOn: '2025-03-15', allocations: [{ invoiceId: ids.overdue!, amount: '121.00' }] });
    expect(await mine()).toMatchObject({ outstanding: '363.00', overdue: '242.00', remindersDue: 1, openInvoices: 3 });
  });

  it('judges the company on an explicit as-of date', async () => {
    // On 2025-04-28 the not-yet-due invoice has its pre-due mail due (3 days before 30 April).
    const later = (await api.overview.firm({ asOf: '2025-04-28' })).companies.find((c) => c.companyId === tenancy.companyA1)!;
    expect(later).toMatchObject({ asOf: '2025-04-28', overdue: '242.00', remindersDue: 2 });
  });

  it('counts NL VAT relief a year after the due date, on the unpaid part only (art. 29 Wet OB)', async () => {
    const nl = callerFor(db, tenancy.users.accountantB);
    const companyId = tenancy.companyB1;
    const debtor = (await nl.debtor.create({ companyId, kind: 'business', name: 'Bakkerij Visser', language: 'nl', country: 'NL' })).id;
    const old = await nl.invoice.create({ companyId, debtorId: debtor, number: 'NL-1', issueDate: '2023-12-15', dueDate: '2024-01-14', lines: [line()] });
    await nl.invoice.create({ companyId, debtorId: debtor, number: 'NL-2', issueDate: '2024-05-01', dueDate: '2024-05-31', lines: [line()] });
    await nl.payment.record({ companyId, debtorId: debtor, amount: '60.50', receivedOn: '2024-03-01', allocations: [{ invoiceId: old.id, amount: '60.50' }] });
    const b1 = (await nl.overview.firm()).companies.find((c) => c.companyId === companyId)!;
    // NL-1: unpaid 60.50 of 121.00 → half of the 21.00 VAT; NL-2 becomes eligible only on 2025-05-31.
    expect(b1.reclaimableVat).toBe('10.50');
    const june = (await nl.overview.firm({ asOf: '2025-06-01' })).companies.find((c) => c.companyId === companyId)!;
    expect(june.reclaimableVat).toBe('31.50');
  });

  it('is for accountants: an entrepreneur is refused, and another firm sees none of these companies', async () => {
    await expect(callerFor(db, tenancy.users.entrepreneurA1).overview.firm()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await callerFor(db, tenancy.users.accountantB).overview.firm();
    expect(other.companies.map((c) => c.companyId)).toEqual([tenancy.companyB1]);
  });

  it('reads the open invoices once: cached afterwards, and shared by calls made at the same moment', async () => {
    const companies = [tenancy.companyA1, tenancy.companyA2].map((id) => ({ id, legalName: id, country: 'BE' as const, dunningPolicy: null, asOf: '2025-03-20' }));
    clearBookCache(db);
    const [first, second] = await Promise.all([firmOverview(db, companies), firmOverview(db, companies)]);
    expect(first.stats.computed + second.stats.computed).toBe(2);
    expect(second.lines).toEqual(first.lines);
    expect((await firmOverview(db, companies)).stats).toEqual({ companies: 2, cached: 2, computed: 0 });
  });

  it('refuses a date that does not exist, naming the field', async () => {
    await expect(api.overview.firm({ asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'asOf' });
  });
});

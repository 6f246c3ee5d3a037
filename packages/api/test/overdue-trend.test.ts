import { money } from '@fact/core';
import { applyCreditNote, type DbHandle } from '@fact/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendDays } from '../src/services/overview/overdue-trend.js';
import { endOfLocalDay } from '../src/clock/local-date.js';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';

// NOW is 2025-03-15 10:00 in Brussels (fixture.ts). Every line is unit price + 21 % VAT.
const line = (unitPrice: string) => ({ description: 'Goods', quantity: '1', unitPrice, vatRate: '21', vatCategory: 'S' as const });

// The series worked out by hand from the history below (A1), as [day, overdue, outstanding, %].
const A1: [string, string, string, string | null][] = [
  ['2024-04-30', '0.00', '0.00', null], // nothing issued yet
  ['2024-05-31', '0.00', '121.00', '0.00'], // I1 open, due 9 June
  ['2024-06-30', '121.00', '363.00', '33.33'], // I1 late; I2 due today: not late yet
  ['2024-07-31', '313.00', '313.00', '100.00'], // 50.00 of I1 paid on 15 July
  ['2024-08-31', '313.00', '313.00', '100.00'], // the draft I5 never counts
  ['2024-09-30', '242.00', '242.00', '100.00'], // rest of I1 paid on 20 September
  ['2024-10-31', '242.00', '242.00', '100.00'],
  ['2024-11-30', '242.00', '363.00', '66.67'], // I3 issued, not due before 15 December
  ['2024-12-31', '363.00', '302.50', '120.00'], // I3 late; credit note CN1 (60.50) not yet applied
  ['2025-01-31', '60.50', '181.50', '33.33'], // I2 paid 10 Jan, CN1 applied to I3 on 5 Jan, I4 issued
  ['2025-02-28', '181.50', '181.50', '100.00'], // I4 late (cancelled only on 15 March)
  ['2025-03-15', '302.50', '423.50', '71.43'], // I2's payment reversed today, I4 cancelled today, I6 open
];

describe.each(DIALECTS)('overdue trend on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let api: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    api = callerFor(db, tenancy.users.accountantA);
    const companyId = tenancy.companyA1;
    const debtorId = (await api.debtor.create({ companyId, kind: 'business', name: 'Brouwerij Dijkstra', language: 'nl', country: 'BE' })).id;
    const invoice = async (number: string, issueDate: string, dueDate: string, unitPrice: string, extra: { kind?: 'credit_note'; status?: 'draft'; creditsInvoiceId?: string } = {}) =>
      api.invoice.create({ companyId, debtorId, number, issueDate, dueDate, lines: [line(unitPrice)], ...extra });
    const pay = (invoiceId: string, amount: string, receivedOn: string) => api.payment.record({ companyId, debtorId, amount, receivedOn, allocations: [{ invoiceId, amount }] });

    const i1 = await invoice('I1', '2024-05-10', '2024-06-09', '100.00'); // 121.00
    const i2 = await invoice('I2', '2024-06-01', '2024-06-30', '200.00'); // 242.00
    const i3 = await invoice('I3', '2024-11-15', '2024-12-15', '100.00'); // 121.00
    const cn1 = await invoice('CN1', '2024-12-20', '2024-12-20', '50.00', { kind: 'credit_note', creditsInvoiceId: i3.id }); // 60.50
    const i4 = await invoice('I4', '2025-01-20', '2025-02-19', '100.00');
    await invoice('I5', '2024-08-01', '2024-08-31', '100.00', { status: 'draft' });
    await invoice('I6', '2025-03-01', '2025-03-31', '100.00');
    await pay(i1.id, '50.00', '2024-07-15');
    await pay(i1.id, '71.00', '2024-09-20');
    const p2 = await pay(i2.id, '242.00', '2025-01-10');
    await applyCreditNote(db, { companyId }, cn1.id, i3.id, money('60.50'), '2025-01-05');
    await api.payment.reverse({ paymentId: p2.id, reason: 'returned by the bank' }); // at NOW
    await api.invoice.cancel({ invoiceId: i4.id, version: i4.version, reason: 'issued to the wrong debtor' }); // at NOW

    // A2: one invoice, never paid.
    const a2 = callerFor(db, tenancy.users.accountantA);
    const d2 = (await a2.debtor.create({ companyId: tenancy.companyA2, kind: 'consumer', name: 'Jan Peeters', language: 'nl', country: 'BE' })).id;
    await a2.invoice.create({ companyId: tenancy.companyA2, debtorId: d2, number: 'A2-1', issueDate: '2024-10-01', dueDate: '2024-10-31', lines: [line('100.00')] });
  }, 60_000);
  afterAll(() => dispose());

  it("rebuilds one company's overdue at each of the last twelve month ends from its history, to the cent", async () => {
    const trend = await api.reports.overdueTrend({ companyId: tenancy.companyA1 });
    expect(trend.asOf).toBe('2025-03-15');
    expect(trend.points.map((p) => [p.on, p.overdue, p.outstanding, p.overduePercent])).toEqual(A1);
  });

  it("ends on today's dashboard figure", async () => {
    const line = (await api.overview.firm()).companies.find((c) => c.companyId === tenancy.companyA1)!;
    const trend = await api.reports.overdueTrend({ companyId: tenancy.companyA1 });
    expect(trend.points.at(-1)).toMatchObject({ overdue: line.overdue, outstanding: line.outstanding });
  });

  it('sums the companies the accountant follows for the firm trend', async () => {
    const firm = await api.overview.trend();
    const byDay = new Map(firm.points.map((p) => [p.on, p]));
    expect(byDay.get('2024-10-31')).toEqual({ on: '2024-10-31', overdue: '242.00', outstanding: '363.00', overduePercent: '66.67' }); // A2 due today
    expect(byDay.get('2024-11-30')).toEqual({ on: '2024-11-30', overdue: '363.00', outstanding: '484.00', overduePercent: '75.00' });
    expect(byDay.get('2025-03-15')).toEqual({ on: '2025-03-15', overdue: '423.50', outstanding: '544.50', overduePercent: '77.78' });
  });

  it('sees a back-dated payment at once (the cached series is rebuilt when the data change)', async () => {
    const before = await api.reports.overdueTrend({ companyId: tenancy.companyA2 });
    expect(before.points.find((p) => p.on === '2025-01-31')?.overdue).toBe('121.00');
    const [inv] = (await api.invoice.list({ companyId: tenancy.companyA2 })).items;
    await api.payment.record({ companyId: tenancy.companyA2, amount: '21.00', receivedOn: '2024-12-02', allocations: [{ invoiceId: inv!.id, amount: '21.00' }] });
    const after = await api.reports.overdueTrend({ companyId: tenancy.companyA2 });
    expect(after.points.find((p) => p.on === '2024-11-30')?.overdue).toBe('121.00');
    expect(after.points.find((p) => p.on === '2024-12-31')?.overdue).toBe('100.00');
  });

  it('refuses a broken date with the field named', async () => {
    await expect(api.reports.overdueTrend({ companyId: tenancy.companyA1, asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('trend days and the end of a local day', () => {
  it('takes the ends of the eleven months before and the as-of date', () => {
    expect(trendDays('2025-03-15')).toEqual(['2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31', '2025-01-31', '2025-02-28', '2025-03-15']);
    expect(trendDays('2024-03-31').slice(-3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('ends a Brussels day at local midnight, winter and summer', () => {
    expect(endOfLocalDay('2025-01-31', 'Europe/Brussels').toISOString()).toBe('2025-01-31T23:00:00.000Z');
    expect(endOfLocalDay('2025-06-30', 'Europe/Brussels').toISOString()).toBe('2025-06-30T22:00:00.000Z');
    // The day the clocks go forward (30 March 2025): it still ends at the next local midnight.
    expect(endOfLocalDay('2025-03-30', 'Europe/Amsterdam').toISOString()).toBe('2025-03-30T22:00:00.000Z');
  });
});

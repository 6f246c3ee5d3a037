import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { beCivilRates } from '../rates/beCivilRates.js';
import { beCommercialRates } from '../rates/beCommercialRates.js';
import { nlCommercialRates } from '../rates/nlCommercialRates.js';
import { nlStatutoryRates } from '../rates/nlStatutoryRates.js';
import { lateInterest } from './lateInterest.js';
import { statutoryInterestBasis } from './statutoryInterestBasis.js';
import type { LateInterestInput } from './types.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const rows = (r: ReturnType<typeof lateInterest>) =>
  r.segments.map((s) => [s.from, s.to, s.days, s.base.toFixed(2), s.ratePercent, s.amount.toFixed(2), s.reason]);

describe('reference.md §1.2 worked example (BE, B2B, simple)', () => {
  const r = lateInterest({ principal: '5000', dueDate: '2025-03-15', until: '2025-09-30', rateTable: beCommercialRates, method: 'simple' });

  it('gives €300.89 in two segments of 107 and 92 days', () => {
    expect(rows(r)).toEqual([
      ['2025-03-16', '2025-06-30', 107, '5000.00', '11.50', '168.56', 'start'],
      ['2025-07-01', '2025-09-30', 92, '5000.00', '10.50', '132.33', 'rate-change'],
    ]);
    expect(r.total.toFixed(2)).toBe('300.89');
    expect(r.start).toBe('2025-03-16');
    expect(r.capitalised).toEqual([]);
  });

  it('gives the same €300.89 when rounding once on the total (per-segment rounding loses nothing here)', () => {
    const t = lateInterest({ principal: '5000', dueDate: '2025-03-15', until: '2025-09-30', rateTable: beCommercialRates, method: 'simple', rounding: 'total' });
    expect(t.total.toFixed(2)).toBe('300.89');
  });

  it('cites the source of every rate and is confirmed', () => {
    expect(r.segments.every((s) => s.rateSource.includes('lawbase.be'))).toBe(true);
    expect(r.unconfirmed).toBe(false);
  });
});

describe('reference.md §1.3 worked example (NL, B2B, compound)', () => {
  const input: LateInterestInput = {
    principal: '10000',
    dueDate: '2024-03-31',
    until: '2025-06-30',
    rateTable: nlCommercialRates,
    method: 'compound-annual',
  };
  const r = lateInterest(input);

  it('has the four segments of the table, capitalises €1,204.10 on 01-04-2025 and totals €1,515.56', () => {
    expect(rows(r)).toEqual([
      ['2024-04-01', '2024-06-30', 91, '10000.00', '12.50', '311.64', 'start'],
      ['2024-07-01', '2024-12-31', 184, '10000.00', '12.25', '617.53', 'rate-change'],
      ['2025-01-01', '2025-03-31', 90, '10000.00', '11.15', '274.93', 'rate-change'],
      ['2025-04-01', '2025-06-30', 91, '11204.10', '11.15', '311.46', 'anniversary'],
    ]);
    expect(r.capitalised.map((c) => [c.on, c.amount.toFixed(2), c.newBase.toFixed(2)])).toEqual([['2025-04-01', '1204.10', '11204.10']]);
    expect(r.total.toFixed(2)).toBe('1515.56');
  });

  it('simple interest gives €1,482.10 when the exact sum is rounded once, as reference.md computes it', () => {
    const s = lateInterest({ ...input, method: 'simple', rounding: 'total' });
    expect(s.total.toFixed(2)).toBe('1482.10');
    // The rows still add up to the total: the odd cent goes to the largest remainder.
    expect(s.segments.reduce((a, x) => a.plus(x.amount), s.total.minus(s.total)).toFixed(2)).toBe('1482.10');
    expect(s.segments.map((x) => x.days)).toEqual([91, 184, 181]);
  });

  it('per-segment rounding of the simple variant gives €1,482.09 (the exact sum is 1,482.0958…)', () => {
    expect(lateInterest({ ...input, method: 'simple' }).total.toFixed(2)).toBe('1482.09');
  });
});

describe('segments and payments', () => {
  it('starts the day after the due date and counts the payment day: one day of interest', () => {
    const r = lateInterest({ principal: '36500', dueDate: '2025-03-15', until: '2025-03-16', contractualRate: '10', method: 'simple' });
    expect(rows(r)).toEqual([['2025-03-16', '2025-03-16', 1, '36500.00', '10', '10.00', 'start']]);
  });

  it('gives no interest when paid on the due date', () => {
    const r = lateInterest({ principal: '1000', dueDate: '2025-03-15', until: '2025-03-15', rateTable: beCommercialRates, method: 'simple' });
    expect(r.segments).toEqual([]);
    expect(r.total.toFixed(2)).toBe('0.00');
  });

  it('lowers the base from the day after a partial payment; the payment day bears interest on the old base', () => {
    const r = lateInterest({
      principal: '10000',
      dueDate: '2025-01-31',
      until: '2025-03-31',
      contractualRate: '10',
      method: 'simple',
      payments: [{ date: '2025-02-28', amount: '4000' }],
    });
    expect(rows(r)).toEqual([
      ['2025-02-01', '2025-02-28', 28, '10000.00', '10', '76.71', 'start'],
      ['2025-03-01', '2025-03-31', 31, '6000.00', '10', '50.96', 'payment'],
    ]);
  });

  it('a payment before interest starts lowers the opening base; a full payment ends the statement', () => {
    const r = lateInterest({
      principal: '1000',
      dueDate: '2025-01-31',
      until: '2025-03-31',
      contractualRate: '10',
      method: 'simple',
      payments: [
        { date: '2025-01-20', amount: '400' },
        { date: '2025-02-10', amount: '600' },
      ],
    });
    expect(rows(r)).toEqual([['2025-02-01', '2025-02-10', 10, '600.00', '10', '1.64', 'start']]);
  });

  it('splits at a capitalisation that coincides with a rate change and names both reasons', () => {
    const r = lateInterest({ principal: '1000', dueDate: '2023-06-30', until: '2024-07-31', rateTable: nlCommercialRates, method: 'compound-annual' });
    const anniversary = r.segments.find((s) => s.from === '2024-07-01');
    expect(anniversary?.reason).toBe('anniversary');
    expect(anniversary?.reasons).toEqual(['anniversary', 'rate-change']);
    expect(anniversary?.base.toFixed(2)).toBe(r.capitalised[0]?.newBase.toFixed(2));
  });

  it('capitalises at each anniversary of a 29 February start (28 February in common years)', () => {
    const r = lateInterest({ principal: '1000', dueDate: '2024-02-28', until: '2026-03-10', contractualRate: '10', method: 'compound-annual' });
    expect(r.capitalised.map((c) => c.on)).toEqual(['2025-02-28', '2026-02-28']);
    expect(r.capitalised[0]?.amount.toFixed(2)).toBe('100.00'); // 365 days at 10 % of 1000
  });

  it('flags an interest period that uses an unconfirmed rate (BE H2 2024 [F])', () => {
    const r = lateInterest({ principal: '1000', dueDate: '2024-05-31', until: '2024-08-31', rateTable: beCommercialRates, method: 'simple' });
    expect(r.segments.map((s) => [s.from, s.unconfirmed])).toEqual([
      ['2024-06-01', false],
      ['2024-07-01', true],
    ]);
    expect(r.unconfirmed).toBe(true);
  });

  it('actual/actual [U] divides by 366 in a leap year and splits at 1 January', () => {
    const r = lateInterest({ principal: '36600', dueDate: '2023-12-30', until: '2024-01-01', contractualRate: '10', method: 'simple', dayCount: 'actual/actual' });
    expect(r.segments.map((s) => [s.from, s.days, s.yearDays, s.amount.toFixed(2), s.reason])).toEqual([
      ['2023-12-31', 1, 365, '10.03', 'start'],
      ['2024-01-01', 1, 366, '10.00', 'year-start'],
    ]);
    expect(r.unconfirmed).toBe(true);
  });

  it('uses the BE civil and NL statutory tables through the presets', () => {
    const be = statutoryInterestBasis('BE', 'consumer');
    const r = lateInterest({ principal: '1000', dueDate: '2024-12-31', until: '2025-12-31', rateTable: be.table, method: be.method });
    expect(r.total.toFixed(2)).toBe('45.00'); // 365 days at 4.50 % (reference.md §1.2, 2025)
    const nl = statutoryInterestBasis('NL', 'consumer');
    const n = lateInterest({ principal: '1000', dueDate: '2023-12-31', until: '2024-12-31', rateTable: nl.table, method: nl.method });
    expect(n.segments.map((s) => s.ratePercent)).toEqual(['7.00']); // 7 % all of 2024, no split at 1-7-2024
    expect(n.total.toFixed(2)).toBe('70.19'); // 366 days / 365 at 7 %
  });
});

describe('bad input', () => {
  const ok: LateInterestInput = { principal: '100', dueDate: '2025-01-31', until: '2025-03-31', rateTable: beCommercialRates, method: 'simple' };
  it.each<[string, Partial<LateInterestInput>, string, string]>([
    ['until before the due date', { until: '2025-01-30' }, 'INVALID_RANGE', 'until'],
    ['negative principal', { principal: '-1' }, 'INVALID_AMOUNT', 'principal'],
    ['a date after the table ends', { until: '2027-01-01' }, 'RATE_TABLE_GAP', 'until'],
    ['a due date before the table starts', { dueDate: '2001-01-01' }, 'RATE_TABLE_GAP', 'dueDate'],
    ['both a table and a rate', { contractualRate: '8' }, 'INVALID_ARGUMENT', 'rateTable'],
    ['a malformed rate', { rateTable: undefined, contractualRate: '8%' }, 'INVALID_PERCENTAGE', 'contractualRate'],
    ['a negative payment', { payments: [{ date: '2025-02-01', amount: '-5' }] }, 'INVALID_AMOUNT', 'payments[0].amount'],
    ['a payment larger than the base', { payments: [{ date: '2025-02-01', amount: '101' }] }, 'INVALID_AMOUNT', 'payments[0].amount'],
    ['a payment after until', { payments: [{ date: '2025-04-01', amount: '1' }] }, 'INVALID_RANGE', 'payments[0].date'],
    ['an impossible date', { dueDate: '2025-02-30' }, 'INVALID_DATE', 'dueDate'],
    ['total rounding with compounding', { method: 'compound-annual', rounding: 'total' }, 'INVALID_ARGUMENT', 'rounding'],
  ])('%s', (_label, patch, code, field) => {
    const e = thrown(() => lateInterest({ ...ok, ...patch }));
    expect(e).toMatchObject({ code, field });
    expect((e as Error).message.startsWith(`${field}:`)).toBe(true);
  });
  it('names the date and the table in a gap', () => {
    expect((thrown(() => lateInterest({ ...ok, until: '2027-01-01' })) as Error).message).toMatch(/2027-01-01.*be-commercial|be-commercial.*2027-01-01/);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 1500 });
  const tables = fc.constantFrom(beCommercialRates, beCivilRates, nlCommercialRates, nlStatutoryRates);
  const method = fc.constantFrom('simple' as const, 'compound-annual' as const);
  const cents = fc.integer({ min: 0, max: 100_000_000 }).map((c) => (c / 100).toFixed(2));

  it('interest is never negative and never decreases with more days', () => {
    fc.assert(
      fc.property(tables, method, cents, day, day, (table, m, principal, a, b) => {
        const dueDate = addDays('2020-01-01', Math.min(a, 500));
        const u1 = addDays(dueDate, Math.min(a, b));
        const u2 = addDays(dueDate, Math.max(a, b));
        const i1 = lateInterest({ principal, dueDate, until: u1, rateTable: table, method: m }).total;
        const i2 = lateInterest({ principal, dueDate, until: u2, rateTable: table, method: m }).total;
        return !i1.isNegative() && i2.greaterThanOrEqualTo(i1);
      }),
    );
  });

  it('segments tile the period exactly and add up to the total', () => {
    fc.assert(
      fc.property(tables, method, cents, day, (table, m, principal, n) => {
        fc.pre(principal !== '0.00');
        const r = lateInterest({ principal, dueDate: '2021-06-15', until: addDays('2021-06-15', n), rateTable: table, method: m });
        const days = r.segments.reduce((s, x) => s + x.days, 0);
        const sum = r.segments.reduce((s, x) => s.plus(x.amount), r.total.minus(r.total));
        const contiguous = r.segments.every((s, i) => i === 0 || addDays(r.segments[i - 1]?.to as string, 1) === s.from);
        return days === n && sum.equals(r.total) && contiguous;
      }),
    );
  });
});

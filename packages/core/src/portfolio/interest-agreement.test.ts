import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay } from '../calendar/date.js';
import { lateInterest } from '../interest/lateInterest.js';
import type { InterestMethod, LateInterestResult } from '../interest/types.js';
import { fromCents, toCents } from '../money/money.js';
import { beCivilRates } from '../rates/beCivilRates.js';
import { beCommercialRates } from '../rates/beCommercialRates.js';
import { nlCommercialRates } from '../rates/nlCommercialRates.js';
import { nlStatutoryRates } from '../rates/nlStatutoryRates.js';
import { contractualRateTable, type RateTable } from '../rates/rateTable.js';
import { createPortfolioEvaluator } from './evaluator.js';
import type { PortfolioItem } from './types.js';

/** Everything a reader of a statement sees, as text, so Decimal internals do not matter. */
function statement(r: LateInterestResult) {
  return {
    start: r.start,
    until: r.until,
    total: r.total.toFixed(2),
    tableId: r.tableId,
    unconfirmed: r.unconfirmed,
    segments: r.segments.map((s) => [s.from, s.to, s.days, s.base.toFixed(2), s.ratePercent, s.amount.toFixed(2), s.reasons.join('+'), s.yearDays, s.rateSource, s.unconfirmed]),
    capitalised: r.capitalised.map((c) => [c.on, c.amount.toFixed(2), c.newBase.toFixed(2)]),
  };
}

const TABLES: readonly [RateTable, InterestMethod][] = [
  [beCommercialRates, 'simple'],
  [beCivilRates, 'simple'],
  [nlCommercialRates, 'compound-annual'],
  [nlStatutoryRates, 'compound-annual'],
  [nlCommercialRates, 'simple'],
  [beCommercialRates, 'compound-annual'],
  [contractualRateTable('12.375'), 'compound-annual'],
];

interface Case {
  table: RateTable;
  method: InterestMethod;
  asOf: string;
  item: PortfolioItem;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    which: fc.integer({ min: 0, max: TABLES.length - 1 }),
    asOfBack: fc.integer({ min: 0, max: 2000 }),
    dueBack: fc.integer({ min: -60, max: 5 * 366 }),
    amountCents: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 900_000_000_000_000 })),
    payments: fc.array(fc.record({ back: fc.integer({ min: -3, max: 5000 }), share: fc.integer({ min: 0, max: 60 }) }), { maxLength: 3 }),
  })
  .map(({ which, asOfBack, dueBack, amountCents, payments }) => {
    const [table, method] = TABLES[which] as [RateTable, InterestMethod];
    const end = table.validUntil ?? '2026-12-31';
    const asOfDay = toEpochDay(end) - asOfBack;
    const firstDay = toEpochDay(table.entries[0]?.from ?? '2000-01-01');
    const dueDay = Math.max(firstDay, asOfDay - dueBack);
    // Shares of at most 60 % each, taken from what is left, so the base never goes negative.
    let left = amountCents;
    const paid = payments
      .map((p) => {
        // Anywhere from 40 days before the due date to the as-of date; a negative draw pays on the due date.
        const lo = Math.min(dueDay - 40, asOfDay);
        return { day: p.back < 0 ? Math.min(dueDay, asOfDay) : lo + (p.back % (asOfDay - lo + 1)), share: p.share };
      })
      .map((p) => {
        const cents = Math.floor((left * p.share) / 100);
        left -= cents;
        return { date: fromEpochDay(p.day), amountCents: cents };
      });
    return { table, method, asOf: fromEpochDay(asOfDay), item: { dueDate: fromEpochDay(dueDay), amountCents, payments: paid } };
  });

function generic(c: Case): LateInterestResult {
  return lateInterest({
    principal: fromCents(c.item.amountCents),
    dueDate: c.item.dueDate,
    until: c.asOf,
    rateTable: c.table,
    method: c.method,
    payments: (c.item.payments ?? []).map((p) => ({ date: p.date, amount: fromCents(p.amountCents) })),
  });
}

describe('the portfolio interest equals lateInterest', () => {
  it('to the cent and segment for segment, over random due dates, principals, payments and as-of dates', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const evaluator = createPortfolioEvaluator({ asOf: c.asOf, rateTable: c.table, method: c.method });
        if (c.asOf < c.item.dueDate) {
          // lateInterest refuses an end before the due date; a portfolio simply has no interest yet.
          expect(evaluator.evaluate(c.item).interestCents).toBe(0);
          expect(evaluator.interest(c.item).segments).toEqual([]);
          return;
        }
        const expected = generic(c);
        expect(statement(evaluator.interest(c.item))).toEqual(statement(expected));
        expect(evaluator.evaluate(c.item).interestCents).toBe(toCents(expected.total));
        // Without payments the shared-schedule loop is used: it must agree too.
        const bare = { dueDate: c.item.dueDate, amountCents: c.item.amountCents };
        expect(evaluator.evaluate(bare).interestCents).toBe(toCents(generic({ ...c, item: bare }).total));
      }),
      { numRuns: 400 },
    );
  });

  it('reproduces the worked examples of reference.md §1.2 (BE, simple) and §1.3 (NL, compound)', () => {
    const be = createPortfolioEvaluator({ asOf: '2025-09-30', rateTable: beCommercialRates, method: 'simple' });
    expect(be.evaluate({ dueDate: '2025-03-15', amountCents: 500_000 }).interestCents).toBe(30_089);
    const nl = createPortfolioEvaluator({ asOf: '2025-09-30', rateTable: nlCommercialRates, method: 'compound-annual' });
    const item = { dueDate: '2023-06-30', amountCents: 1_000_000 };
    expect(nl.evaluate(item).interestCents).toBe(toCents(lateInterest({ principal: '10000', dueDate: '2023-06-30', until: '2025-09-30', rateTable: nlCommercialRates, method: 'compound-annual' }).total));
    expect(nl.interest(item).capitalised.map((c) => c.on)).toEqual(['2024-07-01', '2025-07-01']);
  });

  it('rounds an exact half cent up, as roundCents does (€18.25 at 10 % for one day = 0.5 cent)', () => {
    const table = contractualRateTable('10');
    const evaluator = createPortfolioEvaluator({ asOf: '2025-01-02', rateTable: table, method: 'simple' });
    const c: Case = { table, method: 'simple', asOf: '2025-01-02', item: { dueDate: '2025-01-01', amountCents: 1825 } };
    expect(toCents(generic(c).total)).toBe(1);
    expect(evaluator.evaluate(c.item).interestCents).toBe(1);
    // Just below the half: €18.24 gives 0.4997 cent.
    expect(evaluator.evaluate({ ...c.item, amountCents: 1824 }).interestCents).toBe(0);
  });

  it('uses exact BigInt arithmetic past 2^53 (a €9 trillion principal over four years)', () => {
    const c: Case = { table: beCommercialRates, method: 'simple', asOf: '2025-12-31', item: { dueDate: '2021-12-31', amountCents: 900_000_000_000_000 } };
    const evaluator = createPortfolioEvaluator({ asOf: c.asOf, rateTable: c.table, method: c.method });
    expect(evaluator.evaluate(c.item).interestCents).toBe(toCents(generic(c).total));
  });

  it('a payment on the due date lowers the base once (lateInterest regression)', () => {
    const r = lateInterest({ principal: '1000', dueDate: '2025-03-15', until: '2025-04-15', rateTable: beCommercialRates, method: 'simple', payments: [{ date: '2025-03-15', amount: '300' }] });
    expect(r.segments.map((s) => s.base.toFixed(2))).toEqual(['700.00']);
    const evaluator = createPortfolioEvaluator({ asOf: '2025-04-15', rateTable: beCommercialRates, method: 'simple' });
    const line = evaluator.evaluate({ dueDate: '2025-03-15', amountCents: 100_000, payments: [{ date: '2025-03-15', amountCents: 30_000 }] });
    expect(line.interestCents).toBe(toCents(r.total));
    expect(line.openCents).toBe(70_000);
  });

  it('ignores payments after the as-of date, as openBalance does, and starts no segment for a zero payment', () => {
    const evaluator = createPortfolioEvaluator({ asOf: '2025-06-30', rateTable: beCommercialRates, method: 'simple' });
    const item = { dueDate: '2025-01-31', amountCents: 100_000, payments: [{ date: addDays('2025-06-30', 1), amountCents: 100_000 }, { date: '2025-03-01', amountCents: 0 }] };
    const r = evaluator.interest(item);
    expect(r.segments.map((s) => s.reason)).toEqual(['start']);
    expect(evaluator.evaluate(item).openCents).toBe(100_000);
  });
});

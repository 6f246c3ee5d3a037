import { describe, expect, it } from 'vitest';
import { ageingBuckets } from '../ageing/buckets.js';
import { BE_B2B_POLICY } from '../dunning/default-policies.js';
import { FactError } from '../errors/FactError.js';
import { beCommercialRates } from '../rates/beCommercialRates.js';
import { defineRateTable, type RateTable } from '../rates/rateTable.js';
import { evaluatePortfolio } from './evaluatePortfolio.js';
import { createPortfolioEvaluator } from './evaluator.js';
import type { PortfolioItem, PortfolioOptions } from './types.js';

const options: PortfolioOptions = { asOf: '2025-09-30', rateTable: beCommercialRates, method: 'simple', policy: BE_B2B_POLICY };

function thrown(fn: () => unknown): [string, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (e instanceof FactError) return [e.code, e.field];
    throw e;
  }
  throw new Error('did not throw');
}

describe('evaluatePortfolio', () => {
  const items: PortfolioItem[] = [
    { dueDate: '2025-03-15', amountCents: 500_000 }, // reference.md §1.2: €300.89 of interest
    { dueDate: '2025-10-15', amountCents: 12_100 },
    { dueDate: '2025-09-10', amountCents: 20_000, payments: [{ date: '2025-09-20', amountCents: 5_000 }] },
    { dueDate: '2025-08-01', amountCents: 7_500, payments: [{ date: '2025-08-20', amountCents: 7_500 }] },
    { issueDate: '2025-10-01', dueDate: '2025-10-31', amountCents: 99_900 },
  ];

  it('totals open principal per bucket (adding up to the open total) and interest, and counts levels due today', () => {
    const r = evaluatePortfolio(items, options);
    expect(r.lines.map((l) => l.status)).toEqual(['overdue', 'not-due', 'overdue', 'paid', 'not-issued']);
    expect(r.buckets.map((b) => [b.label, b.openCents, b.count])).toEqual([
      ['not due', 12_100, 1],
      ['1–30', 15_000, 1],
      ['31–60', 0, 0],
      ['61–90', 0, 0],
      ['> 90', 500_000, 1],
    ]);
    expect(r.openCents).toBe(527_100);
    expect(r.lines[0]?.interestCents).toBe(30_089);
    expect(r.interestCents).toBe(r.lines.reduce((s, l) => s + l.interestCents, 0));
    // Item 1 and 3 have their reminder (level 2) due; item 2 waits for its due date.
    expect(r.dueByLevel).toEqual([0, 0, 2]);
    expect(r.lines[1]?.next).toEqual({ kind: 'wait', reason: 'not-yet-due', until: '2025-10-12', level: 1 });
  });

  it('names the item in an error', () => {
    const bad = [...items, { dueDate: '2025-02-30', amountCents: 1 }];
    expect(thrown(() => evaluatePortfolio(bad, options))).toEqual(['INVALID_DATE', 'items[5].dueDate']);
  });
});

describe('bad input', () => {
  const evaluator = createPortfolioEvaluator(options);
  it.each<[string, PortfolioItem, string, string]>([
    ['a fraction of a cent', { dueDate: '2025-03-15', amountCents: 12.5 }, 'INVALID_AMOUNT', 'amountCents'],
    ['a negative amount', { dueDate: '2025-03-15', amountCents: -1 }, 'INVALID_AMOUNT', 'amountCents'],
    ['an impossible due date', { dueDate: '2025-02-29', amountCents: 1 }, 'INVALID_DATE', 'dueDate'],
    ['an impossible issue date', { issueDate: '2025-13-01', dueDate: '2025-03-15', amountCents: 1 }, 'INVALID_DATE', 'issueDate'],
    ['a due date before the issue date', { issueDate: '2025-03-16', dueDate: '2025-03-15', amountCents: 1 }, 'INVALID_RANGE', 'dueDate'],
    ['a payment in euros', { dueDate: '2025-03-15', amountCents: 100, payments: [{ date: '2025-04-01', amountCents: 0.5 }] }, 'INVALID_AMOUNT', 'payments[0].amountCents'],
    ['a payment without a date', { dueDate: '2025-03-15', amountCents: 100, payments: [{ date: '', amountCents: 1 }] }, 'INVALID_DATE', 'payments[0].date'],
    ['more paid than claimed', { dueDate: '2025-03-15', amountCents: 100, payments: [{ date: '2025-04-01', amountCents: 101 }] }, 'INVALID_AMOUNT', 'payments'],
    ['a due date before the rate table', { dueDate: '2001-01-01', amountCents: 100 }, 'RATE_TABLE_GAP', 'dueDate'],
    ['a reminder level 0', { dueDate: '2025-03-15', amountCents: 100, reminders: [{ level: 0, sentOn: '2025-03-20', channel: 'email' }] }, 'INVALID_ARGUMENT', 'reminders[0].level'],
    ['a reminder by pigeon', { dueDate: '2025-03-15', amountCents: 100, reminders: [{ level: 2, sentOn: '2025-03-20', channel: 'pigeon' as 'email' }] }, 'INVALID_ARGUMENT', 'reminders[0].channel'],
    ['delivered before sent', { dueDate: '2025-03-15', amountCents: 100, reminders: [{ level: 2, sentOn: '2025-03-20', channel: 'letter', deliveredOn: '2025-03-19' }] }, 'INVALID_RANGE', 'reminders[0].deliveredOn'],
  ])('%s', (_, item, code, field) => {
    expect(thrown(() => evaluator.evaluate(item))).toEqual([code, field]);
  });

  it('a payment larger than the interest base at the time names the payment', () => {
    // A claim of 100 paid 100 and then 1: the line refuses the open amount, the statement the payment.
    const item = { dueDate: '2025-03-15', amountCents: 100, payments: [{ date: '2025-04-01', amountCents: 100 }, { date: '2025-05-01', amountCents: 1 }] };
    expect(thrown(() => evaluator.evaluate(item))).toEqual(['INVALID_AMOUNT', 'payments']);
    expect(thrown(() => evaluator.interest(item))).toEqual(['INVALID_AMOUNT', 'payments[1].amountCents']);
  });

  it('refuses broken options up front', () => {
    expect(thrown(() => createPortfolioEvaluator({ ...options, asOf: '30/09/2025' }))).toEqual(['INVALID_DATE', 'asOf']);
    expect(thrown(() => createPortfolioEvaluator({ ...options, method: 'daily' as 'simple' }))).toEqual(['INVALID_ARGUMENT', 'method']);
    expect(thrown(() => createPortfolioEvaluator({ ...options, buckets: [{ label: 'x', fromDays: 0, toDays: null }] }))).toEqual(['INVALID_AGEING_BUCKETS', 'buckets[0].fromDays']);
    expect(thrown(() => createPortfolioEvaluator({ ...options, policy: { ...BE_B2B_POLICY, levels: [] } }))[0]).toBe('INVALID_POLICY');
    const odd: RateTable = { ...beCommercialRates, entries: [{ from: '2025-01-01', rate: '1e1', source: 'x' }] };
    expect(thrown(() => createPortfolioEvaluator({ ...options, rateTable: odd }))).toEqual(['INVALID_PERCENTAGE', 'rateTable.entries[0].rate']);
  });

  it('an as-of date past the table only fails the items that bear interest', () => {
    const short = defineRateTable({ id: 's', name: 'Short', jurisdiction: 'BE', kind: 'commercial', publication: 'yearly', entries: [{ from: '2025-01-01', rate: '8', source: 'test' }], validUntil: '2025-06-30' });
    const e = createPortfolioEvaluator({ ...options, rateTable: short, buckets: ageingBuckets([30]) });
    expect(e.evaluate({ dueDate: '2025-12-31', amountCents: 100 }).interestCents).toBe(0);
    expect(thrown(() => e.evaluate({ dueDate: '2025-03-15', amountCents: 100 }))).toEqual(['RATE_TABLE_GAP', 'asOf']);
  });
});

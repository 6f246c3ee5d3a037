import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageing } from '../ageing/ageing.js';
import { ageingBuckets, DEFAULT_AGEING_BUCKETS } from '../ageing/buckets.js';
import { paymentStatus } from '../ageing/paymentStatus.js';
import { addDays } from '../calendar/date.js';
import { DEFAULT_DUNNING_POLICIES } from '../dunning/default-policies.js';
import { planDunning } from '../dunning/plan-dunning.js';
import type { DunningChannel } from '../dunning/policy-types.js';
import { fromCents } from '../money/money.js';
import { openBalance } from '../payments/openBalance.js';
import type { Allocation, OpenItem } from '../payments/types.js';
import { beCommercialRates } from '../rates/beCommercialRates.js';
import { createPortfolioEvaluator } from './evaluator.js';
import type { PortfolioItem, PortfolioNextStep, PortfolioReminder } from './types.js';

const BASE = '2025-01-01';
const day = (n: number) => addDays(BASE, n);
const BUCKETS = [DEFAULT_AGEING_BUCKETS, ageingBuckets([15, 45]), ageingBuckets([])];

describe('status and ageing bucket equal paymentStatus and ageing', () => {
  const arb = fc.record({
    issue: fc.integer({ min: 0, max: 200 }),
    term: fc.integer({ min: 0, max: 60 }),
    asOf: fc.integer({ min: 0, max: 400 }),
    amountCents: fc.integer({ min: 1, max: 5_000_000 }),
    payments: fc.array(fc.record({ at: fc.integer({ min: 0, max: 420 }), share: fc.integer({ min: 0, max: 100 }) }), { maxLength: 3 }),
    buckets: fc.integer({ min: 0, max: BUCKETS.length - 1 }),
  });

  it('for random issue and due dates, amounts, payments before and after the as-of date', () => {
    fc.assert(
      fc.property(arb, (a) => {
        let left = a.amountCents;
        const payments = a.payments.map((p, i) => {
          const cents = Math.floor((left * p.share) / 100);
          left -= cents;
          return { date: day(a.issue + (p.at % 200)), amountCents: cents, id: `P${i}` };
        });
        const asOf = day(a.asOf);
        const item: PortfolioItem = { issueDate: day(a.issue), dueDate: day(a.issue + a.term), amountCents: a.amountCents, payments };
        const buckets = BUCKETS[a.buckets] ?? DEFAULT_AGEING_BUCKETS;
        const line = createPortfolioEvaluator({ asOf, rateTable: beCommercialRates, method: 'simple', buckets }).evaluate(item);

        const open: OpenItem = { id: 'F1', kind: 'invoice', issueDate: item.issueDate as string, dueDate: item.dueDate, amount: fromCents(a.amountCents) };
        const allocations: Allocation[] = payments.map((p) => ({ paymentId: p.id, source: 'payment', itemId: 'F1', component: 'principal', amount: fromCents(p.amountCents), date: p.date }));
        const balance = openBalance(open, allocations, asOf);
        const status = paymentStatus(open, balance, asOf);
        expect(line.status).toBe(status.status);
        if (status.status === 'not-due') expect([line.dueInDays, line.partlyPaid]).toEqual([status.dueInDays, status.partlyPaid]);
        if (status.status === 'overdue') expect([line.daysOverdue, line.partlyPaid]).toEqual([status.daysOverdue, status.partlyPaid]);
        if (status.status === 'due-today') expect([line.dueInDays, line.daysOverdue, line.partlyPaid]).toEqual([0, 0, status.partlyPaid]);
        if (status.status !== 'not-issued') {
          expect(line.openCents).toBe(Math.round(balance.total.toNumber() * 100));
          const report = ageing([{ item: open, open: balance }], asOf, { buckets });
          expect(line.bucket).toBe(report.buckets.findIndex((b) => b.itemIds.includes('F1')));
        } else {
          expect(line.bucket).toBe(-1);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the next dunning step equals planDunning for a single item', () => {
  const CHANNELS: readonly DunningChannel[] = ['email', 'letter', 'registered-letter', 'phone-task'];
  const sendArb = fc.record(
    {
      level: fc.integer({ min: 1, max: 6 }),
      sentOn: fc.integer({ min: -10, max: 160 }),
      channel: fc.constantFrom(...CHANNELS),
      manual: fc.boolean(),
      deliveredAfter: fc.integer({ min: 0, max: 5 }),
    },
    { requiredKeys: ['level', 'sentOn', 'channel'] },
  );
  const arb = fc.record({
    policy: fc.constantFrom(...Object.values(DEFAULT_DUNNING_POLICIES)),
    due: fc.integer({ min: 0, max: 60 }),
    asOf: fc.integer({ min: -10, max: 180 }),
    sends: fc.array(sendArb, { maxLength: 5 }),
  });

  it('for every default policy, over random due dates, as-of dates and reminder histories', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const asOf = day(a.asOf);
        const dueDate = day(a.due);
        const reminders: PortfolioReminder[] = a.sends.map((s) => ({
          level: s.level,
          sentOn: day(s.sentOn),
          channel: s.channel,
          ...(s.manual !== undefined && { manual: s.manual }),
          ...(s.deliveredAfter !== undefined && { deliveredOn: day(s.sentOn + s.deliveredAfter) }),
        }));
        const evaluator = createPortfolioEvaluator({ asOf, rateTable: beCommercialRates, method: 'simple', policy: a.policy });
        const line = evaluator.evaluate({ dueDate, amountCents: 12_100, reminders });
        const plan = planDunning({
          asOf,
          policy: a.policy,
          items: [{ id: 'F1', companyId: 'acme', debtorId: 'D1', dueDate, openAmount: '121.00', currency: 'EUR' }],
          history: reminders.map((r) => ({ ...r, companyId: 'acme', itemIds: ['F1'] })),
        });
        const action = plan.actions[0];
        const skipped = plan.skipped[0];
        let expected: PortfolioNextStep | undefined;
        if (action !== undefined) {
          expected = { kind: 'due', level: action.level, levelKey: action.levelKey, dueOn: action.dueOn, lapsed: action.facts.items[0]?.lapsedLevels ?? [] };
        } else if (skipped !== undefined && (skipped.reason === 'not-yet-due' || skipped.reason === 'waiting-period' || skipped.reason === 'final-level-reached')) {
          expected = { kind: 'wait', reason: skipped.reason, ...(skipped.until && { until: skipped.until }), ...(skipped.level && { level: skipped.level }) };
        }
        expect(line.next).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('a paid item has no next step, and without a policy there is none to ask for', () => {
    const withPolicy = createPortfolioEvaluator({ asOf: '2025-06-30', rateTable: beCommercialRates, method: 'simple', policy: DEFAULT_DUNNING_POLICIES['BE-B2B'] });
    expect(withPolicy.evaluate({ dueDate: '2025-03-31', amountCents: 100, payments: [{ date: '2025-04-02', amountCents: 100 }] }).next).toEqual({ kind: 'paid' });
    const without = createPortfolioEvaluator({ asOf: '2025-06-30', rateTable: beCommercialRates, method: 'simple' });
    expect(without.evaluate({ dueDate: '2025-03-31', amountCents: 100 }).next).toBeUndefined();
  });
});

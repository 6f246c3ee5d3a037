import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { money } from '../money/money.js';
import { DEFAULT_DUNNING_POLICIES } from './default-policies.js';
import { planDunning } from './plan-dunning.js';
import type { DunningItem, DunningPlan, DunningPlanInput, SentReminder } from './plan-types.js';
import { isPreDueLevel } from './policy-law.js';
import type { DunningPolicy } from './policy-types.js';

const BASE = '2025-01-01';
const day = (n: number) => addDays(BASE, n);
const CHANNELS = ['email', 'letter', 'registered-letter', 'phone-task'] as const;

const policyArb: fc.Arbitrary<DunningPolicy> = fc
  .tuple(fc.constantFrom(...Object.values(DEFAULT_DUNNING_POLICIES)), fc.constantFrom('per-debtor' as const, 'per-invoice' as const))
  .map(([p, grouping]) => ({ ...p, grouping }));

const itemArb: fc.Arbitrary<DunningItem> = fc.record(
  {
    id: fc.constantFrom('F1', 'F2', 'F3', 'F4', 'F5', 'F6'),
    companyId: fc.constantFrom('acme', 'beta'),
    debtorId: fc.constantFrom('D1', 'D2'),
    dueDate: fc.integer({ min: 0, max: 90 }).map(day),
    openAmount: fc.integer({ min: -5_000, max: 500_000 }).map((c) => money(c).dividedBy(100).toFixed(2)),
    currency: fc.constantFrom('EUR', 'EUR', 'USD'),
    disputed: fc.boolean(),
    onHoldUntil: fc.integer({ min: 0, max: 150 }).map(day),
    paymentPlan: fc.record({ active: fc.boolean() }),
    assignedToFactor: fc.boolean(),
    promisedPaymentDate: fc.integer({ min: 0, max: 150 }).map(day),
  },
  { requiredKeys: ['id', 'companyId', 'debtorId', 'dueDate', 'openAmount', 'currency'] },
);

const inputArb: fc.Arbitrary<DunningPlanInput> = fc
  .uniqueArray(itemArb, { maxLength: 8, selector: (i) => `${i.companyId}/${i.id}` })
  .chain((items) => {
    const ids = items.map((i) => [i.companyId, i.id] as const);
    const sendArb: fc.Arbitrary<SentReminder> =
      ids.length === 0
        ? fc.constant({ companyId: 'acme', itemIds: ['nothing'], level: 1, sentOn: BASE, channel: 'email' as const })
        : fc
            .tuple(fc.constantFrom('acme', 'beta'), fc.subarray(ids, { minLength: 1 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 160 }), fc.constantFrom(...CHANNELS), fc.boolean())
            .map(([companyId, picked, level, sentOn, channel, manual]) => ({
              companyId,
              itemIds: picked.map(([, id]) => id),
              level,
              sentOn: day(sentOn),
              channel,
              ...(manual && { manual: true }),
            }));
    return fc.record({
      asOf: fc.integer({ min: 0, max: 170 }).map(day),
      policy: policyArb,
      items: fc.constant(items),
      history: fc.array(sendArb, { maxLength: 6 }),
      unappliedCredits: fc.array(
        fc.record({
          companyId: fc.constantFrom('acme', 'beta'),
          debtorId: fc.constantFrom('D1', 'D2'),
          currency: fc.constant('EUR'),
          amount: fc.integer({ min: 0, max: 200_000 }).map((c) => money(c).dividedBy(100).toFixed(2)),
        }),
        { maxLength: 2 },
      ),
    });
  });

/** The same input with every array in another order. */
const shuffledArb = inputArb.chain((input) =>
  fc
    .tuple(
      fc.shuffledSubarray(input.items, { minLength: input.items.length }),
      fc.shuffledSubarray(input.history, { minLength: input.history.length }),
      fc.shuffledSubarray(input.unappliedCredits ?? [], { minLength: (input.unappliedCredits ?? []).length }),
    )
    .map(([items, history, unappliedCredits]) => [input, { ...input, items, history, unappliedCredits }] as const),
);

const key = (companyId: string, id: string) => `${companyId}/${id}`;

function highestSent(input: DunningPlanInput, companyId: string, itemId: string): number {
  return input.history
    .filter((h) => h.companyId === companyId && h.itemIds.includes(itemId) && h.sentOn <= input.asOf)
    .reduce((max, h) => Math.max(max, h.level), 0);
}

describe('planDunning properties', () => {
  it('gives the same plan when run twice and whatever the order of the input arrays', () => {
    fc.assert(
      fc.property(shuffledArb, ([input, shuffled]) => {
        const first = planDunning(input);
        expect(planDunning(input)).toEqual(first);
        expect(planDunning(shuffled)).toEqual(first);
      }),
    );
  });

  it('never plans for paid, disputed, held, planned, promised or assigned items, nor for nothing', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planDunning(input);
        const byKey = new Map(input.items.map((i) => [key(i.companyId, i.id), i]));
        for (const action of plan.actions) {
          expect(money(action.amount).greaterThan(0)).toBe(true);
          for (const id of action.itemIds) {
            const item = byKey.get(key(action.companyId, id));
            expect(item).toBeDefined();
            if (!item) continue;
            expect(item.debtorId).toBe(action.debtorId);
            expect(item.currency).toBe(action.currency);
            expect(money(item.openAmount).greaterThan(0)).toBe(true);
            expect(item.disputed === true).toBe(false);
            expect(item.assignedToFactor === true).toBe(false);
            expect(item.paymentPlan?.active === true).toBe(false);
            expect(item.onHoldUntil !== undefined && item.onHoldUntil >= input.asOf).toBe(false);
            expect(item.promisedPaymentDate !== undefined && item.promisedPaymentDate >= input.asOf).toBe(false);
          }
        }
      }),
    );
  });

  it('never repeats a level and never skips one (a pre-due level only lapses)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const action of planDunning(input).actions) {
          for (const id of action.itemIds) {
            const highest = highestSent(input, action.companyId, id);
            const facts = action.facts.items.find((f) => f.itemId === id);
            const lapsed = facts?.lapsedLevels ?? [];
            expect(action.level).toBe(highest + 1 + lapsed.length);
            for (const l of lapsed) {
              expect(l).toBe(highest + 1);
              expect(isPreDueLevel(input.policy.levels[l - 1] as DunningPolicy['levels'][number])).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('accounts for every item exactly once: in one action or skipped with a reason', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planDunning(input);
        const seen = [...plan.actions.flatMap((a) => a.itemIds.map((id) => key(a.companyId, id))), ...plan.skipped.map((s) => key(s.companyId, s.itemId))];
        expect([...seen].sort()).toEqual(input.items.map((i) => key(i.companyId, i.id)).sort());
        for (const a of plan.actions) {
          const total = a.facts.items.reduce((sum, f) => sum.plus(f.amountToRemind), money(0));
          expect(total.toFixed(2)).toBe(a.amount);
        }
      }),
    );
  });

  it('run daily for five months, each item gets levels 1, 2, 3… once each, in order, never two on one day', () => {
    const scenarioArb = fc.tuple(
      policyArb,
      fc.uniqueArray(
        fc.record({ id: fc.constantFrom('F1', 'F2', 'F3', 'F4'), debtorId: fc.constantFrom('D1', 'D2'), dueDate: fc.integer({ min: 0, max: 40 }).map(day) }),
        { minLength: 1, maxLength: 4, selector: (i) => i.id },
      ),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.constantFrom('F1', 'F2', 'F3', 'F4'), fc.integer({ min: 1, max: 5 })), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(scenarioArb, ([policy, seeds, manualSends]) => {
        const items: DunningItem[] = seeds.map((s) => ({ ...s, companyId: 'acme', openAmount: '100.00', currency: 'EUR' }));
        const history: SentReminder[] = [];
        let lastPlan: DunningPlan | undefined;
        for (let d = 0; d <= 150; d += 1) {
          const asOf = day(d);
          for (const [on, id, level] of manualSends) {
            if (on === d && items.some((i) => i.id === id)) history.push({ companyId: 'acme', itemIds: [id], level, sentOn: asOf, channel: 'letter', manual: true });
          }
          const plan = planDunning({ asOf, policy, items, history });
          for (const a of plan.actions) history.push({ companyId: a.companyId, itemIds: a.itemIds, level: a.level, sentOn: asOf, channel: a.channel });
          // Running again the same day, with today's sends recorded, plans nothing new for them.
          const again = planDunning({ asOf, policy, items, history });
          const sentToday = new Set(plan.actions.flatMap((a) => a.itemIds));
          expect(again.actions.filter((a) => a.itemIds.some((id) => sentToday.has(id)))).toEqual([]);
          lastPlan = plan;
        }
        expect(lastPlan).toBeDefined();
        for (const item of items) {
          const planned = history.filter((h) => h.manual !== true && h.itemIds.includes(item.id));
          const manual = history.filter((h) => h.manual === true && h.itemIds.includes(item.id));
          const dates = planned.map((h) => h.sentOn);
          expect(new Set(dates).size).toBe(dates.length);
          let previous = 0;
          for (const h of planned) {
            const manualBefore = manual.filter((m) => m.sentOn <= h.sentOn).reduce((max, m) => Math.max(max, m.level), 0);
            const floor = Math.max(previous, manualBefore);
            const gap = h.level - floor;
            expect(gap === 1 || (gap === 2 && floor === 0 && isPreDueLevel(policy.levels[0] as DunningPolicy['levels'][number]))).toBe(true);
            previous = h.level;
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

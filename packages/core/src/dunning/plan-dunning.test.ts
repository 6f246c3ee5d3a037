import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { BE_B2B_POLICY, BE_B2C_POLICY, NL_B2B_POLICY, NL_B2C_POLICY } from './default-policies.js';
import { planDunning } from './plan-dunning.js';
import type { DunningItem, DunningPlanInput, SentReminder } from './plan-types.js';
import type { DunningPolicy } from './policy-types.js';

const invoice = (over: Partial<DunningItem> = {}): DunningItem => ({
  id: 'F-1',
  companyId: 'acme',
  debtorId: 'D1',
  dueDate: '2025-03-31',
  openAmount: '1210.00',
  currency: 'EUR',
  ...over,
});
const sent = (level: number, sentOn: string, over: Partial<SentReminder> = {}): SentReminder => ({
  companyId: 'acme',
  itemIds: ['F-1'],
  level,
  sentOn,
  channel: 'email',
  ...over,
});
const plan = (asOf: string, items: DunningItem[], history: SentReminder[] = [], policy: DunningPolicy = BE_B2B_POLICY, extra: Partial<DunningPlanInput> = {}) =>
  planDunning({ asOf, policy, items, history, ...extra });

describe('planDunning: timing of levels (BE-B2B)', () => {
  it('sends the friendly pre-due reminder from 3 days before the due date, not earlier', () => {
    expect(plan('2025-03-27', [invoice()]).skipped).toEqual([
      { companyId: 'acme', debtorId: 'D1', itemId: 'F-1', reason: 'not-yet-due', until: '2025-03-28', level: 1 },
    ]);
    const on = plan('2025-03-28', [invoice()]);
    expect(on.actions).toHaveLength(1);
    expect(on.actions[0]).toMatchObject({ level: 1, levelKey: 'friendly-pre-due', dueOn: '2025-03-28', claims: [] });
  });

  it('lets the pre-due reminder lapse once the invoice is overdue, and says so', () => {
    const p = plan('2025-04-10', [invoice()]);
    expect(p.actions[0]).toMatchObject({ level: 2, dueOn: '2025-04-07', channel: 'email' });
    expect(p.actions[0]?.facts.items[0]).toMatchObject({ lapsedLevels: [1], daysOverdue: 10, amountToRemind: '1210.00' });
  });

  it('never sends an overdue reminder on the due date itself (overdue means due date < today, erpnext PR #45685)', () => {
    const nextDay: DunningPolicy = { ...BE_B2B_POLICY, levels: BE_B2B_POLICY.levels.slice(1).map((l, i) => ({ ...l, level: i + 1, offset: i === 0 ? { from: 'due-date' as const, days: 1 } : l.offset })) };
    expect(plan('2025-03-31', [invoice()], [], nextDay).skipped[0]).toMatchObject({ reason: 'not-yet-due', until: '2025-04-01', level: 1 });
    expect(plan('2025-04-01', [invoice()], [], nextDay).actions[0]?.level).toBe(1);
    const afterPreDue = plan('2025-03-31', [invoice()], [sent(1, '2025-03-28')]);
    expect(afterPreDue.actions).toEqual([]);
    expect(afterPreDue.skipped[0]).toMatchObject({ reason: 'not-yet-due', until: '2025-04-07', level: 2 });
  });

  it('counts a later level from the day the previous one was actually sent, manual sends included', () => {
    const history = [sent(2, '2025-04-09', { manual: true, channel: 'phone-task' })];
    expect(plan('2025-04-22', [invoice()], history).skipped[0]).toMatchObject({ reason: 'not-yet-due', until: '2025-04-23', level: 3 });
    const due = plan('2025-04-23', [invoice()], history).actions[0];
    expect(due).toMatchObject({ level: 3, dueOn: '2025-04-23', channel: 'letter' });
    expect(due?.facts.items[0]?.previous).toEqual({ level: 2, sentOn: '2025-04-09', channel: 'phone-task', manual: true });
  });

  it('claims B2B interest from the day after the due date and €40 per invoice from level 3', () => {
    const action = plan('2025-04-30', [invoice()], [sent(2, '2025-04-09')]).actions[0];
    expect(action?.claims).toEqual([
      expect.objectContaining({ kind: 'interest', mode: 'claim', status: 'included', basis: 'BE-commercial', accrualStart: 'day-after-due-date', itemIds: ['F-1'] }),
      expect.objectContaining({ kind: 'fixed-compensation', status: 'included', amount: '40.00', per: 'invoice' }),
    ]);
  });

  it('does not repeat a level sent today, and sends nothing twice on one day', () => {
    const history = [sent(1, '2025-03-28'), sent(2, '2025-04-10')];
    const p = plan('2025-04-10', [invoice()], history);
    expect(p.actions).toEqual([]);
    expect(p.skipped[0]).toMatchObject({ reason: 'not-yet-due', level: 3, until: '2025-04-24' });
  });

  it('keeps the next level of a manually sent higher level, never going back to fill a gap', () => {
    const p = plan('2025-06-01', [invoice()], [sent(3, '2025-04-20', { manual: true })]);
    expect(p.actions[0]?.level).toBe(4);
  });

  it('stops after the last level', () => {
    const history = [1, 2, 3, 4, 5].map((l) => sent(l, `2025-04-0${l}`));
    expect(plan('2025-06-01', [invoice()], history).skipped[0]?.reason).toBe('final-level-reached');
  });

  it('ignores sends dated after the as-of date (a plan as of a past day is reproducible)', () => {
    expect(plan('2025-04-10', [invoice()], [sent(2, '2025-04-20')]).actions[0]?.level).toBe(2);
  });
});

describe('planDunning: never for paid, disputed, held, planned, sold or promised items', () => {
  const cases: [string, Partial<DunningItem>, string, string | undefined][] = [
    ['paid', { openAmount: '0.00' }, 'paid', undefined],
    ['overpaid', { openAmount: '-5.00' }, 'paid', undefined],
    ['sold to a factor', { assignedToFactor: true }, 'assigned-to-factor', undefined],
    ['disputed', { disputed: true }, 'disputed', undefined],
    ['on hold through today', { onHoldUntil: '2025-04-10' }, 'on-hold', '2025-04-11'],
    ['under a payment plan', { paymentPlan: { active: true, id: 'PP-1' } }, 'payment-plan', undefined],
    ['promised to pay on Friday', { promisedPaymentDate: '2025-04-11' }, 'promise-to-pay', '2025-04-12'],
  ];
  it.each(cases)('%s', (_label, over, reason, until) => {
    const p = plan('2025-04-10', [invoice(over)]);
    expect(p.actions).toEqual([]);
    expect(p.skipped).toEqual([{ companyId: 'acme', debtorId: 'D1', itemId: 'F-1', reason, ...(until && { until }) }]);
  });

  it('resumes when the hold has ended, the plan is broken or the promise was not kept', () => {
    expect(plan('2025-04-10', [invoice({ onHoldUntil: '2025-04-09' })]).actions).toHaveLength(1);
    expect(plan('2025-04-10', [invoice({ paymentPlan: { active: false } })]).actions).toHaveLength(1);
    expect(plan('2025-04-10', [invoice({ promisedPaymentDate: '2025-04-09' })]).actions).toHaveLength(1);
  });
});

describe('planDunning: unapplied credit and minimum amounts', () => {
  const items = [invoice({ id: 'A', openAmount: '80.00', dueDate: '2025-03-01' }), invoice({ id: 'B', openAmount: '90.00' })];
  const credit = { companyId: 'acme', debtorId: 'D1', currency: 'EUR', amount: '100.00' };

  it('sets the credit against the oldest invoice first and reminds only what is left (OCA credit-control#211)', () => {
    const p = plan('2025-04-10', items, [], BE_B2B_POLICY, { unappliedCredits: [credit] });
    expect(p.skipped).toEqual([{ companyId: 'acme', debtorId: 'D1', itemId: 'A', reason: 'credit-covers' }]);
    expect(p.actions[0]).toMatchObject({ itemIds: ['B'], amount: '70.00' });
    expect(p.actions[0]?.facts).toMatchObject({ unappliedCredit: '100.00', items: [{ creditApplied: '20.00', amountToRemind: '70.00', openAmount: '90.00' }] });
  });

  it('sends nothing when the credit covers the whole balance (killbill#695)', () => {
    const p = plan('2025-04-10', items, [], BE_B2B_POLICY, { unappliedCredits: [{ ...credit, amount: '170.00' }] });
    expect(p.actions).toEqual([]);
    expect(p.skipped.map((s) => s.reason)).toEqual(['credit-covers', 'credit-covers']);
  });

  it('never uses a credit of another company, debtor or currency', () => {
    const others = [
      { ...credit, companyId: 'other-company' },
      { ...credit, debtorId: 'D2' },
      { ...credit, currency: 'USD' },
    ];
    const p = plan('2025-04-10', items, [], BE_B2B_POLICY, { unappliedCredits: others });
    expect(p.actions[0]).toMatchObject({ itemIds: ['A', 'B'], amount: '170.00' });
  });

  it('skips a debtor whose total is below the policy minimum, or an invoice when grouping per invoice', () => {
    const perDebtor = { ...BE_B2B_POLICY, minimumOpenAmount: '200.00' };
    expect(plan('2025-04-10', items, [], perDebtor).skipped.map((s) => s.reason)).toEqual(['below-minimum', 'below-minimum']);
    const perInvoice: DunningPolicy = { ...BE_B2B_POLICY, grouping: 'per-invoice', minimumOpenAmount: '85.00' };
    const p = plan('2025-04-10', items, [], perInvoice);
    expect(p.skipped).toEqual([{ companyId: 'acme', debtorId: 'D1', itemId: 'A', reason: 'below-minimum' }]);
    expect(p.actions.map((a) => a.itemIds)).toEqual([['B']]);
  });
});

describe('planDunning: grouping and companies', () => {
  it('per debtor: one action per level; items at another level get their own action, never escalated', () => {
    const items = [invoice({ id: 'A' }), invoice({ id: 'B' }), invoice({ id: 'C' })];
    const p = plan('2025-05-01', items, [sent(2, '2025-04-09', { itemIds: ['C'] })]);
    expect(p.actions.map((a) => [a.level, a.itemIds])).toEqual([
      [2, ['A', 'B']],
      [3, ['C']],
    ]);
  });

  it('per invoice: one action per item', () => {
    const items = [invoice({ id: 'B' }), invoice({ id: 'A' })];
    const p = plan('2025-05-01', items, [], { ...BE_B2B_POLICY, grouping: 'per-invoice' });
    expect(p.actions.map((a) => a.itemIds)).toEqual([['A'], ['B']]);
  });

  it('keeps companies apart even with the same debtor and invoice ids (odoo#82364)', () => {
    const items = [invoice(), invoice({ companyId: 'beta' })];
    const p = plan('2025-05-01', items, [sent(2, '2025-04-09')]);
    expect(p.actions.map((a) => [a.companyId, a.level])).toEqual([
      ['acme', 3],
      ['beta', 2],
    ]);
  });

  it('never mixes currencies in one letter', () => {
    const p = plan('2025-05-01', [invoice({ id: 'A' }), invoice({ id: 'B', currency: 'USD' })]);
    expect(p.actions.map((a) => [a.currency, a.itemIds])).toEqual([
      ['EUR', ['A']],
      ['USD', ['B']],
    ]);
  });
});

describe('planDunning: Book XIX (BE-B2C, reference.md §3)', () => {
  const item = invoice({ dueDate: '2024-11-20' });

  it('the free first reminder claims nothing and states the last day to pay without costs', () => {
    const action = plan('2024-12-02', [item], [], BE_B2C_POLICY).actions[0];
    expect(action).toMatchObject({ level: 2, levelKey: 'free-first-reminder', channel: 'email' });
    expect(action?.claims.every((c) => c.mode === 'announce')).toBe(true);
    expect(action?.facts.items[0]?.gates).toEqual([
      expect.objectContaining({ gate: 'book-xix-free-first-reminder', status: 'this-send', payWithoutCostsUntil: '2024-12-16', claimableFrom: '2024-12-17' }),
    ]);
  });

  it('after a posted free reminder, waits for the waiting period before claiming anything', () => {
    const history = [sent(2, '2024-12-02', { channel: 'letter' })];
    // The offset (15 days) would allow 17 Dec, but the letter's period runs 5–18 Dec.
    expect(plan('2024-12-18', [item], history, BE_B2C_POLICY).skipped[0]).toMatchObject({ reason: 'waiting-period', until: '2024-12-19', level: 3 });
    const action = plan('2024-12-19', [item], history, BE_B2C_POLICY).actions[0];
    expect(action).toMatchObject({ level: 3, dueOn: '2024-12-19' });
    expect(action?.claims.map((c) => [c.kind, c.status, c.amount])).toEqual([
      ['interest', 'included', undefined],
      ['damages', 'included', undefined],
      ['reminder-fee', 'included', '7.50'],
    ]);
    expect(action?.claims[0]).toMatchObject({ basis: 'BE-legal', gate: 'book-xix-waiting-period' });
    expect(action?.facts.items[0]?.gates[0]).toMatchObject({ status: 'open', basedOn: { level: 2, sentOn: '2024-12-02', channel: 'letter' } });
  });

  it('after an e-mailed free reminder, the offset decides (period ends earlier)', () => {
    const history = [sent(2, '2024-12-02')];
    expect(plan('2024-12-17', [item], history, BE_B2C_POLICY).actions[0]?.dueOn).toBe('2024-12-17');
  });

  it('recurring supply: no reminder fee within the first three reminders of the calendar year', () => {
    const history = [sent(2, '2024-12-02', { channel: 'letter' })];
    const recurring = invoice({ dueDate: '2024-11-20', recurringSupply: true });
    const fee = (h: SentReminder[], items: DunningItem[]) =>
      plan('2024-12-19', items, h, BE_B2C_POLICY).actions.find((a) => a.itemIds.includes('F-1'))?.claims.find((c) => c.kind === 'reminder-fee');
    expect(fee(history, [recurring])).toMatchObject({ status: 'blocked', blockedBecause: expect.stringMatching(/reminder 2 of 2024 .* free/) });
    // Two earlier letters this year for another recurring invoice of the same debtor: this is the 4th.
    const other = invoice({ id: 'F-0', dueDate: '2024-01-10', recurringSupply: true, openAmount: '0.00' });
    const earlier = [sent(2, '2024-02-01', { itemIds: ['F-0'] }), sent(3, '2024-03-01', { itemIds: ['F-0'] })];
    expect(fee([...earlier, ...history], [recurring, other])).toMatchObject({ status: 'included', amount: '7.50' });
    // Last year's letters do not count.
    const lastYear = [sent(2, '2023-02-01', { itemIds: ['F-0'] }), sent(3, '2023-03-01', { itemIds: ['F-0'] })];
    expect(fee([...lastYear, ...history], [recurring, other])?.status).toBe('blocked');
  });

  it('when the "free reminder" was only a phone call, the next letter goes but claims are withheld', () => {
    const history = [sent(2, '2024-12-02', { channel: 'phone-task', manual: true })];
    const action = plan('2025-01-10', [item], history, BE_B2C_POLICY).actions[0];
    expect(action?.level).toBe(3);
    expect(action?.claims.every((c) => c.status === 'blocked')).toBe(true);
    expect(action?.claims[0]?.blockedBecause).toMatch(/durable medium/);
  });
});

describe('planDunning: the Dutch 14-day letter (NL-B2C, reference.md §2)', () => {
  const item = invoice({ dueDate: '2025-02-20' });
  const letter = sent(3, '2025-03-07', { channel: 'letter' });

  it('announces BIK in the letter and claims it only from the 15th day after (estimated) delivery', () => {
    const l = plan('2025-03-07', [item], [sent(2, '2025-02-27')], NL_B2C_POLICY).actions[0];
    expect(l?.claims).toEqual([expect.objectContaining({ kind: 'bik', mode: 'announce', status: 'included' })]);
    expect(plan('2025-03-25', [item], [sent(2, '2025-02-27'), letter], NL_B2C_POLICY).skipped[0]).toMatchObject({ reason: 'waiting-period', until: '2025-03-26' });
    const a = plan('2025-03-26', [item], [sent(2, '2025-02-27'), letter], NL_B2C_POLICY).actions[0];
    expect(a).toMatchObject({ level: 4, final: 'formal-notice' });
    expect(a?.claims.map((c) => [c.kind, c.status, c.basis])).toEqual([
      ['interest', 'included', 'NL-statutory'],
      ['bik', 'included', undefined],
    ]);
    expect(a?.facts.items[0]?.gates[0]?.basedOn).toMatchObject({ deliveredOn: '2025-03-11', deliveryEstimated: true });
  });

  it('uses the recorded delivery day', () => {
    const delivered = { ...letter, deliveredOn: '2025-03-08' };
    expect(plan('2025-03-23', [item], [sent(2, '2025-02-27'), delivered], NL_B2C_POLICY).actions[0]?.level).toBe(4);
  });

  it('NL-B2B claims handelsrente and BIK without any letter gate', () => {
    const a = plan('2025-03-20', [item], [sent(2, '2025-03-01')], NL_B2B_POLICY).actions[0];
    expect(a?.claims.map((c) => [c.kind, c.basis, c.gate])).toEqual([
      ['interest', 'NL-commercial', undefined],
      ['bik', undefined, undefined],
    ]);
  });
});

describe('planDunning: broken input', () => {
  const expectError = (fn: () => unknown, code: string, field: string) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(FactError);
      expect((e as FactError).code).toBe(code);
      expect((e as FactError).field).toBe(field);
      return;
    }
    throw new Error('expected a FactError');
  };

  it('names the field', () => {
    expectError(() => plan('2025-13-01', [invoice()]), 'INVALID_DATE', 'asOf');
    expectError(() => plan('2025-04-01', [invoice(), invoice()]), 'INVALID_ARGUMENT', 'items[1].id');
    expectError(() => plan('2025-04-01', [invoice({ dueDate: '31/03/2025' })]), 'INVALID_DATE', 'items[0].dueDate');
    expectError(() => plan('2025-04-01', [invoice({ openAmount: '12.345' })]), 'INVALID_AMOUNT', 'items[0].openAmount');
    expectError(() => plan('2025-04-01', [invoice({ currency: 'eur' })]), 'INVALID_ARGUMENT', 'items[0].currency');
    expectError(() => plan('2025-04-01', [invoice()], [sent(0, '2025-03-01')]), 'INVALID_ARGUMENT', 'history[0].level');
    expectError(() => plan('2025-04-01', [invoice()], [sent(1, '2025-03-01', { itemIds: [] })]), 'INVALID_ARGUMENT', 'history[0].itemIds');
    expectError(() => plan('2025-04-01', [invoice()], [sent(1, '2025-03-05', { deliveredOn: '2025-03-01' })]), 'INVALID_RANGE', 'history[0].deliveredOn');
    expectError(
      () => plan('2025-04-01', [invoice()], [], BE_B2B_POLICY, { unappliedCredits: [{ companyId: 'acme', debtorId: 'D1', currency: 'EUR', amount: '-1' }] }),
      'INVALID_AMOUNT',
      'unappliedCredits[0].amount',
    );
    expectError(() => plan('2025-04-01', [invoice()], [], { ...BE_B2B_POLICY, levels: [] }), 'INVALID_POLICY', 'levels');
  });
});

import { describe, expect, it } from 'vitest';
import { messageIdFor, outboxKey } from './key.js';
import { foldLegacyMarks } from './legacy.js';
import { isClaimable, mayPlan, type OutboxMark, type PlannedSend } from './state.js';

const planned: PlannedSend = {
  debtorId: 'D1',
  level: 2,
  channel: 'email',
  asOf: '2025-04-10',
  needsApproval: false,
  action: { itemIds: ['F-1'], amount: '100.00', claims: [] },
  policy: { id: 'BE-B2B', version: 1, kind: 'business' },
};
const row = (mark: Omit<OutboxMark, 'key' | 'at'>) => ({ companyId: 'c1', debtorId: 'D1', mark: { key: 'k', at: '2025-04-10T07:00:00Z', ...mark } });
const now = new Date('2025-04-10T08:00:00Z');

describe('outboxKey', () => {
  it('is the same for the same letter on any day and in any item order, different per level, items or company', () => {
    const a = outboxKey({ companyId: 'c1', group: 'debtor:D1:EUR', level: 2, itemIds: ['F-1', 'F-2'] });
    expect(outboxKey({ companyId: 'c1', group: 'debtor:D1:EUR', level: 2, itemIds: ['F-2', 'F-1'] })).toBe(a);
    expect(outboxKey({ companyId: 'c1', group: 'debtor:D1:EUR', level: 3, itemIds: ['F-1', 'F-2'] })).not.toBe(a);
    expect(outboxKey({ companyId: 'c1', group: 'debtor:D1:EUR', level: 2, itemIds: ['F-1', 'F-2', 'F-3'] })).not.toBe(a);
    expect(outboxKey({ companyId: 'c2', group: 'debtor:D1:EUR', level: 2, itemIds: ['F-1', 'F-2'] })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(messageIdFor(a, 'acme.be')).toBe(`<dunning.${a}@acme.be>`);
  });
});

describe('isClaimable / mayPlan', () => {
  const at = (state: string, extra: { leaseUntil?: Date; retryAt?: Date; needsApproval?: boolean } = {}) => ({
    state: state as never,
    planned: { ...planned, needsApproval: extra.needsApproval ?? false },
    ...(extra.leaseUntil && { leaseUntil: extra.leaseUntil }),
    ...(extra.retryAt && { retryAt: extra.retryAt }),
  });

  it('a claim whose lease expired is claimable again (its runner died); a live one is not', () => {
    expect(isClaimable(at('claimed', { leaseUntil: new Date('2025-04-10T09:00:00Z') }), now)).toBe(false);
    expect(isClaimable(at('claimed', { leaseUntil: new Date('2025-04-10T07:30:00Z') }), now)).toBe(true);
  });

  it('approval mode waits for approval; final states are never claimed', () => {
    expect(isClaimable(at('planned', { needsApproval: true }), now)).toBe(false);
    expect(isClaimable(at('approved', { needsApproval: true }), now)).toBe(true);
    for (const s of ['sent', 'skipped', 'task-done', 'task-open', 'dropped']) expect(isClaimable(at(s), now), s).toBe(false);
  });

  it('a failure waits for its back-off; a drop may be planned again, nothing else may', () => {
    const failed = at('failed', { retryAt: new Date('2025-04-10T08:01:00Z') });
    expect(isClaimable(failed, now)).toBe(false);
    expect(isClaimable(failed, new Date('2025-04-10T08:01:00Z'))).toBe(true);
    expect(mayPlan(at('dropped'))).toBe(true);
    expect(mayPlan(at('sent'))).toBe(false);
    expect(mayPlan(at('skipped'))).toBe(false);
    expect(mayPlan(undefined)).toBe(true);
  });
});

describe('foldLegacyMarks (the event-sourced outbox of older versions)', () => {
  it('orders marks by their sequence, whatever order the rows come in', () => {
    const e = foldLegacyMarks([row({ n: 2, state: 'claimed', attempt: 1, leaseUntil: '2025-04-10T07:05:00Z', messageId: '<m>' }), row({ n: 1, state: 'planned', planned })]).get('k')!;
    expect(e.last.state).toBe('claimed');
    expect(e.attempts).toBe(1);
    expect(e.messageId).toBe('<m>');
  });

  it('sent is final even if a late mark follows; a reroute switches the channel and resets the attempts', () => {
    const sent = foldLegacyMarks([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'sent' }), row({ n: 3, state: 'claimed', leaseUntil: '2000-01-01T00:00:00Z' })]).get('k')!;
    expect(sent.last.state).toBe('sent');
    const rerouted = foldLegacyMarks([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'claimed', attempt: 1 }), row({ n: 3, state: 'failed' }), row({ n: 4, state: 'rerouted', channel: 'letter' })]).get('k')!;
    expect(rerouted.channel).toBe('letter');
    expect(rerouted.attempts).toBe(0);
    expect(rerouted.last.state).toBe('rerouted');
  });
});

import { describe, expect, it } from 'vitest';
import { messageIdFor, outboxKey } from './key.js';
import { foldOutbox, isClaimable, mayPlan, type OutboxMark, type PlannedSend } from './state.js';

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

describe('foldOutbox', () => {
  it('orders marks by their sequence, whatever order the rows come in', () => {
    const e = foldOutbox([row({ n: 2, state: 'claimed', attempt: 1, leaseUntil: '2025-04-10T07:05:00Z', messageId: '<m>' }), row({ n: 1, state: 'planned', planned })]).get('k')!;
    expect(e.last.state).toBe('claimed');
    expect(e.attempts).toBe(1);
    expect(e.messageId).toBe('<m>');
  });

  it('a claim whose lease expired is claimable again (its runner died); a live one is not', () => {
    const live = foldOutbox([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'claimed', attempt: 1, leaseUntil: '2025-04-10T09:00:00Z' })]).get('k')!;
    const dead = foldOutbox([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'claimed', attempt: 1, leaseUntil: '2025-04-10T07:30:00Z' })]).get('k')!;
    expect(isClaimable(live, now)).toBe(false);
    expect(isClaimable(dead, now)).toBe(true);
  });

  it('sent is final even if a late mark follows; approval mode waits for approval', () => {
    const sent = foldOutbox([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'sent' }), row({ n: 3, state: 'claimed', leaseUntil: '2000-01-01T00:00:00Z' })]).get('k')!;
    expect(sent.last.state).toBe('sent');
    expect(isClaimable(sent, now)).toBe(false);
    expect(mayPlan(sent)).toBe(false);
    const waiting = foldOutbox([row({ n: 1, state: 'planned', planned: { ...planned, needsApproval: true } })]).get('k')!;
    expect(isClaimable(waiting, now)).toBe(false);
    expect(isClaimable(foldOutbox([...waiting.marks.map((m) => ({ companyId: 'c1', debtorId: 'D1', mark: m })), row({ n: 2, state: 'approved' })]).get('k')!, now)).toBe(true);
  });

  it('a failure waits for its back-off; a reroute switches the channel; a drop may be planned again', () => {
    const failed = foldOutbox([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'claimed', attempt: 1 }), row({ n: 3, state: 'failed', retryAt: '2025-04-10T08:01:00Z' })]).get('k')!;
    expect(isClaimable(failed, now)).toBe(false);
    expect(isClaimable(failed, new Date('2025-04-10T08:01:00Z'))).toBe(true);
    const rerouted = foldOutbox([...failed.marks.map((m) => ({ companyId: 'c1', debtorId: 'D1', mark: m })), row({ n: 4, state: 'rerouted', channel: 'letter' })]).get('k')!;
    expect(rerouted.channel).toBe('letter');
    expect(rerouted.attempts).toBe(0);
    const dropped = foldOutbox([row({ n: 1, state: 'planned', planned }), row({ n: 2, state: 'dropped', reason: 'paid' })]).get('k')!;
    expect(mayPlan(dropped)).toBe(true);
    expect(mayPlan(undefined)).toBe(true);
  });
});

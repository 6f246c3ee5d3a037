import type { Executor } from '@fact/db';
import { appendRows, loadOutbox, lockKey, markRow } from '../outbox/store.js';
import { nextN, type OutboxEntry, type OutboxState } from '../outbox/state.js';

/** One line of the accountant's follow-up queue. */
export interface QueueItem {
  key: string;
  companyId: string;
  debtorId: string;
  level: number;
  channel: string;
  state: OutboxState;
  needsApproval: boolean;
  plannedOn: string;
  itemIds: string[];
  amount: string;
  reason?: string;
  messageId?: string;
  attempts: number;
}

function item(e: OutboxEntry): QueueItem {
  return {
    key: e.key,
    companyId: e.companyId,
    debtorId: e.debtorId,
    level: e.planned.level,
    channel: e.channel,
    state: e.last.state,
    needsApproval: e.planned.needsApproval && e.last.state === 'planned',
    plannedOn: e.planned.asOf,
    itemIds: e.planned.action.itemIds,
    amount: e.planned.action.amount,
    ...(e.last.reason && { reason: e.last.reason }),
    ...(e.messageId && { messageId: e.messageId }),
    attempts: e.attempts,
  };
}

/**
 * The outbox of a company as a queue (newest plan first), optionally filtered by state.
 *
 * @example
 * ```ts
 * const waiting = (await listQueue(db, companyId)).filter((q) => q.needsApproval);
 * ```
 */
export async function listQueue(ex: Executor, companyId: string, states?: readonly OutboxState[]): Promise<QueueItem[]> {
  const entries = [...(await loadOutbox(ex, companyId)).values()].map(item);
  return entries.filter((q) => !states || states.includes(q.state)).sort((a, b) => (a.plannedOn === b.plannedOn ? (a.key < b.key ? -1 : 1) : a.plannedOn < b.plannedOn ? 1 : -1));
}

/** A decision on a queued send. */
export type QueueDecision = { decision: 'approve' } | { decision: 'skip'; reason: string } | { decision: 'complete-task'; note?: string };

/** What came of a decision: done, or why not (unknown key, or not in a state that allows it). */
export type DecisionOutcome = { ok: true; state: OutboxState } | { ok: false; reason: 'not-found' | 'not-awaiting-approval' | 'not-an-open-task' | 'already-final' };

/**
 * Approves, skips (with a reason) or completes (a phone task) one send, recorded with the user.
 * Approving does not send: the next run, or "send now", does.
 *
 * @example
 * ```ts
 * await decide(db, companyId, key, { decision: 'skip', reason: 'customer called, pays Friday' }, userId, new Date());
 * ```
 */
export async function decide(ex: Executor, companyId: string, key: string, d: QueueDecision, userId: string | undefined, at: Date): Promise<DecisionOutcome> {
  return ex.transaction(async (tx) => {
    await lockKey(tx, `dunning-send:${key}`, 'wait');
    const entry = (await loadOutbox(tx, companyId)).get(key);
    if (!entry) return { ok: false, reason: 'not-found' };
    const s = entry.last.state;
    if (s === 'sent' || s === 'task-done' || s === 'skipped') return { ok: false, reason: 'already-final' };
    let state: OutboxState;
    if (d.decision === 'complete-task') {
      if (s !== 'task-open') return { ok: false, reason: 'not-an-open-task' };
      state = 'task-done';
    } else {
      if (!(s === 'planned' && entry.planned.needsApproval) && !(d.decision === 'skip' && (s === 'failed' || s === 'rerouted' || s === 'task-open'))) {
        return { ok: false, reason: 'not-awaiting-approval' };
      }
      state = d.decision === 'approve' ? 'approved' : 'skipped';
    }
    const reason = d.decision === 'skip' ? d.reason : d.decision === 'complete-task' ? d.note : undefined;
    const mark = { key, n: nextN(entry), state, at: at.toISOString(), ...(reason && { reason }), ...(userId && { actorUserId: userId }) };
    if (state === 'task-done') {
      // The call counts as this level sent: one phone event per invoice, by this user.
      const rows = entry.planned.action.itemIds.map((invoiceId) => ({
        ...markRow(companyId, entry.debtorId, at.toISOString().slice(0, 10), entry.planned.level, mark),
        invoiceId,
        action: 'phone_call' as const,
        channel: 'phone' as const,
        explanation: { outbox: mark, note: reason ?? null, items: entry.planned.action.itemIds },
      }));
      await appendRows(tx, rows);
    } else {
      await appendRows(tx, [markRow(companyId, entry.debtorId, entry.planned.asOf, entry.planned.level, mark)]);
    }
    return { ok: true, state };
  });
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '@fact/db';
import { foldLegacyOutbox } from '../outbox/legacy.js';
import { applyTransitions, loadOutbox, markRow, toEntry, type EventRow } from '../outbox/store.js';
import type { OutboxEntry, OutboxMark, OutboxState } from '../outbox/state.js';

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
    state: e.state,
    needsApproval: e.planned.needsApproval && e.state === 'planned',
    plannedOn: e.planned.asOf,
    itemIds: e.planned.action.itemIds,
    amount: e.planned.action.amount,
    ...(e.reason && { reason: e.reason }),
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
  const entries = [...(await loadOutbox(ex, companyId, states ? { states } : {})).values()].map(item);
  return entries.sort((a, b) => (a.plannedOn === b.plannedOn ? (a.key < b.key ? -1 : 1) : a.plannedOn < b.plannedOn ? 1 : -1));
}

/** A decision on a queued send. */
export type QueueDecision = { decision: 'approve' } | { decision: 'skip'; reason: string } | { decision: 'complete-task'; note?: string };

/** What came of a decision: done, or why not (unknown key, or not in a state that allows it). */
export type DecisionOutcome = { ok: true; state: OutboxState } | { ok: false; reason: 'not-found' | 'not-awaiting-approval' | 'not-an-open-task' | 'already-final' };

/**
 * Approves, skips (with a reason) or completes (a phone task) one send, recorded with the user.
 * Approving does not send: the next run, or "send now", does. On PostgreSQL the row is locked
 * (`for update`) for the decision, so it never races a claim.
 *
 * @example
 * ```ts
 * await decide(db, companyId, key, { decision: 'skip', reason: 'customer called, pays Friday' }, userId, new Date());
 * ```
 */
export async function decide(ex: Executor, companyId: string, key: string, d: QueueDecision, userId: string | undefined, at: Date): Promise<DecisionOutcome> {
  if (!ex.inTransaction) await foldLegacyOutbox(ex, companyId);
  return ex.transaction(async (tx) => {
    const t = tx.tables.dunningOutbox;
    const query = tx.db.select().from(t).where(and(eq(t.companyId, companyId), eq(t.key, key))).limit(1);
    const [row] = tx.dialect === 'pg' ? await (query as unknown as { for(s: 'update'): Promise<(typeof t.$inferSelect)[]> }).for('update') : await query;
    if (!row) return { ok: false, reason: 'not-found' };
    const entry = toEntry(row);
    const s = entry.state;
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
    // The call counts as this level sent: one phone event per invoice, by this user.
    const callRows = (mark: OutboxMark): EventRow[] =>
      entry.planned.action.itemIds.map((invoiceId) => ({
        ...markRow(companyId, entry.debtorId, at.toISOString().slice(0, 10), entry.planned.level, mark),
        invoiceId,
        action: 'phone_call' as const,
        channel: 'phone' as const,
        explanation: { outbox: mark, note: reason ?? null, items: entry.planned.action.itemIds },
      }));
    const [done] = await applyTransitions(
      tx,
      [
        {
          entry,
          state,
          set: { reason: reason ?? null },
          mark: { ...(reason && { reason }), ...(userId && { actorUserId: userId }) },
          guard: 'version',
          occurredOn: entry.planned.asOf,
          ...(state === 'task-done' && { rows: callRows }),
        },
      ],
      at,
    );
    return done ? { ok: true, state } : { ok: false, reason: 'not-awaiting-approval' };
  });
}

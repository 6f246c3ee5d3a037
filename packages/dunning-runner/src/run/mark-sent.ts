import { money, toCents, type DunningAction } from '@fact/core';
import { newId, storeDocument, type DunningAction as StoredAction, type DunningChannel as StoredChannel, type Executor } from '@fact/db';
import type { PricedClaims } from '../compose/claims.js';
import { appendRows, loadOutbox, lockKey, markRow } from '../outbox/store.js';
import { nextN, type OutboxEntry, type OutboxMark } from '../outbox/state.js';

const STORED_CHANNEL: Record<string, StoredChannel> = { email: 'email', letter: 'letter', 'registered-letter': 'registered_letter', 'phone-task': 'phone' };

/** The stored kind of a send: herinnering, ingebrekestelling / mise en demeure, handover, call. */
export function storedAction(action: DunningAction, channel: string): StoredAction {
  if (action.final === 'collection-agency') return 'handover';
  if (action.final === 'formal-notice') return 'formal_notice';
  if (channel === 'phone-task') return 'phone_call';
  return 'reminder';
}

/** What the sent rows prove and claim. */
export interface SentRecord {
  channel: string;
  messageId?: string;
  proof: string;
  priced?: PricedClaims;
  letter?: { pdf: Uint8Array; fileName: string; reference?: string };
  actorUserId?: string;
  recovered?: boolean;
}

/**
 * Records a send, in one transaction: one dunning event per invoice of the letter (so the planner
 * sees each invoice reminded at this level), each carrying what was claimed on it (interest, the
 * €40, its share of letter-level costs) and the full claims, rule, facts and proof in its
 * explanation, plus the letter PDF as a stored document. Does nothing if the key is already sent.
 *
 * @example
 * ```ts
 * await markSent(db, entry, '2025-04-10', { channel: 'email', messageId, proof: 'outbox/…eml', priced });
 * ```
 */
export async function markSent(ex: Executor, entry: OutboxEntry, on: string, at: Date, record: SentRecord, documentsRoot?: string): Promise<boolean> {
  const action = entry.planned.action as unknown as DunningAction;
  return ex.transaction(async (tx) => {
    await lockKey(tx, `dunning-send:${entry.key}`, 'wait');
    const fresh = (await loadOutbox(tx, entry.companyId, entry.debtorId)).get(entry.key);
    if (fresh && (fresh.last.state === 'sent' || fresh.last.state === 'task-done')) return false;
    let documentId: string | null = null;
    if (record.letter && documentsRoot) {
      const doc = await storeDocument(tx, { companyId: entry.companyId }, { kind: 'letter', fileName: record.letter.fileName, mediaType: 'application/pdf', content: record.letter.pdf }, { root: documentsRoot });
      documentId = doc.id;
    }
    const claims = record.priced?.claims ?? [];
    const claimed = claims.filter((c) => c.mode === 'claim');
    const letterFees = claimed.filter((c) => !c.itemId && c.kind !== 'interest').reduce((s, c) => s.plus(money(c.amount)), money(0));
    const mark: OutboxMark = {
      key: entry.key,
      n: nextN(fresh),
      state: 'sent',
      at: at.toISOString(),
      channel: record.channel,
      ...(record.messageId && { messageId: record.messageId }),
      ...(record.actorUserId && { actorUserId: record.actorUserId }),
    };
    const rows = action.itemIds.map((itemId, k) => {
      const interest = claimed.filter((c) => c.kind === 'interest' && c.itemId === itemId).reduce((s, c) => s.plus(money(c.amount)), money(0));
      let fees = claimed.filter((c) => c.kind !== 'interest' && c.itemId === itemId).reduce((s, c) => s.plus(money(c.amount)), money(0));
      if (k === 0) fees = fees.plus(letterFees);
      return {
        ...markRow(entry.companyId, entry.debtorId, on, action.level, mark),
        id: newId(),
        invoiceId: itemId,
        action: storedAction(action, record.channel),
        channel: STORED_CHANNEL[record.channel] ?? 'other',
        interestCents: toCents(interest),
        feesCents: toCents(fees),
        documentId,
        explanation: {
          outbox: mark,
          proof: record.proof,
          ...(record.recovered && { recovered: true }),
          letterReference: record.letter?.reference ?? null,
          claims,
          interest: record.priced?.interest ?? [],
          total: record.priced?.total ?? action.amount,
          rule: action.rule,
          facts: action.facts,
          items: action.itemIds,
        },
      };
    });
    await appendRows(tx, rows);
    return true;
  });
}

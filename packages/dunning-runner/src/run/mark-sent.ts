import { money, toCents, type DunningAction } from '@fact/core';
import { newId, storeDocument, type DunningAction as StoredAction, type DunningChannel as StoredChannel, type Executor } from '@fact/db';
import type { PricedClaims } from '../compose/claims.js';
import { applyTransitions, markRow, type EventRow, type Transition } from '../outbox/store.js';
import type { OutboxEntry, OutboxMark } from '../outbox/state.js';

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
 * The `sent` change of a claimed key: the row becomes `sent` (whoever holds the claim: a delivery
 * is a fact) and the history gets one dunning event per invoice of the letter (so the planner sees
 * each invoice reminded at this level), each carrying what was claimed on it (interest, the €40,
 * its share of letter-level costs) and the full claims, rule, facts and proof, plus the letter PDF
 * as a stored document. A key already sent is left alone (the result is undefined).
 *
 * @example
 * ```ts
 * await db.transaction((tx) => applyTransitions(tx, [sentTransition(entry, '2025-04-10', record)], now));
 * ```
 */
export function sentTransition(entry: OutboxEntry, on: string, record: SentRecord, documentsRoot?: string): Transition {
  const action = entry.planned.action as unknown as DunningAction;
  return {
    entry,
    state: 'sent',
    set: { channel: record.channel, leaseUntil: null, reason: null },
    mark: { channel: record.channel, ...(record.messageId && { messageId: record.messageId }), ...(record.actorUserId && { actorUserId: record.actorUserId }) },
    guard: 'claimed',
    occurredOn: on,
    rows: async (mark: OutboxMark, tx: Executor): Promise<EventRow[]> => {
      let documentId: string | null = null;
      if (record.letter && documentsRoot) {
        const doc = await storeDocument(tx, { companyId: entry.companyId }, { kind: 'letter', fileName: record.letter.fileName, mediaType: 'application/pdf', content: record.letter.pdf }, { root: documentsRoot });
        documentId = doc.id;
      }
      const claims = record.priced?.claims ?? [];
      const claimed = claims.filter((c) => c.mode === 'claim');
      const letterFees = claimed.filter((c) => !c.itemId && c.kind !== 'interest').reduce((s, c) => s.plus(money(c.amount)), money(0));
      return action.itemIds.map((itemId, k) => {
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
    },
  };
}

/**
 * Records one send in its own transaction (see {@link sentTransition}); false if it was already sent.
 *
 * @example
 * ```ts
 * await markSent(db, entry, '2025-04-10', new Date(), { channel: 'email', messageId, proof: 'outbox/…eml', priced });
 * ```
 */
export async function markSent(ex: Executor, entry: OutboxEntry, on: string, at: Date, record: SentRecord, documentsRoot?: string): Promise<boolean> {
  const [done] = await ex.transaction((tx) => applyTransitions(tx, [sentTransition(entry, on, record, documentsRoot)], at));
  return done !== undefined;
}

/**
 * The outbox is event-sourced on `dunning_events` (append-only: the database refuses UPDATE and
 * DELETE there). Every state change of a send is one appended row carrying `explanation.outbox`;
 * the current state of a key is the fold of its rows, ordered by their per-key sequence `n`.
 */

/** A state change of one planned send. */
export type OutboxState =
  | 'planned' // phase 1: the planner proposed it (awaiting approval when `needsApproval`)
  | 'approved' // an accountant approved it
  | 'skipped' // an accountant skipped it, with a reason (terminal for this key)
  | 'claimed' // a runner owns it until `leaseUntil`; `messageId` fixed before sending
  | 'failed' // a delivery attempt failed; retry after `retryAt`
  | 'rerouted' // too many failures on a channel: the next channel takes over
  | 'dropped' // the pre-send gate refused it (paid, disputed…); may be planned again later
  | 'sent' // delivered (terminal)
  | 'task-open' // a phone task waits in the accountant's queue
  | 'task-done'; // the call was made (terminal)

/** What one outbox row says (stored as `explanation.outbox`). */
export interface OutboxMark {
  key: string;
  n: number;
  state: OutboxState;
  at: string;
  attempt?: number;
  leaseUntil?: string;
  runner?: string;
  messageId?: string;
  channel?: string;
  reason?: string;
  retryAt?: string;
  actorUserId?: string;
  /** On `planned`: the planner's action and what the runner needs to send it. */
  planned?: PlannedSend;
}

/** The send as planned in phase 1 (serialisable). */
export interface PlannedSend {
  debtorId: string;
  level: number;
  channel: string;
  asOf: string;
  needsApproval: boolean;
  /** The @fact/core DunningAction, as JSON. */
  action: Record<string, unknown> & { itemIds: string[]; amount: string; claims: unknown[] };
  /** The policy id and version the action came from. */
  policy: { id: string; version: number; kind: 'business' | 'consumer' };
}

/** The folded state of one key. */
export interface OutboxEntry {
  key: string;
  companyId: string;
  debtorId: string;
  marks: OutboxMark[];
  last: OutboxMark;
  planned: PlannedSend;
  /** Attempts made on the current channel. */
  attempts: number;
  channel: string;
  messageId?: string;
}

/**
 * Folds rows (in any order) into one entry per key.
 *
 * @example
 * ```ts
 * const entries = foldOutbox(rows); // Map<key, OutboxEntry>
 * ```
 */
export function foldOutbox(rows: readonly { companyId: string; debtorId: string; mark: OutboxMark }[]): Map<string, OutboxEntry> {
  const byKey = new Map<string, { companyId: string; debtorId: string; marks: OutboxMark[] }>();
  for (const r of rows) {
    const e = byKey.get(r.mark.key) ?? { companyId: r.companyId, debtorId: r.debtorId, marks: [] };
    e.marks.push(r.mark);
    byKey.set(r.mark.key, e);
  }
  const out = new Map<string, OutboxEntry>();
  for (const [key, e] of byKey) {
    e.marks.sort((a, b) => a.n - b.n);
    const plannedMark = [...e.marks].reverse().find((m) => m.state === 'planned' && m.planned);
    if (!plannedMark?.planned) continue;
    let channel = plannedMark.planned.channel;
    let attempts = 0;
    let messageId: string | undefined;
    for (const m of e.marks) {
      if (m.state === 'planned') attempts = 0;
      if (m.state === 'claimed') {
        attempts = m.attempt ?? attempts + 1;
        messageId = m.messageId ?? messageId;
      }
      if (m.state === 'rerouted' && m.channel) {
        channel = m.channel;
        attempts = 0;
      }
    }
    const sent = e.marks.find((m) => m.state === 'sent' || m.state === 'task-done');
    const last = sent ?? e.marks[e.marks.length - 1]!;
    out.set(key, { key, companyId: e.companyId, debtorId: e.debtorId, marks: e.marks, last, planned: plannedMark.planned, attempts, channel, ...(messageId && { messageId }) });
  }
  return out;
}

/** The next sequence number of a key. @example nextN(entry) // 4 */
export function nextN(entry: OutboxEntry | undefined): number {
  return entry ? Math.max(...entry.marks.map((m) => m.n)) + 1 : 1;
}

/**
 * Whether a runner may claim this entry now: planned without approval, approved, a failure whose
 * back-off has passed, a rerouted send, or a claim whose lease has expired (its runner died).
 *
 * @example
 * ```ts
 * if (isClaimable(entry, new Date())) await claim(…);
 * ```
 */
export function isClaimable(entry: OutboxEntry, now: Date): boolean {
  const l = entry.last;
  switch (l.state) {
    case 'planned':
      return !entry.planned.needsApproval;
    case 'approved':
    case 'rerouted':
      return true;
    case 'failed':
      return !l.retryAt || new Date(l.retryAt) <= now;
    case 'claimed':
      return !l.leaseUntil || new Date(l.leaseUntil) <= now;
    default:
      return false;
  }
}

/** Whether phase 1 may (re)plan this key: never planned, or dropped by the gate earlier. @example mayPlan(undefined) // true */
export function mayPlan(entry: OutboxEntry | undefined): boolean {
  return !entry || entry.last.state === 'dropped';
}

/**
 * The outbox is the `dunning_outbox` table: one row per idempotency key, its current state, under a
 * unique (company_id, key). Every state change is also appended to `dunning_events` (append-only)
 * as a history row carrying `explanation.outbox` (an {@link OutboxMark}): who, when, why. The
 * debtor timeline reads those rows; the runner reads the table.
 */

/** A state of one planned send (the `dunning_outbox.state` values). */
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

/**
 * One state change as written to the history (`dunning_events.explanation.outbox`). `n` is the
 * outbox row's `version` after the change: the per-key sequence of the history.
 */
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

/** The send as planned in phase 1 (serialisable; `dunning_outbox.planned`). */
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

/** One `dunning_outbox` row, as the runner uses it. */
export interface OutboxEntry {
  id: string;
  key: string;
  companyId: string;
  debtorId: string;
  level: number;
  state: OutboxState;
  /** The channel that carries it now (changes when rerouted). */
  channel: string;
  /** Attempts made on the current channel. */
  attempts: number;
  /** Bumped by every state change; a claim is ours while the version is the one we wrote. */
  version: number;
  planned: PlannedSend;
  plannedOn: string;
  messageId?: string;
  leaseUntil?: Date;
  runnerId?: string;
  reason?: string;
  retryAt?: Date;
  updatedAt: Date;
}

/** Final states: nothing happens to the key any more. */
export const FINAL_STATES: readonly OutboxState[] = ['sent', 'task-done', 'skipped'];

/**
 * Whether a runner may claim this entry now: planned without approval, approved, a failure whose
 * back-off has passed, a rerouted send, or a claim whose lease has expired (its runner died). The
 * claim query says the same in SQL (`claimablePredicate`); this is its readable twin.
 *
 * @example
 * ```ts
 * isClaimable(entry, new Date()); // true for an approved send
 * ```
 */
export function isClaimable(entry: Pick<OutboxEntry, 'state' | 'planned' | 'retryAt' | 'leaseUntil'>, now: Date): boolean {
  switch (entry.state) {
    case 'planned':
      return !entry.planned.needsApproval;
    case 'approved':
    case 'rerouted':
      return true;
    case 'failed':
      return !entry.retryAt || entry.retryAt <= now;
    case 'claimed':
      return !entry.leaseUntil || entry.leaseUntil <= now;
    default:
      return false;
  }
}

/** Whether phase 1 may (re)plan this key: never planned, or dropped by the gate earlier. @example mayPlan(undefined) // true */
export function mayPlan(entry: Pick<OutboxEntry, 'state'> | undefined): boolean {
  return !entry || entry.state === 'dropped';
}

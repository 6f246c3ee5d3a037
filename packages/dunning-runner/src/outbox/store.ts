import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DunningAction, DunningChannel, Executor } from '@fact/db';
import { newId } from '@fact/db';
import { foldLegacyOutbox } from './legacy.js';
import type { OutboxEntry, OutboxMark, OutboxState, PlannedSend } from './state.js';

type Row = Executor['tables']['dunningOutbox']['$inferSelect'];

/** A `dunning_outbox` row as an {@link OutboxEntry}. */
export function toEntry(r: Row): OutboxEntry {
  return {
    id: r.id,
    key: r.key,
    companyId: r.companyId,
    debtorId: r.debtorId,
    level: r.level,
    state: r.state as OutboxState,
    channel: r.channel,
    attempts: r.attempt,
    version: r.version,
    planned: r.planned as unknown as PlannedSend,
    plannedOn: r.plannedOn,
    ...(r.messageId && { messageId: r.messageId }),
    ...(r.leaseUntil && { leaseUntil: r.leaseUntil }),
    ...(r.runnerId && { runnerId: r.runnerId }),
    ...(r.reason && { reason: r.reason }),
    ...(r.retryAt && { retryAt: r.retryAt }),
    updatedAt: r.updatedAt,
  };
}

/**
 * The outbox of a company (or only some keys / states), read from `dunning_outbox`. On the root
 * handle it first folds marks left by the event-sourced outbox of older versions (once).
 *
 * @example
 * ```ts
 * const entries = await loadOutbox(db, 'company-1'); // Map<key, OutboxEntry>
 * ```
 */
export async function loadOutbox(ex: Executor, companyId: string, only: { keys?: readonly string[]; states?: readonly OutboxState[] } = {}): Promise<Map<string, OutboxEntry>> {
  if (!ex.inTransaction) await foldLegacyOutbox(ex, companyId);
  const t = ex.tables.dunningOutbox;
  const out = new Map<string, OutboxEntry>();
  const keySlices = only.keys ? slices(only.keys, 500) : [undefined];
  for (const keys of keySlices) {
    const where = and(eq(t.companyId, companyId), keys && inArray(t.key, keys), only.states && inArray(t.state, [...only.states]));
    for (const r of await ex.db.select().from(t).where(where).orderBy(asc(t.key))) out.set(r.key, toEntry(r));
  }
  return out;
}

function slices<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A dunning_events row as inserted. */
export interface EventRow {
  id: string;
  companyId: string;
  debtorId: string;
  invoiceId: string | null;
  level: number;
  action: DunningAction;
  channel: DunningChannel;
  occurredOn: string;
  interestCents: number;
  feesCents: number;
  explanation: Record<string, unknown>;
  documentId: string | null;
  actorUserId: string | null;
}

/** A state-change history row: a `note` on channel `other`, which the planner's history ignores. */
export function markRow(companyId: string, debtorId: string, occurredOn: string, level: number, mark: OutboxMark): EventRow {
  return {
    id: newId(),
    companyId,
    debtorId,
    invoiceId: null,
    level,
    action: 'note' as DunningAction,
    channel: 'other' as DunningChannel,
    occurredOn,
    interestCents: 0,
    feesCents: 0,
    explanation: { outbox: mark },
    documentId: null,
    actorUserId: mark.actorUserId ?? null,
  };
}

/**
 * Appends history rows (state changes, or the real dunning events of a send) in the caller's transaction.
 *
 * @example
 * ```ts
 * await appendRows(tx, [markRow(companyId, debtorId, asOf, 1, mark)]);
 * ```
 */
export async function appendRows(tx: Executor, rows: readonly EventRow[]): Promise<void> {
  const d = tx.tables.dunningEvents;
  // SQLite caps bound parameters per statement: insert in slices.
  for (const part of slices(rows, 200)) await tx.db.insert(d).values(part);
}

/** The columns a state change may set (besides state, version and updated_at). */
export interface OutboxChange {
  channel?: string;
  attempt?: number;
  reason?: string | null;
  retryAt?: Date | null;
  leaseUntil?: Date | null;
  runnerId?: string | null;
  /** On a re-plan: the new planned action. */
  planned?: Record<string, unknown>;
  plannedOn?: string;
  level?: number;
}

/** One state change to apply: the row, its new state, the history mark, and when it holds. */
export interface Transition {
  entry: OutboxEntry;
  state: OutboxState;
  set?: OutboxChange;
  /** What the history mark says besides key, n, state and at. */
  mark?: Omit<OutboxMark, 'key' | 'n' | 'state' | 'at'>;
  /**
   * `version`: only if the row is still at the version we read (our claim, our read of the
   * queue). `claimed`: whoever holds the claim (a delivery is a fact, even by a runner whose lease
   * ran out).
   */
  guard: 'version' | 'claimed';
  /** The local date the history rows carry. */
  occurredOn: string;
  /** The history rows for this change; default: one note row with the mark. */
  rows?: (mark: OutboxMark, tx: Executor) => EventRow[] | Promise<EventRow[]>;
}

/**
 * Applies state changes in the caller's transaction: each row is updated only if its guard still
 * holds (else it is left alone and its result is undefined), and every applied change appends its
 * history in the same transaction, so the table and the history never disagree.
 *
 * @example
 * ```ts
 * const [after] = await applyTransitions(tx, [{ entry, state: 'dropped', set: { reason: 'paid' }, mark: { reason: 'paid' }, guard: 'version', occurredOn: asOf }], now);
 * ```
 */
export async function applyTransitions(tx: Executor, list: readonly Transition[], at: Date): Promise<(OutboxEntry | undefined)[]> {
  const t = tx.tables.dunningOutbox;
  const rows: EventRow[] = [];
  const out: (OutboxEntry | undefined)[] = [];
  for (const tr of list) {
    const guard = tr.guard === 'version' ? eq(t.version, tr.entry.version) : eq(t.state, 'claimed');
    const [row] = await tx.db
      .update(t)
      .set({ ...tr.set, state: tr.state, version: sql`${t.version} + 1`, updatedAt: at })
      .where(and(eq(t.id, tr.entry.id), guard))
      .returning();
    if (!row) {
      out.push(undefined);
      continue;
    }
    const mark: OutboxMark = { key: tr.entry.key, n: row.version, state: tr.state, at: at.toISOString(), ...tr.mark };
    rows.push(...(tr.rows ? await tr.rows(mark, tx) : [markRow(row.companyId, row.debtorId, tr.occurredOn, row.level, mark)]));
    out.push(toEntry(row));
  }
  await appendRows(tx, rows);
  return out;
}

/**
 * The claim condition in SQL (the twin of `isClaimable`): planned without approval, approved,
 * rerouted, failed past its back-off, or claimed with an expired lease.
 */
export function claimablePredicate(ex: Executor, now: Date): SQL {
  const t = ex.tables.dunningOutbox;
  // `planned.needsApproval` is JSON: SQLite reads false as 0, PostgreSQL's ->> as 'false'.
  const auto = ex.dialect === 'sqlite' ? sql`json_extract(${t.planned}, '$.needsApproval') = 0` : sql`(${t.planned} ->> 'needsApproval') = 'false'`;
  return or(
    and(eq(t.state, 'planned'), auto),
    inArray(t.state, ['approved', 'rerouted']),
    and(eq(t.state, 'failed'), or(isNull(t.retryAt), lte(t.retryAt, now))),
    and(eq(t.state, 'claimed'), or(isNull(t.leaseUntil), lte(t.leaseUntil, now))),
  )!;
}

/** What a claim needs. */
export interface ClaimRequest {
  companyId: string;
  now: Date;
  leaseMs: number;
  runnerId: string;
  /** The company's mail domain, for the Message-ID. */
  domain: string;
  /** Only keys after this one (the deliver phase walks the outbox in key order). */
  after?: string;
  keys?: readonly string[];
  limit: number;
}

/** A claimed entry, and whether a previous claim of it was left behind (a dead runner). */
export interface Claimed {
  entry: OutboxEntry;
  recovering: boolean;
}

/**
 * Claims up to `limit` claimable rows in one transaction: PostgreSQL locks them with
 * `select … for update skip locked` (rows another instance is claiming are skipped, never waited
 * for); SQLite has one writer. Each claimed row gets state `claimed`, attempt + 1, a lease, this
 * runner, and its Message-ID fixed BEFORE anything is sent; one `claimed` history mark each.
 *
 * @example
 * ```ts
 * const batch = await claimBatch(db, { companyId, now, leaseMs: 300_000, runnerId: 'w1', domain: 'acme.be', limit: 16 });
 * ```
 */
export async function claimBatch(ex: Executor, r: ClaimRequest): Promise<Claimed[]> {
  return ex.transaction(async (tx) => {
    const t = tx.tables.dunningOutbox;
    const where = and(eq(t.companyId, r.companyId), claimablePredicate(tx, r.now), r.after !== undefined ? gt(t.key, r.after) : undefined, r.keys && inArray(t.key, [...r.keys]));
    const query = tx.db.select().from(t).where(where).orderBy(asc(t.key)).limit(r.limit);
    const found = tx.dialect === 'pg' ? await (query as unknown as { for(s: 'update', c: { skipLocked: boolean }): Promise<Row[]> }).for('update', { skipLocked: true }) : await query;
    if (found.length === 0) return [];
    const leaseUntil = new Date(r.now.getTime() + r.leaseMs);
    const updated = await tx.db
      .update(t)
      .set({
        state: 'claimed',
        attempt: sql`${t.attempt} + 1`,
        leaseUntil,
        runnerId: r.runnerId,
        messageId: sql`coalesce(${t.messageId}, '<dunning.' || ${t.key} || ${`@${r.domain}>`})`,
        version: sql`${t.version} + 1`,
        updatedAt: r.now,
      })
      // The predicate again: on PostgreSQL an UPDATE that waited for a row re-reads it, so a row
      // another claimer took meanwhile is not taken twice even without the row locks above.
      .where(and(inArray(t.id, found.map((f) => f.id)), claimablePredicate(tx, r.now)))
      .returning();
    const before = new Map(found.map((f) => [f.id, f.state]));
    const claimed = updated.map((u) => ({ entry: toEntry(u), recovering: before.get(u.id) === 'claimed' })).sort((a, b) => (a.entry.key < b.entry.key ? -1 : 1));
    await appendRows(
      tx,
      claimed.map(({ entry: e }) =>
        markRow(e.companyId, e.debtorId, e.planned.asOf, e.level, {
          key: e.key,
          n: e.version,
          state: 'claimed',
          at: r.now.toISOString(),
          attempt: e.attempts,
          leaseUntil: leaseUntil.toISOString(),
          runner: r.runnerId,
          ...(e.messageId && { messageId: e.messageId }),
          channel: e.channel,
        }),
      ),
    );
    return claimed;
  });
}

// Databases from before migration 0005 kept the outbox only as marks in `dunning_events`
// (`explanation.outbox`, folded per key by the sequence `n`). This folds them ONCE into
// `dunning_outbox`, so a key planned, skipped, claimed or sent under the old scheme keeps its
// state and is never planned and sent again.
import { sql } from 'drizzle-orm';
import { newId, type Executor } from '@fact/db';
import type { OutboxMark, OutboxState, PlannedSend } from './state.js';

/** The folded history of one key under the old scheme. */
export interface LegacyEntry {
  key: string;
  companyId: string;
  debtorId: string;
  marks: OutboxMark[];
  /** The state now: `sent`/`task-done` once either appears (final), else the last mark. */
  last: OutboxMark;
  planned: PlannedSend;
  attempts: number;
  channel: string;
  messageId?: string;
}

/**
 * Folds legacy marks (in any order) into one entry per key, as the old runner did.
 *
 * @example
 * ```ts
 * const entries = foldLegacyMarks(rows); // Map<key, LegacyEntry>
 * ```
 */
export function foldLegacyMarks(rows: readonly { companyId: string; debtorId: string; mark: OutboxMark }[]): Map<string, LegacyEntry> {
  const byKey = new Map<string, { companyId: string; debtorId: string; marks: OutboxMark[] }>();
  for (const r of rows) {
    const e = byKey.get(r.mark.key) ?? { companyId: r.companyId, debtorId: r.debtorId, marks: [] };
    e.marks.push(r.mark);
    byKey.set(r.mark.key, e);
  }
  const out = new Map<string, LegacyEntry>();
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
    const final = e.marks.find((m) => m.state === 'sent' || m.state === 'task-done');
    const last = final ?? e.marks[e.marks.length - 1]!;
    out.set(key, { key, companyId: e.companyId, debtorId: e.debtorId, marks: e.marks, last, planned: plannedMark.planned, attempts, channel, ...(messageId && { messageId }) });
  }
  return out;
}

/** Companies already folded by this process, per database handle: the fold runs once. */
const folded = new WeakMap<object, Set<string>>();

/**
 * Folds the company's legacy marks whose key is not in `dunning_outbox` yet into outbox rows
 * (insert … on conflict do nothing: two processes folding at once agree). Runs once per process
 * and company; afterwards every mark in `dunning_events` has its row, so there is nothing to do.
 * Returns the number of rows it created.
 *
 * @example
 * ```ts
 * await foldLegacyOutbox(db, companyId); // 0 on a database that never ran the old runner
 * ```
 */
export async function foldLegacyOutbox(ex: Executor, companyId: string): Promise<number> {
  const done = folded.get(ex) ?? new Set<string>();
  folded.set(ex, done);
  if (done.has(companyId)) return 0;
  const created = await ex.transaction(async (tx) => {
    // `->` / `->>` read JSON text in SQLite (3.38+) and jsonb in PostgreSQL alike.
    const rows = await tx.all<{ company_id: string; debtor_id: string; mark: string | OutboxMark }>(sql`
      select e.company_id, e.debtor_id, e.explanation -> 'outbox' as mark
      from dunning_events e
      where e.company_id = ${companyId}
        and e.explanation -> 'outbox' ->> 'key' is not null
        and not exists (select 1 from dunning_outbox o where o.company_id = e.company_id and o.key = e.explanation -> 'outbox' ->> 'key')`);
    if (rows.length === 0) return 0;
    const entries = foldLegacyMarks(rows.map((r) => ({ companyId: r.company_id, debtorId: r.debtor_id, mark: typeof r.mark === 'string' ? (JSON.parse(r.mark) as OutboxMark) : r.mark })));
    const t = tx.tables.dunningOutbox;
    const values = [...entries.values()].map(legacyRow);
    let n = 0;
    for (let i = 0; i < values.length; i += 100) {
      n += (await tx.db.insert(t).values(values.slice(i, i + 100)).onConflictDoNothing({ target: [t.companyId, t.key] }).returning({ key: t.key })).length;
    }
    return n;
  });
  done.add(companyId);
  return created;
}

const date = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** The outbox row a legacy entry stands for. */
export function legacyRow(e: LegacyEntry) {
  const state = e.last.state as OutboxState;
  const first = e.marks[0]!;
  return {
    id: newId(),
    companyId: e.companyId,
    key: e.key,
    debtorId: e.debtorId,
    level: e.planned.level,
    channel: e.channel,
    state,
    attempt: e.attempts,
    leaseUntil: state === 'claimed' ? date(e.last.leaseUntil) : null,
    runnerId: state === 'claimed' ? (e.last.runner ?? null) : null,
    messageId: e.messageId ?? null,
    planned: e.planned as unknown as Record<string, unknown>,
    reason: e.last.reason ?? null,
    retryAt: state === 'failed' ? date(e.last.retryAt) : null,
    plannedOn: e.planned.asOf,
    version: Math.max(...e.marks.map((m) => m.n)),
    createdAt: new Date(first.at),
    updatedAt: new Date(e.last.at),
  };
}

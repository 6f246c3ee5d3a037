import { and, eq, sql } from 'drizzle-orm';
import type { DunningAction, DunningChannel, Executor } from '@fact/db';
import { newId } from '@fact/db';
import { foldOutbox, type OutboxEntry, type OutboxMark } from './state.js';

interface Row {
  companyId: string;
  debtorId: string;
  explanation: Record<string, unknown> | null;
}

function marksOf(rows: readonly Row[]): { companyId: string; debtorId: string; mark: OutboxMark }[] {
  return rows.flatMap((r) => {
    const mark = r.explanation?.['outbox'] as OutboxMark | undefined;
    return mark && typeof mark.key === 'string' ? [{ companyId: r.companyId, debtorId: r.debtorId, mark }] : [];
  });
}

/**
 * The outbox of a company (or of one debtor: the indexed path used right before a claim).
 *
 * @example
 * ```ts
 * const entries = await loadOutbox(db, 'company-1');
 * ```
 */
export async function loadOutbox(ex: Executor, companyId: string, debtorId?: string): Promise<Map<string, OutboxEntry>> {
  const d = ex.tables.dunningEvents;
  const where = debtorId ? and(eq(d.companyId, companyId), eq(d.debtorId, debtorId)) : eq(d.companyId, companyId);
  const rows = await ex.db.select({ companyId: d.companyId, debtorId: d.debtorId, explanation: d.explanation }).from(d).where(where);
  return foldOutbox(marksOf(rows));
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

/** A state-change row: a `note` on channel `other`, which the planner's history ignores. */
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
 * Appends outbox rows (state changes, or the real dunning events of a send) in the caller's transaction.
 *
 * @example
 * ```ts
 * await appendRows(tx, [markRow(companyId, debtorId, asOf, 1, mark)]);
 * ```
 */
export async function appendRows(tx: Executor, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const d = tx.tables.dunningEvents;
  // SQLite caps bound parameters per statement: insert in slices.
  for (let i = 0; i < rows.length; i += 200) await tx.db.insert(d).values(rows.slice(i, i + 200));
}

/**
 * Serialises writers on one lock name inside a transaction. SQLite: a no-op, because
 * `transaction()` runs `BEGIN IMMEDIATE` and SQLite allows one writer (across processes too).
 * PostgreSQL: a transaction-scoped advisory lock (`wait`), or a try-lock that returns false when
 * another instance holds it (`skip`, the SKIP LOCKED of a claim).
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => { if (!(await lockKey(tx, `claim:${key}`, 'skip'))) return; … });
 * ```
 */
export async function lockKey(tx: Executor, name: string, mode: 'wait' | 'skip'): Promise<boolean> {
  if (tx.dialect === 'sqlite') return true;
  if (mode === 'wait') {
    await tx.run(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
    return true;
  }
  const [row] = await tx.all<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as ok`);
  return row?.ok === true;
}

// The history of the runner's outbox for one debtor, read from `dunning_events`: every state
// change of a planned send is a row whose `explanation.outbox` holds the mark (see
// @fact/dunning-runner `outbox/state.ts`). This file is the ONE place in the API that knows how
// marks are stored, so a storage change is made here only.
import type { OutboxMark } from '@fact/dunning-runner';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@fact/db';

/** One state change of one planned send. */
export interface OutboxHistoryEntry {
  key: string;
  n: number;
  state: OutboxMark['state'];
  at: Date;
  level: number;
  channel: string | null;
  reason: string | null;
  actorUserId: string | null;
  /** On `planned`: the planner's rule and the amount to remind. */
  planned: { rule: string | null; amount: string | null; itemIds: string[]; needsApproval: boolean } | null;
  /** On `sent` / `task-done`: the interest and fees recorded for it, in cents, over its invoices. */
  claimedCents: number;
  invoiceIds: string[];
}

/** A dunning event that is not part of the outbox (a reminder recorded by hand, an older send). */
export interface PlainDunningEvent {
  id: string;
  occurredOn: string;
  level: number;
  action: string;
  channel: string;
  invoiceId: string | null;
  interestCents: number;
  feesCents: number;
}

function markOf(explanation: unknown): OutboxMark | undefined {
  const mark = (explanation as { outbox?: unknown } | null | undefined)?.outbox as OutboxMark | undefined;
  return mark && typeof mark.key === 'string' && typeof mark.n === 'number' && typeof mark.state === 'string' ? mark : undefined;
}

/**
 * The outbox history of a debtor, oldest first (one entry per mark: a send recorded on several
 * invoices is one entry), and the debtor's other dunning events.
 *
 * @example
 * ```ts
 * const { outbox, other } = await debtorOutboxHistory(db, companyId, debtorId);
 * outbox.filter((e) => e.state === 'skipped').map((e) => e.reason);
 * ```
 */
export async function debtorOutboxHistory(ex: Executor, companyId: string, debtorId: string): Promise<{ outbox: OutboxHistoryEntry[]; other: PlainDunningEvent[] }> {
  const d = ex.tables.dunningEvents;
  const rows = await ex.db
    .select()
    .from(d)
    .where(and(eq(d.companyId, companyId), eq(d.debtorId, debtorId)))
    .orderBy(asc(d.occurredOn), asc(d.id));
  const byMark = new Map<string, OutboxHistoryEntry>();
  const other: PlainDunningEvent[] = [];
  for (const r of rows) {
    const mark = markOf(r.explanation);
    if (!mark) {
      other.push({ id: r.id, occurredOn: r.occurredOn, level: r.level, action: r.action, channel: r.channel, invoiceId: r.invoiceId ?? null, interestCents: r.interestCents, feesCents: r.feesCents });
      continue;
    }
    const id = `${mark.key}:${mark.n}`;
    const seen = byMark.get(id);
    if (seen) {
      seen.claimedCents += r.interestCents + r.feesCents;
      if (r.invoiceId && !seen.invoiceIds.includes(r.invoiceId)) seen.invoiceIds.push(r.invoiceId);
      continue;
    }
    const action = mark.planned?.action;
    byMark.set(id, {
      key: mark.key,
      n: mark.n,
      state: mark.state,
      at: new Date(mark.at),
      level: mark.planned?.level ?? r.level,
      channel: mark.channel ?? mark.planned?.channel ?? null,
      reason: mark.reason ?? null,
      actorUserId: mark.actorUserId ?? r.actorUserId ?? null,
      planned: mark.planned
        ? { rule: typeof (action?.['rule'] as { text?: unknown } | undefined)?.text === 'string' ? ((action!['rule'] as { text: string }).text) : null, amount: action?.amount ?? null, itemIds: action?.itemIds ?? [], needsApproval: mark.planned.needsApproval }
        : null,
      claimedCents: r.interestCents + r.feesCents,
      invoiceIds: r.invoiceId ? [r.invoiceId] : [...(action?.itemIds ?? [])],
    });
  }
  const outbox = [...byMark.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.n - b.n));
  return { outbox, other };
}

/**
 * Names of users by id (for "who"), only those asked for.
 *
 * @example
 * ```ts
 * const names = await userNames(db, ['0193…']); // Map { '0193…' => 'Anna' }
 * ```
 */
export async function userNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const u = ex.tables.users;
  const rows = await ex.db.select({ id: u.id, name: u.name }).from(u).where(inArray(u.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

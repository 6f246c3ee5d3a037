import { and, eq, inArray } from 'drizzle-orm';
import type { CalendarDate, DunningAction } from '@fact/core';
import { newId } from '@fact/db';
import { outboxKey } from '../outbox/key.js';
import { appendRows, applyTransitions, markRow, toEntry, type EventRow } from '../outbox/store.js';
import type { PlannedSend } from '../outbox/state.js';
import { companyPlan, type CompanyRow } from '../facts/company-plan.js';
import type { RunnerSettings } from '../settings/runner-settings.js';
import type { RunnerContext } from './options.js';

/** The group a letter is about: the debtor (per-debtor grouping) or the one invoice. */
export function groupOf(action: DunningAction): string {
  return action.facts.grouping === 'per-invoice' ? `invoice:${action.itemIds[0] ?? ''}` : `debtor:${action.debtorId}:${action.currency}`;
}

/**
 * Phase 1: plans the company as of its local date and, in one transaction, inserts each proposed
 * send into `dunning_outbox` under its idempotency key with `insert … on conflict do nothing`: the
 * unique (company, key) refuses a key already there (planned, claimed, sent, skipped…), whoever
 * plans it and however often. A key the gate dropped earlier is planned again from the new facts.
 *
 * @example
 * ```ts
 * const { planned, existing } = await planPhase(ctx, company, settings, '2025-04-10');
 * ```
 */
export async function planPhase(
  ctx: RunnerContext,
  company: CompanyRow,
  settings: RunnerSettings,
  asOf: CalendarDate,
): Promise<{ planned: number; existing: number; skipped: { itemId: string; reason: string }[] }> {
  const plans = await companyPlan(ctx.db, company, asOf);
  const now = ctx.clock();
  const proposals = new Map<string, PlannedSend>();
  for (const { kind, policy, plan } of plans) {
    for (const action of plan.actions) {
      const key = outboxKey({ companyId: company.id, group: groupOf(action), level: action.level, itemIds: action.itemIds });
      proposals.set(key, {
        debtorId: action.debtorId,
        level: action.level,
        channel: action.channel,
        asOf,
        needsApproval: settings.mode === 'approve',
        action: action as unknown as PlannedSend['action'],
        policy: { id: policy.id, version: policy.version, kind },
      });
    }
  }
  // Key order everywhere: two planners inserting the same keys lock them in the same order.
  const keys = [...proposals.keys()].sort();
  const skipped = plans.flatMap((p) => p.plan.skipped.map((s) => ({ itemId: s.itemId, reason: s.reason })));
  if (keys.length === 0) return { planned: 0, existing: 0, skipped };
  return ctx.db.transaction(async (tx) => {
    const t = tx.tables.dunningOutbox;
    const history: EventRow[] = [];
    const inserted = new Set<string>();
    for (let i = 0; i < keys.length; i += 200) {
      const values = keys.slice(i, i + 200).map((key) => {
        const p = proposals.get(key)!;
        return { id: newId(), companyId: company.id, key, debtorId: p.debtorId, level: p.level, channel: p.channel, state: 'planned' as const, attempt: 0, planned: p as unknown as Record<string, unknown>, plannedOn: asOf, version: 1, createdAt: now, updatedAt: now };
      });
      for (const r of await tx.db.insert(t).values(values).onConflictDoNothing({ target: [t.companyId, t.key] }).returning({ key: t.key })) inserted.add(r.key);
    }
    for (const key of inserted) {
      const p = proposals.get(key)!;
      history.push(markRow(company.id, p.debtorId, asOf, p.level, { key, n: 1, state: 'planned', at: now.toISOString(), channel: p.channel, planned: p }));
    }
    await appendRows(tx, history);
    // Keys already in the outbox: only a dropped one is planned again, from today's facts.
    const rest = keys.filter((k) => !inserted.has(k));
    let replanned = 0;
    for (let i = 0; i < rest.length; i += 500) {
      const dropped = await tx.db.select().from(t).where(and(eq(t.companyId, company.id), eq(t.state, 'dropped'), inArray(t.key, rest.slice(i, i + 500))));
      const done = await applyTransitions(
        tx,
        dropped.map((row) => {
          const p = proposals.get(row.key)!;
          return {
            entry: toEntry(row),
            state: 'planned' as const,
            set: { channel: p.channel, attempt: 0, reason: null, retryAt: null, leaseUntil: null, runnerId: null, planned: p as unknown as Record<string, unknown>, plannedOn: asOf, level: p.level },
            mark: { channel: p.channel, planned: p },
            guard: 'version' as const,
            occurredOn: asOf,
          };
        }),
        now,
      );
      replanned += done.filter(Boolean).length;
    }
    return { planned: inserted.size + replanned, existing: rest.length - replanned, skipped };
  });
}

import type { CalendarDate, DunningAction } from '@fact/core';
import { outboxKey } from '../outbox/key.js';
import { appendRows, loadOutbox, lockKey, markRow } from '../outbox/store.js';
import { mayPlan, nextN, type PlannedSend } from '../outbox/state.js';
import { companyPlan, type CompanyRow } from '../facts/company-plan.js';
import type { RunnerSettings } from '../settings/runner-settings.js';
import type { RunnerContext } from './options.js';

/** The group a letter is about: the debtor (per-debtor grouping) or the one invoice. */
export function groupOf(action: DunningAction): string {
  return action.facts.grouping === 'per-invoice' ? `invoice:${action.itemIds[0] ?? ''}` : `debtor:${action.debtorId}:${action.currency}`;
}

/**
 * Phase 1: plans the company as of its local date and, in one transaction, inserts each proposed
 * send into the outbox under its idempotency key, unless that key is already there (planned,
 * claimed, sent, skipped; a key dropped by the gate may be planned again).
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
  const now = ctx.clock().toISOString();
  return ctx.db.transaction(async (tx) => {
    await lockKey(tx, `dunning-plan:${company.id}`, 'wait');
    const outbox = await loadOutbox(tx, company.id);
    const rows = [];
    let existing = 0;
    for (const { kind, policy, plan } of plans) {
      for (const action of plan.actions) {
        const key = outboxKey({ companyId: company.id, group: groupOf(action), level: action.level, itemIds: action.itemIds });
        const entry = outbox.get(key);
        if (!mayPlan(entry)) {
          existing++;
          continue;
        }
        const planned: PlannedSend = {
          debtorId: action.debtorId,
          level: action.level,
          channel: action.channel,
          asOf,
          needsApproval: settings.mode === 'approve',
          action: action as unknown as PlannedSend['action'],
          policy: { id: policy.id, version: policy.version, kind },
        };
        rows.push(markRow(company.id, action.debtorId, asOf, action.level, { key, n: nextN(entry), state: 'planned', at: now, channel: action.channel, planned }));
      }
    }
    await appendRows(tx, rows);
    return { planned: rows.length, existing, skipped: plans.flatMap((p) => p.plan.skipped.map((s) => ({ itemId: s.itemId, reason: s.reason }))) };
  });
}

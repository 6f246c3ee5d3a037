// Decisions on several queued reminders at once (the bulk actions of the follow-up queue), and a
// debtor's dunning history (who planned, approved, skipped, sent or failed what, when and why).
import { decide, deliverNow, type DeliverReport, type RunnerContext } from '@fact/dunning-runner';
import { fromCents } from '@fact/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { localDate } from '../clock/local-date.js';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';
import { recordId } from '../schemas/ids.js';
import { debtorOutboxHistory, userNames } from '../services/dunning-ui/outbox-history.js';
import { companyProcedure, MANAGERS } from '../trpc.js';

const outboxKey = z.string().regex(/^[0-9a-f]{32}$/, 'an outbox key is 32 hex characters');

const WHY_NOT: Record<string, string> = {
  'not-found': 'is not in the queue',
  'not-awaiting-approval': 'is not waiting for approval',
  'not-an-open-task': 'is not an open phone task',
  'already-final': 'was already sent or skipped',
};

function add(total: DeliverReport, r: DeliverReport): void {
  total.sent += r.sent;
  total.recovered += r.recovered;
  total.dropped.push(...r.dropped);
  total.failed += r.failed;
  total.rerouted += r.rerouted;
  total.tasks += r.tasks;
  total.leased += r.leased;
}

/**
 * Delivers the keys now; a send rerouted to the next channel (no e-mail address: a letter) is
 * delivered on that channel in the same request, so "send now" means sent (at most 3 channels).
 *
 * @example
 * ```ts
 * const report = await deliverAll(runner, companyId, [key]);
 * ```
 */
export async function deliverAll(runner: RunnerContext, companyId: string, keys: readonly string[]): Promise<DeliverReport> {
  const total: DeliverReport = { sent: 0, recovered: 0, dropped: [], failed: 0, rerouted: 0, tasks: 0, leased: 0 };
  for (let round = 0; round < 3; round++) {
    const r = await deliverNow(runner, companyId, keys);
    add(total, r);
    if (r.rerouted === 0) break;
  }
  return total;
}

/**
 * `dunningRun.decideMany`: approve or skip (one reason for all) in ONE transaction, so either
 * every reminder is decided or none is (a reminder someone else decided meanwhile refuses the
 * whole set, naming it); or send: approve what waits, then deliver per company (the gate
 * re-checks every fact right before each send).
 */
export function decideManyProcedure(runnerOf: (ctx: Context) => RunnerContext) {
  return companyProcedure('accountant')
    .input(
      z.object({
        items: z.array(z.object({ companyId: recordId, key: outboxKey })).min(1, 'select at least one reminder').max(500),
        decision: z.discriminatedUnion('decision', [
          z.object({ decision: z.literal('approve') }),
          z.object({ decision: z.literal('skip'), reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) }),
          z.object({ decision: z.literal('send') }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const at = ctx.clock();
      const unique = [...new Map(input.items.map((i) => [`${i.companyId}:${i.key}`, i])).values()];
      if (input.decision.decision === 'send') {
        const byCompany = new Map<string, string[]>();
        for (const i of unique) byCompany.set(i.companyId, [...(byCompany.get(i.companyId) ?? []), i.key]);
        await ctx.db.transaction(async (tx) => {
          for (const i of unique) await decide(tx, i.companyId, i.key, { decision: 'approve' }, ctx.user.id, at);
        });
        const total: DeliverReport = { sent: 0, recovered: 0, dropped: [], failed: 0, rerouted: 0, tasks: 0, leased: 0 };
        for (const [companyId, keys] of byCompany) add(total, await deliverAll(runnerOf(ctx), companyId, keys));
        return { decided: unique.length, delivery: total };
      }
      const d = input.decision;
      await ctx.db.transaction(async (tx) => {
        for (const [n, i] of unique.entries()) {
          const outcome = await decide(tx, i.companyId, i.key, d, ctx.user.id, at);
          if (!outcome.ok) throw apiError.precondition(`Nothing was changed: reminder ${n + 1} of ${unique.length} (${i.key}) ${WHY_NOT[outcome.reason] ?? outcome.reason}. Reload the queue.`);
        }
      });
      return { decided: unique.length, delivery: null };
    });
}

/** `dunningRun.debtorHistory`: the debtor's outbox history and its other dunning events, newest first. */
export const debtorHistoryProcedure = companyProcedure(...MANAGERS)
  .input(z.object({ debtorId: recordId }))
  .query(async ({ ctx, input }) => {
    const t = ctx.db.tables;
    const [debtor] = await ctx.db.db.select({ companyId: t.debtors.companyId, timeZone: t.companies.timeZone }).from(t.debtors).innerJoin(t.companies, eq(t.companies.id, t.debtors.companyId)).where(eq(t.debtors.id, input.debtorId)).limit(1);
    if (!debtor) throw apiError.notFound('debtor', input.debtorId);
    const { outbox, other } = await debtorOutboxHistory(ctx.db, debtor.companyId, input.debtorId);
    const names = await userNames(ctx.db, outbox.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    const actions = outbox
      .filter((e) => e.state !== 'claimed')
      .map((e) => ({
        key: e.key,
        state: e.state,
        at: e.at.toISOString(),
        on: localDate(e.at, debtor.timeZone),
        level: e.level,
        channel: e.channel,
        /** Who: the user who decided, or null for the runner itself. */
        actor: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
        /** Why: the skip / drop / failure reason, or the planner's rule for a planned send. */
        reason: e.reason ?? e.planned?.rule ?? null,
        amount: e.planned?.amount ?? null,
        claimed: e.claimedCents > 0 ? fromCents(e.claimedCents).toFixed(2) : null,
        invoiceIds: e.invoiceIds,
      }))
      .reverse();
    const reminders = other
      .filter((e) => e.action !== 'note')
      .map((e) => ({ id: e.id, on: e.occurredOn, level: e.level, action: e.action, channel: e.channel, invoiceId: e.invoiceId, claimed: e.interestCents + e.feesCents > 0 ? fromCents(e.interestCents + e.feesCents).toFixed(2) : null }))
      .reverse();
    return { actions, reminders };
  });

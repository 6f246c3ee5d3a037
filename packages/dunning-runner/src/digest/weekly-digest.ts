import { and, eq, gte, lte } from 'drizzle-orm';
import { addDays, fromCents, type CalendarDate } from '@fact/core';
import type { Executor } from '@fact/db';
import type { OutboxMark } from '../outbox/state.js';

/** A week of follow-up for one company, for the accountant and the entrepreneur. */
export interface WeeklyDigest {
  companyId: string;
  from: CalendarDate;
  to: CalendarDate;
  sent: Record<string, number>;
  dropped: { reason: string; count: number }[];
  interestClaimed: string;
  feesClaimed: string;
  text: string;
}

/**
 * Summarises the seven days ending `to`: sends per action, sends dropped by the gate and why, and
 * the interest and costs claimed.
 *
 * @example
 * ```ts
 * const digest = await weeklyDigest(db, companyId, '2025-04-13');
 * ```
 */
export async function weeklyDigest(ex: Executor, companyId: string, to: CalendarDate): Promise<WeeklyDigest> {
  const from = addDays(to, -6);
  const d = ex.tables.dunningEvents;
  const rows = await ex.db.select().from(d).where(and(eq(d.companyId, companyId), gte(d.occurredOn, from), lte(d.occurredOn, to)));
  const sent: Record<string, number> = {};
  const dropped = new Map<string, number>();
  let interest = 0;
  let fees = 0;
  for (const r of rows) {
    const mark = r.explanation?.['outbox'] as OutboxMark | undefined;
    if (r.action === 'note') {
      if (mark?.state === 'dropped') dropped.set((mark.reason ?? '').split(':')[0]!, (dropped.get((mark.reason ?? '').split(':')[0]!) ?? 0) + 1);
      continue;
    }
    sent[r.action] = (sent[r.action] ?? 0) + 1;
    interest += r.interestCents;
    fees += r.feesCents;
  }
  const drops = [...dropped].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  const text = [
    `Follow-up ${from} – ${to}`,
    ...Object.entries(sent).map(([a, n]) => `${a}: ${n}`),
    ...drops.map((x) => `not sent (${x.reason}): ${x.count}`),
    `interest claimed: ${fromCents(interest).toFixed(2)}`,
    `costs claimed: ${fromCents(fees).toFixed(2)}`,
  ].join('\n');
  return { companyId, from, to, sent, dropped: drops, interestClaimed: fromCents(interest).toFixed(2), feesClaimed: fromCents(fees).toFixed(2), text };
}

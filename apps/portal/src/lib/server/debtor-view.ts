import { Dec } from '@fact/core';
import type { Api } from './api.js';

/** One line of a debtor's timeline, newest first. */
export interface TimelineEntry {
  on: string;
  kind: 'invoice' | 'payment' | 'reminder' | 'dispute' | 'hold' | 'plan' | 'note' | `dunning.${string}`;
  text: Record<string, string | number>;
  amount: string | null;
  href: string | null;
  /** The instant, when known (orders entries of one day). */
  at?: string;
  /** Who did it: a user's name; null for the dunning runner itself. */
  who?: string | null;
  /** Why: a skip reason, the gate's reason for dropping a send, the planner's rule, or the note. */
  why?: string | null;
}

type History = Awaited<ReturnType<Api['dunningRun']['debtorHistory']>>;
type Notes = Awaited<ReturnType<Api['debtor']['notes']['list']>>;

/**
 * The dunning part of a debtor's timeline: every planned, approved, skipped, sent, failed,
 * rerouted and dropped send (who, when, why), the reminders recorded outside the runner, and
 * the notes kept on the debtor.
 */
export function dunningTimeline(history: History, notes: Notes, numberOf: (id: string) => string, onOf: (instant: string) => string): TimelineEntry[] {
  const numbers = (ids: string[]) => ids.map(numberOf).filter(Boolean).join(', ');
  return [
    ...history.actions.map((a) => ({
      on: a.on,
      at: a.at,
      kind: `dunning.${a.state}` as const,
      text: { level: a.level, channel: a.channel ?? '', number: numbers(a.invoiceIds) },
      amount: a.claimed ?? (a.state === 'planned' ? a.amount : null),
      href: null,
      who: a.actor,
      why: a.reason,
    })),
    ...history.reminders.map((r) => ({ on: r.on, kind: 'reminder' as const, text: { level: r.level, number: r.invoiceId ? numberOf(r.invoiceId) : '' }, amount: r.claimed, href: null })),
    ...notes.map((n) => ({ on: onOf(n.createdAt), at: n.createdAt, kind: 'note' as const, text: { body: n.body, number: n.invoiceId ? numberOf(n.invoiceId) : '' }, amount: null, href: null, who: n.author ?? null, why: null })),
  ];
}

/** Newest first; within one day the later instant first (entries without one keep their order). */
export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1;
  if (a.at && b.at && a.at !== b.at) return a.at < b.at ? 1 : -1;
  return 0;
}

/**
 * How a debtor has paid (debtor.behaviour: @fact/core's paymentBehaviour and riskGrade over its
 * settled invoices) and its recent payments for the timeline.
 */
export async function behaviourOf(api: Api, companyId: string, debtorId: string, asOf: string) {
  const [b, payments] = await Promise.all([api.debtor.behaviour({ debtorId, asOf }), api.payment.list({ companyId, debtorId, limit: 50 })]);
  const summary =
    b.behaviour.kind === 'no-history'
      ? null
      : {
          sampleSize: b.behaviour.sampleSize,
          daysToPay: b.behaviour.averageDaysToPay.perInvoice,
          daysBeyondTerms: b.behaviour.averageDaysBeyondTerms.perInvoice,
          onTimePct: new Dec(b.behaviour.onTimeRatio.byCount).times(100).toFixed(1),
        };
  return { summary, grade: b.risk.grade, payments: payments.items };
}


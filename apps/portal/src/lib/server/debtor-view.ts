import { Dec } from '@fact/core';
import type { Api } from './api.js';

/** One line of a debtor's timeline, newest first. */
export interface TimelineEntry {
  on: string;
  kind: 'invoice' | 'payment' | 'reminder' | 'dispute' | 'hold' | 'plan';
  text: Record<string, string | number>;
  amount: string | null;
  href: string | null;
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


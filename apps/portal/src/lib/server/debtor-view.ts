import { paymentBehaviour, type PaidInvoice } from '@fact/core';
import type { Api } from './api.js';
import type { InvoiceItem } from './invoices.js';

/** One line of a debtor's timeline, newest first. */
export interface TimelineEntry {
  on: string;
  kind: 'invoice' | 'payment' | 'reminder' | 'dispute' | 'hold' | 'plan';
  text: Record<string, string | number>;
  amount: string | null;
  href: string | null;
}

/**
 * How a debtor has paid, from the invoices it settled and the allocation dates of its payments.
 * The API has no behaviour procedure yet; this reads payments one by one (the last 50).
 */
export async function behaviourOf(api: Api, companyId: string, debtorId: string, invoices: InvoiceItem[]) {
  const payments = await api.payment.list({ companyId, debtorId, limit: 50 });
  const byInvoice = new Map<string, { date: string; amount: string }[]>();
  for (const p of payments.items) {
    if (p.reversed) continue;
    const full = await api.payment.get({ paymentId: p.id });
    for (const a of full.allocations) {
      if (a.reversed) continue;
      byInvoice.set(a.invoiceId, [...(byInvoice.get(a.invoiceId) ?? []), { date: a.allocatedOn, amount: a.amount }]);
    }
  }
  const history: PaidInvoice[] = invoices
    .filter((i) => i.status === 'paid' && i.kind === 'invoice' && byInvoice.has(i.id))
    .map((i) => ({ id: i.id, issueDate: i.issueDate, dueDate: i.dueDate, payments: byInvoice.get(i.id)! }));
  const b = paymentBehaviour(history);
  const summary =
    b.kind === 'no-history'
      ? null
      : {
          sampleSize: b.sampleSize,
          daysToPay: b.averageDaysToPay.perInvoice.toFixed(1),
          daysBeyondTerms: b.averageDaysBeyondTerms.perInvoice.toFixed(1),
          onTimePct: b.onTimeRatio.byCount.times(100).toFixed(1),
        };
  return { summary, payments: payments.items };
}

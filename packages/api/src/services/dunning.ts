import {
  DEFAULT_DUNNING_POLICIES,
  fromCents,
  parsePolicy,
  planDunning,
  type CalendarDate,
  type DunningChannel,
  type DunningItem,
  type DunningPlan,
  type DunningPolicy,
  type SentReminder,
} from '@fact/core';
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db.js';
import { collectionFacts, companyFacts, openInvoicesOf, unappliedCreditByDebtor } from './receivables.js';

const CHANNEL: Record<string, DunningChannel | undefined> = {
  email: 'email',
  letter: 'letter',
  registered_letter: 'registered-letter',
  phone: 'phone-task',
};

/**
 * The policy for a company and a kind of debtor: the company's own (stored as
 * `{ business?: policy, consumer?: policy }` in `companies.dunning_policy`, checked by
 * @fact/core's parsePolicy) or the legal default of its country.
 */
function policyFor(country: 'BE' | 'NL', stored: Record<string, unknown> | null, kind: 'business' | 'consumer'): DunningPolicy {
  const own = stored?.[kind];
  if (own) return parsePolicy(own);
  return DEFAULT_DUNNING_POLICIES[`${country}-${kind === 'business' ? 'B2B' : 'B2C'}`];
}

/**
 * The dunning plan of one company as of a date: what to send to whom, and what is skipped and
 * why, by @fact/core's planner, from the invoices, disputes, holds, payment plans, factoring
 * assignments, unapplied credit and the history of sent reminders. Reads only; sends nothing.
 *
 * @example
 * ```ts
 * const plans = await companyDunningPlan(db, companyId, '2025-03-15');
 * ```
 */
export async function companyDunningPlan(db: Database, companyId: string, asOf: CalendarDate): Promise<DunningPlan[]> {
  const company = await companyFacts(db, companyId);
  const open = await openInvoicesOf(db, companyId);
  const ids = open.map((r) => r.invoice.id);
  const facts = await collectionFacts(db, companyId, ids, asOf);
  const e = db.tables.dunningEvents;
  const events = ids.length
    ? await db.db
        .select()
        .from(e)
        .where(and(eq(e.companyId, companyId), inArray(e.invoiceId, ids)))
    : [];
  const history: SentReminder[] = events.flatMap((ev) => {
    const channel = CHANNEL[ev.channel];
    return channel && ev.invoiceId ? [{ companyId, itemIds: [ev.invoiceId], level: ev.level, sentOn: ev.occurredOn, channel }] : [];
  });
  const promised = await pendingPromises(db, companyId, asOf);
  const credits = await unappliedCreditByDebtor(db, companyId);
  const plans: DunningPlan[] = [];
  for (const kind of ['business', 'consumer'] as const) {
    const mine = open.filter((r) => r.debtorKind === kind);
    if (mine.length === 0) continue;
    const items: DunningItem[] = mine.map(({ invoice }) => {
      const hold = facts.holdUntil.get(invoice.id) ?? facts.debtorHoldUntil.get(invoice.debtorId);
      const plan = facts.planned.get(invoice.id);
      const promise = promised.byInvoice.get(invoice.id) ?? promised.byDebtor.get(invoice.debtorId);
      return {
        id: invoice.id,
        companyId,
        debtorId: invoice.debtorId,
        dueDate: invoice.dueDate,
        openAmount: fromCents(invoice.openAmountCents).toFixed(2),
        currency: invoice.currency,
        ...(facts.disputed.has(invoice.id) && { disputed: true }),
        ...(hold && { onHoldUntil: hold }),
        ...(plan && { paymentPlan: { active: true, id: plan } }),
        ...(facts.assigned.has(invoice.id) && { assignedToFactor: true }),
        ...(promise && { promisedPaymentDate: promise }),
      };
    });
    const debtors = new Set(items.map((i) => i.debtorId));
    plans.push(
      planDunning({
        asOf,
        policy: policyFor(company.country, company.dunningPolicy ?? null, kind),
        items,
        history: history.filter((h) => h.itemIds.some((id) => items.some((i) => i.id === id))),
        unappliedCredits: credits
          .filter((c) => debtors.has(c.debtorId))
          .map((c) => ({ companyId, debtorId: c.debtorId, currency: 'EUR', amount: fromCents(c.cents).toFixed(2) })),
      }),
    );
  }
  return plans;
}

/**
 * Promises to pay still running on `asOf` (betalingsbelofte): the planner waits until the promised
 * day. A promise on one invoice covers that invoice; one without an invoice covers the debtor.
 */
async function pendingPromises(db: Database, companyId: string, asOf: CalendarDate) {
  const p = db.tables.promisesToPay;
  const rows = await db.db
    .select({ invoiceId: p.invoiceId, debtorId: p.debtorId, dueOn: p.dueOn })
    .from(p)
    .where(and(eq(p.companyId, companyId), eq(p.status, 'pending'), gte(p.dueOn, asOf)));
  const byInvoice = new Map<string, CalendarDate>();
  const byDebtor = new Map<string, CalendarDate>();
  const later = (map: Map<string, CalendarDate>, key: string, date: CalendarDate) => {
    const known = map.get(key);
    if (!known || date > known) map.set(key, date);
  };
  for (const r of rows) {
    if (r.invoiceId) later(byInvoice, r.invoiceId, r.dueOn);
    else later(byDebtor, r.debtorId, r.dueOn);
  }
  return { byInvoice, byDebtor };
}

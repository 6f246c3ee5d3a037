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
import { and, eq, inArray } from 'drizzle-orm';
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
  const credits = await unappliedCreditByDebtor(db, companyId);
  const plans: DunningPlan[] = [];
  for (const kind of ['business', 'consumer'] as const) {
    const mine = open.filter((r) => r.debtorKind === kind);
    if (mine.length === 0) continue;
    const items: DunningItem[] = mine.map(({ invoice }) => {
      const hold = facts.holdUntil.get(invoice.id) ?? facts.debtorHoldUntil.get(invoice.debtorId);
      const plan = facts.planned.get(invoice.id);
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

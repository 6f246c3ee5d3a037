import { and, eq, gt, inArray } from 'drizzle-orm';
import {
  DEFAULT_DUNNING_POLICIES,
  fromCents,
  parsePolicy,
  planDunning,
  type CalendarDate,
  type DunningChannel as CoreChannel,
  type DunningItem,
  type DunningPlan,
  type DunningPolicy,
  type SentReminder,
} from '@fact/core';
import type { Executor } from '@fact/db';
import { parseRunnerSettings, type RunnerSettings } from '../settings/runner-settings.js';
import { collectionFacts, unappliedCredit, unmatchedBankPayments } from './receivables.js';

/** Stored channel → the planner's channel. `other`/`portal` rows (outbox marks, notes) are not sends. */
export const CORE_CHANNEL: Record<string, CoreChannel | undefined> = {
  email: 'email',
  letter: 'letter',
  registered_letter: 'registered-letter',
  phone: 'phone-task',
};

/** The company row as the runner needs it. */
export interface CompanyRow {
  id: string;
  legalName: string;
  country: 'BE' | 'NL';
  enterpriseNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  language: string;
  timeZone: string;
  dunningPolicy: Record<string, unknown> | null;
  /** The company's own postal address and e-mail (`companies.address`, `companies.email`). */
  address: { street: string; postalCode: string; city: string } | null;
  email: string | null;
}

/**
 * The policy for a company and a kind of debtor: its own (`{ business?, consumer? }` in
 * `companies.dunning_policy`, checked by parsePolicy) or the legal default of its country.
 *
 * @example
 * ```ts
 * policyFor(company, 'consumer').id; // "BE-B2C" unless the company has its own
 * ```
 */
export function policyFor(company: Pick<CompanyRow, 'country' | 'dunningPolicy'>, kind: 'business' | 'consumer'): DunningPolicy {
  const own = company.dunningPolicy?.[kind];
  if (own) return parsePolicy(own);
  return DEFAULT_DUNNING_POLICIES[`${company.country}-${kind === 'business' ? 'B2B' : 'B2C'}`];
}

/**
 * Reads the company, or undefined when it does not exist. Its sender identity is the runner
 * settings' one; where those leave the e-mail or the address out, the company's own stored
 * e-mail and address stand in (its own, never a default or another company's).
 *
 * @example
 * ```ts
 * const company = await loadCompany(db, 'c1');
 * ```
 */
export async function loadCompany(ex: Executor, companyId: string): Promise<(CompanyRow & { settings: RunnerSettings }) | undefined> {
  const c = ex.tables.companies;
  const [row] = await ex.db.select().from(c).where(eq(c.id, companyId)).limit(1);
  if (!row) return undefined;
  const company = row as unknown as CompanyRow;
  const settings = parseRunnerSettings(company.dunningPolicy?.['runner']);
  const email = settings.identity?.email ?? company.email ?? undefined;
  const address = settings.identity?.address ?? company.address ?? undefined;
  const identity = email ? { ...settings.identity, email, ...(address && { address }) } : settings.identity;
  return { ...company, settings: { ...settings, ...(identity && { identity }) } };
}

/** One plan per kind of debtor, with the policy that made it. */
export interface KindPlan {
  kind: 'business' | 'consumer';
  policy: DunningPolicy;
  plan: DunningPlan;
}

/**
 * The dunning plan of one company as of its local date, from fresh facts: open invoices, disputes,
 * holds, payment plans, factoring, unapplied credit (payments and credit notes), unmatched bank
 * payments (left out: not reminded), and every reminder already sent (manual ones included).
 *
 * @example
 * ```ts
 * const plans = await companyPlan(db, company, '2025-04-10');
 * ```
 */
export async function companyPlan(ex: Executor, company: CompanyRow, asOf: CalendarDate): Promise<KindPlan[]> {
  const i = ex.tables.invoices;
  const d = ex.tables.debtors;
  const open = await ex.db
    .select({ id: i.id, debtorId: i.debtorId, number: i.number, dueDate: i.dueDate, openAmountCents: i.openAmountCents, currency: i.currency, paymentReference: i.paymentReference, kind: d.kind })
    .from(i)
    .innerJoin(d, eq(d.id, i.debtorId))
    .where(and(eq(i.companyId, company.id), eq(i.status, 'open'), eq(i.kind, 'invoice'), gt(i.openAmountCents, 0)));
  const ids = open.map((r) => r.id);
  const facts = await collectionFacts(ex, company.id, ids, asOf);
  const inBank = await unmatchedBankPayments(ex, company.id, open);
  const e = ex.tables.dunningEvents;
  const events = ids.length
    ? await ex.db
        .select({ invoiceId: e.invoiceId, level: e.level, occurredOn: e.occurredOn, channel: e.channel, actorUserId: e.actorUserId })
        .from(e)
        .where(and(eq(e.companyId, company.id), inArray(e.channel, ['email', 'letter', 'registered_letter', 'phone'])))
    : [];
  const openIds = new Set(ids);
  const history: SentReminder[] = events.flatMap((ev) => {
    const channel = CORE_CHANNEL[ev.channel];
    return channel && ev.invoiceId && openIds.has(ev.invoiceId)
      ? [{ companyId: company.id, itemIds: [ev.invoiceId], level: ev.level, sentOn: ev.occurredOn, channel, manual: ev.actorUserId !== null }]
      : [];
  });
  const credits = await unappliedCredit(ex, company.id);
  const out: KindPlan[] = [];
  for (const kind of ['business', 'consumer'] as const) {
    const mine = open.filter((r) => r.kind === kind && !inBank.has(r.id));
    if (mine.length === 0) continue;
    const items: DunningItem[] = mine.map((inv) => {
      const hold = facts.holdUntil.get(inv.id) ?? facts.debtorHoldUntil.get(inv.debtorId);
      const plan = facts.paymentPlan.get(inv.id);
      return {
        id: inv.id,
        companyId: company.id,
        debtorId: inv.debtorId,
        dueDate: inv.dueDate,
        openAmount: fromCents(inv.openAmountCents).toFixed(2),
        currency: inv.currency,
        ...(facts.disputed.has(inv.id) && { disputed: true }),
        ...(hold && { onHoldUntil: hold }),
        ...(plan && { paymentPlan: { active: true, id: plan } }),
        ...(facts.factored.has(inv.id) && { assignedToFactor: true }),
      };
    });
    const mineIds = new Set(items.map((x) => x.id));
    const debtors = new Set(items.map((x) => x.debtorId));
    const policy = policyFor(company, kind);
    const plan = planDunning({
      asOf,
      policy,
      items,
      history: history.filter((h) => h.itemIds.some((id) => mineIds.has(id))),
      unappliedCredits: [...credits].filter(([debtorId]) => debtors.has(debtorId)).map(([debtorId, cents]) => ({ companyId: company.id, debtorId, currency: 'EUR', amount: fromCents(cents).toFixed(2) })),
    });
    out.push({ kind, policy, plan });
  }
  return out;
}

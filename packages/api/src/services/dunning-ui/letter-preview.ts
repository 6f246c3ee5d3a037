// The letter of one dunning level, rendered for real (the same PDF and text a debtor receives) with
// the company's own data, a sample debtor and a sample invoice, and the company's template (saved
// or a draft). The planner of @fact/core decides what the level claims on the sample, exactly as
// it would for a real invoice; nothing is stored and nothing is sent.
import { addDays, planDunning, type CalendarDate, type DunningAction, type DunningPolicy, type DunningPlanInput } from '@fact/core';
import { letterTemplateFor } from '@fact/db';
import { letterLevelFor, reminderLetterModel, renderReminderLetterPdf, renderReminderLetterText, type CompanyIdentity, type DocumentLanguage, type LetterTemplateText, type ReminderLetterInput } from '@fact/documents';
import { loadCompany, policyFor, priceClaims } from '@fact/dunning-runner';
import { apiError } from '../../errors/api-error.js';
import type { Database } from '../../db.js';

const SAMPLE = {
  invoice: { nl: 'VOORBEELD-001', fr: 'EXEMPLE-001', en: 'SAMPLE-001' },
  description: { nl: 'Geleverde goederen volgens bestelling (voorbeeld)', fr: 'Marchandises livrées selon commande (exemple)', en: 'Goods delivered as ordered (sample)' },
  business: { nl: 'Voorbeeldklant NV', fr: 'Client Exemple SA', en: 'Sample Customer Ltd' },
  consumer: { nl: 'Jan Voorbeeld', fr: 'Marie Exemple', en: 'Alex Sample' },
  address: { BE: { street: 'Stationsstraat 1', postalCode: '2000', city: 'Antwerpen' }, NL: { street: 'Stationsplein 1', postalCode: '3511 CE', city: 'Utrecht' } },
} as const;

const SAMPLE_TOTAL = '1210.00';

/** Days after the due date on which each level goes out when every level is sent on time. */
function schedule(policy: DunningPolicy): number[] {
  const out: number[] = [];
  for (const l of policy.levels) out.push(l.offset.from === 'due-date' ? l.offset.days : (out.at(-1) ?? 0) + l.offset.days);
  return out;
}

/**
 * The planner's action for `level` on a sample invoice whose earlier levels were all sent on
 * time, as of `asOf`; later sends are tried (up to 60 days late) when a legal waiting period
 * (Book XIX, the Dutch 14 days after delivery) is not over yet on the exact day.
 */
export function sampleAction(policy: DunningPolicy, level: number, asOf: CalendarDate, companyId: string): DunningAction {
  const step = policy.levels.findIndex((l) => l.level === level);
  if (step < 0) throw apiError.badInput('level', `the policy ${policy.id} has no level ${level}`);
  const days = schedule(policy);
  const isPreDue = step === 0 && days[0]! <= 0;
  for (let late = 0; late <= (isPreDue ? 0 : 60); late++) {
    const dueDate = addDays(asOf, -(days[step]! + late));
    const input: DunningPlanInput = {
      asOf,
      policy,
      items: [{ id: 'sample-invoice', companyId, debtorId: 'sample-debtor', dueDate, openAmount: SAMPLE_TOTAL, currency: 'EUR' }],
      history: policy.levels.slice(0, step).map((l, i) => ({ companyId, itemIds: ['sample-invoice'], level: l.level, sentOn: addDays(dueDate, days[i]!), channel: l.channel })),
    };
    const action = planDunning(input).actions.find((a) => a.level === level);
    if (action) return action;
  }
  throw apiError.precondition(`Level ${level} of policy ${policy.id} is never reached by a sample invoice; check its days.`);
}

/** What a preview returns: the letter as PDF and as text, and what it is. */
export interface LetterPreview {
  pdf: Uint8Array;
  text: string;
  title: string;
  letterDate: CalendarDate;
  total: string;
  usesTemplate: 'draft' | 'saved' | 'none';
}

/**
 * Renders the letter of a level for a kind of debtor in a language, as of `asOf`.
 *
 * @example
 * ```ts
 * const p = await letterPreview(db, { companyId, level: 3, kind: 'business', language: 'nl', asOf: '2025-03-15' });
 * ```
 */
export async function letterPreview(
  db: Database,
  o: { companyId: string; level: number; kind: 'business' | 'consumer'; language: DocumentLanguage; asOf: CalendarDate; draft?: LetterTemplateText },
): Promise<LetterPreview> {
  const company = await loadCompany(db, o.companyId);
  if (!company) throw apiError.notFound('company', o.companyId);
  const policy = policyFor(company, o.kind);
  const action = sampleAction(policy, o.level, o.asOf, company.id);
  const identity = company.settings.identity;
  const row = company as unknown as { address?: { street: string; postalCode: string; city: string } | null; email?: string | null };
  const address = identity?.address ?? row.address ?? undefined;
  const missing = [!company.iban && 'an IBAN', !address && 'a sender postal address'].filter(Boolean);
  if (missing.length > 0) throw apiError.precondition(`A letter needs the company's ${missing.join(' and ')}; set ${missing.length > 1 ? 'them' : 'it'} first (company details, dunning settings).`);
  const email = identity?.email ?? row.email ?? undefined;
  const sender: CompanyIdentity = {
    name: company.legalName,
    country: company.country,
    iban: company.iban!,
    ...(company.bic && { bic: company.bic }),
    ...(company.vatNumber && { vatNumber: company.vatNumber }),
    ...(company.enterpriseNumber && (company.country === 'BE' ? { enterpriseNumber: company.enterpriseNumber } : { kvkNumber: company.enterpriseNumber })),
    address: { ...address!, country: company.country },
    ...(email && { email }),
    ...(identity?.phone && { phone: identity.phone }),
  };
  const lang = o.language;
  const number = SAMPLE.invoice[lang];
  const dueDate = action.facts.items[0]!.dueDate;
  const priced = priceClaims(action, { country: company.country, debtorKind: o.kind, dueDates: { 'sample-invoice': dueDate } });
  const saved = o.draft ? undefined : await letterTemplateFor(db, company.id, o.level, lang);
  const template = o.draft ?? (saved ? { subject: saved.subject, body: saved.body } : undefined);
  const payBy = action.facts.items.flatMap((f) => f.gates.map((g) => g.payWithoutCostsUntil)).filter((d): d is string => !!d).sort().pop() ?? addDays(o.asOf, 14);
  const letter: ReminderLetterInput = {
    ...letterLevelFor(policy, o.level),
    jurisdiction: company.country,
    debtorKind: o.kind,
    channel: action.channel,
    letterDate: o.asOf,
    letterReference: `${action.levelKey}-${number}`,
    company: sender,
    debtor: { name: SAMPLE[o.kind][lang], language: lang, address: { ...SAMPLE.address[company.country], country: company.country } },
    items: [{ number, issueDate: addDays(dueDate, -30), dueDate, amount: SAMPLE_TOTAL, openAmount: action.facts.items[0]!.amountToRemind, description: SAMPLE.description[lang] }],
    claims: priced.claims.map((c) => ({ kind: c.kind, mode: c.mode, amount: c.amount, ...(c.itemId && { itemNumber: number }) })),
    interest: priced.interest.map((s) => ({ itemNumber: number, segments: s.segments, total: s.total })),
    payBy,
    ...(identity?.signature && { signatory: identity.signature }),
    ...(template && { template }),
  };
  const model = reminderLetterModel(letter);
  return {
    pdf: await renderReminderLetterPdf(letter),
    text: renderReminderLetterText(letter),
    title: model.title,
    letterDate: o.asOf,
    total: model.amounts.total.toFixed(2),
    usesTemplate: o.draft ? 'draft' : saved ? 'saved' : 'none',
  };
}

import { fail } from '../errors/fail.js';
import type { ClaimKind } from './claim-law.js';
import type { DunningAction, DunningClaim } from './plan-types.js';
import type { DunningChannel } from './policy-types.js';

/**
 * The languages explanations are written in.
 *
 * @example
 * ```ts
 * explainAction(action, 'fr' satisfies ExplainLanguage);
 * ```
 */
export type ExplainLanguage = 'nl' | 'fr' | 'en';

interface Words {
  level: string;
  colon: string;
  by: Record<DunningChannel, string>;
  forInvoices: (ids: string) => string;
  before: string;
  after: string;
  days: (n: number) => string;
  dueDate: string;
  previous: (level: number) => string;
  onDueDate: string;
  sent: (dates: string) => string;
  dueSince: (date: string) => string;
  amount: (amount: string, currency: string) => string;
  claims: string;
  claim: Record<ClaimKind, string>;
  announced: string;
  withheld: string;
  perInvoice: string;
  final: { 'formal-notice': string; 'collection-agency': string };
}

const WORDS: Record<ExplainLanguage, Words> = {
  en: {
    level: 'Level',
    colon: ':',
    by: { email: 'by e-mail', letter: 'by letter', 'registered-letter': 'by registered letter', 'phone-task': 'as a phone call' },
    forInvoices: (ids) => `for ${ids}`,
    before: 'before',
    after: 'after',
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
    dueDate: 'the due date',
    previous: (l) => `level ${l}`,
    onDueDate: 'on the due date',
    sent: (d) => `sent ${d}`,
    dueSince: (d) => `due since ${d}`,
    amount: (a, c) => `Amount: ${a} ${c}`,
    claims: 'Claims',
    claim: { interest: 'late-payment interest', 'fixed-compensation': 'fixed compensation', bik: 'collection costs (BIK)', damages: 'flat damages (Book XIX)', 'reminder-fee': 'reminder fee' },
    announced: 'announced',
    withheld: 'withheld',
    perInvoice: 'per invoice',
    final: { 'formal-notice': 'formal notice', 'collection-agency': 'handover to a collection agency' },
  },
  nl: {
    level: 'Niveau',
    colon: ':',
    by: { email: 'per e-mail', letter: 'per brief', 'registered-letter': 'per aangetekende brief', 'phone-task': 'als telefoontje' },
    forInvoices: (ids) => `voor ${ids}`,
    before: 'voor',
    after: 'na',
    days: (n) => `${n} ${n === 1 ? 'dag' : 'dagen'}`,
    dueDate: 'de vervaldag',
    previous: (l) => `niveau ${l}`,
    onDueDate: 'op de vervaldag',
    sent: (d) => `verstuurd op ${d}`,
    dueSince: (d) => `te versturen sinds ${d}`,
    amount: (a, c) => `Bedrag: ${a} ${c}`,
    claims: 'Gevorderd',
    claim: { interest: 'verwijlintrest / wettelijke rente', 'fixed-compensation': 'forfaitaire vergoeding', bik: 'buitengerechtelijke incassokosten', damages: 'schadebeding (Boek XIX)', 'reminder-fee': 'aanmaningskosten' },
    announced: 'aangekondigd',
    withheld: 'tegengehouden',
    perInvoice: 'per factuur',
    final: { 'formal-notice': 'ingebrekestelling', 'collection-agency': 'overdracht aan een incassobureau' },
  },
  fr: {
    level: 'Niveau',
    colon: ' :',
    by: { email: 'par e-mail', letter: 'par lettre', 'registered-letter': 'par lettre recommandée', 'phone-task': 'par appel téléphonique' },
    forInvoices: (ids) => `pour ${ids}`,
    before: 'avant',
    after: 'après',
    days: (n) => `${n} ${n === 1 ? 'jour' : 'jours'}`,
    dueDate: "l'échéance",
    previous: (l) => `le niveau ${l}`,
    onDueDate: "à l'échéance",
    sent: (d) => `envoyé le ${d}`,
    dueSince: (d) => `à envoyer depuis le ${d}`,
    amount: (a, c) => `Montant : ${a} ${c}`,
    claims: 'Réclamé',
    claim: { interest: 'intérêts de retard', 'fixed-compensation': 'indemnité forfaitaire', bik: 'frais de recouvrement (BIK)', damages: 'clause pénale (Livre XIX)', 'reminder-fee': 'frais de rappel' },
    announced: 'annoncé',
    withheld: 'retenu',
    perInvoice: 'par facture',
    final: { 'formal-notice': 'mise en demeure', 'collection-agency': 'transfert à une agence de recouvrement' },
  },
};

function claimText(w: Words, c: DunningClaim): string {
  let t = w.claim[c.kind];
  if (c.amount !== undefined) t += ` ${c.amount}${c.per === 'invoice' ? ` ${w.perInvoice}` : ''}`;
  if (c.mode === 'announce') t += ` (${w.announced})`;
  if (c.status === 'blocked') t += ` (${w.withheld}: ${c.blockedBecause ?? ''})`;
  return t;
}

/**
 * A short sentence that explains an action to a person, in Dutch, French or English: the level,
 * the channel, the items, the rule with the date of the previous reminder, the amount and the
 * claims.
 *
 * @example
 * ```ts
 * explainAction(action, 'en');
 * // "Level 3 (second-reminder) by letter for F-1: 14 days after level 2 (sent 2025-04-02);
 * //  due since 2025-04-16. Amount: 1210.00 EUR. Claims: late-payment interest; fixed compensation 40.00 per invoice."
 * ```
 */
export function explainAction(action: DunningAction, lang: ExplainLanguage): string {
  const w = WORDS[lang];
  if (w === undefined) return fail('INVALID_ARGUMENT', 'lang', `must be nl, fr or en, got ${String(lang)}`);
  const { from, days } = action.rule.offset;
  let when: string;
  if (from === 'previous-level') {
    const dates = [...new Set(action.facts.items.flatMap((i) => (i.previous ? [i.previous.sentOn] : [])))].sort();
    when = `${w.days(days)} ${w.after} ${w.previous(action.level - 1)}${dates.length > 0 ? ` (${w.sent(dates.join(', '))})` : ''}`;
  } else {
    when = days === 0 ? w.onDueDate : `${w.days(Math.abs(days))} ${days < 0 ? w.before : w.after} ${w.dueDate}`;
  }
  const head = `${w.level} ${action.level} (${action.final ? w.final[action.final] : action.levelKey}) ${w.by[action.channel]} ${w.forInvoices(action.itemIds.join(', '))}`;
  let sentence = `${head}${w.colon} ${when}; ${w.dueSince(action.dueOn)}. ${w.amount(action.amount, action.currency)}.`;
  if (action.claims.length > 0) sentence += ` ${w.claims}${w.colon} ${action.claims.map((c) => claimText(w, c)).join('; ')}.`;
  return sentence;
}

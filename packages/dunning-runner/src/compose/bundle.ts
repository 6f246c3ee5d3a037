import { addDays, fromCents, type DunningAction, type DunningPolicy } from '@fact/core';
import type { Executor } from '@fact/db';
import { letterLevelFor, reminderLetterModel, type CompanyIdentity, type DocumentLanguage, type ReminderLetterInput } from '@fact/documents';
import type { CompanyRow } from '../facts/company-plan.js';
import type { SenderIdentity } from '../settings/runner-settings.js';
import { priceClaims, type PricedClaims } from './claims.js';
import { loadComposeData, templateKey, type ComposeData } from './compose-data.js';
import { invoiceFiles, invoicePdfInput } from './invoice-docs.js';
import { inlineRenderer, type Renderer } from './renderer.js';

/** Everything one send needs: the letter, its text, the invoices' PDF and UBL, the addressee. */
export interface SendBundle {
  companyId: string;
  debtorId: string;
  language: DocumentLanguage;
  from: { name: string; address: string };
  replyTo?: string;
  to: string | undefined;
  subject: string;
  text: string;
  letterPdf: Uint8Array;
  letterFileName: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  priced: PricedClaims;
  letter: ReminderLetterInput;
  invoiceNumbers: Record<string, string>;
}

/** A send that cannot be composed (missing sender identity, a letter the law refuses…). */
export class ComposeError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

const SUBJECT: Record<DocumentLanguage, Record<'reminder' | 'formal-notice' | 'final-notice', string>> = {
  nl: { reminder: 'Herinnering', 'formal-notice': 'Ingebrekestelling', 'final-notice': 'Laatste aanmaning' },
  fr: { reminder: 'Rappel', 'formal-notice': 'Mise en demeure', 'final-notice': 'Dernier rappel' },
  en: { reminder: 'Reminder', 'formal-notice': 'Formal notice', 'final-notice': 'Final notice' },
};
const INVOICE_WORD: Record<DocumentLanguage, string> = { nl: 'factuur', fr: 'facture', en: 'invoice' };

function language(value: string | null | undefined): DocumentLanguage {
  return value === 'nl' || value === 'fr' ? value : 'en';
}

/** The title printed on the letter (a template's subject, filled with the letter's facts). */
function letterTitle(letter: ReminderLetterInput): string {
  const block = reminderLetterModel(letter).blocks.find((b) => b.kind === 'title');
  return block && 'text' in block ? block.text : '';
}

/** The company as it signs: its own identity, never a default or another company's. */
export function companyIdentity(company: CompanyRow, identity: SenderIdentity | undefined): CompanyIdentity {
  if (!identity?.address) throw new ComposeError('sender-identity-incomplete', `company ${company.id}: runner.identity.address is not set`);
  if (!company.iban) throw new ComposeError('sender-identity-incomplete', `company ${company.id}: no IBAN`);
  return {
    name: company.legalName,
    country: company.country,
    iban: company.iban,
    ...(company.bic && { bic: company.bic }),
    ...(company.vatNumber && { vatNumber: company.vatNumber }),
    ...(company.enterpriseNumber && (company.country === 'BE' ? { enterpriseNumber: company.enterpriseNumber } : { kvkNumber: company.enterpriseNumber })),
    address: { ...identity.address, country: company.country },
    email: identity.email,
    ...(identity.phone && { phone: identity.phone }),
  };
}

/**
 * Composes one reminder: prices the claims, renders the letter (PDF and text, in the debtor's
 * language) and the invoices (PDF and UBL), and addresses it from the company's identity to the
 * debtor's billing contact. `data` is what the deliver phase read for its whole batch (read here
 * when absent); `renderer` renders in worker threads when the runner has a pool.
 *
 * @example
 * ```ts
 * const bundle = await composeSend(db, company, identity, policy, 'business', action);
 * ```
 */
export async function composeSend(
  ex: Executor,
  company: CompanyRow,
  identity: SenderIdentity | undefined,
  policy: DunningPolicy,
  debtorKind: 'business' | 'consumer',
  action: DunningAction,
  options: { attachInvoices?: boolean; data?: ComposeData; renderer?: Renderer } = {},
): Promise<SendBundle> {
  const attach = options.attachInvoices !== false;
  const data = options.data ?? (await loadComposeData(ex, company.id, [action], attach));
  const debtor = data.debtors.get(action.debtorId);
  if (!debtor) throw new ComposeError('debtor-missing', `debtor ${action.debtorId} not found`);
  const contacts = data.contacts.get(debtor.id) ?? [];
  const contact = contacts.find((c) => c.email && c.role === 'billing') ?? contacts.find((c) => c.email);
  const lang = language(contact?.language ?? debtor.language);
  const invoices = action.itemIds.flatMap((id) => data.invoices.get(id) ?? []);
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const sender = companyIdentity(company, identity);
  const priced = priceClaims(action, { country: company.country, debtorKind, dueDates: Object.fromEntries(invoices.map((i) => [i.id, i.dueDate])) });
  const number = (id: string) => byId.get(id)?.number ?? id;
  const kind = letterLevelFor(policy, action.level);
  // The company's wording for this level and language replaces the built-in one (never the amounts or the legal text).
  const template = data.templates.get(templateKey(action.level, lang));
  const payBy = action.facts.items.flatMap((f) => f.gates.map((g) => g.payWithoutCostsUntil)).filter((d): d is string => !!d).sort().pop() ?? addDays(action.facts.asOf, 14);
  const letter: ReminderLetterInput = {
    ...kind,
    jurisdiction: company.country,
    debtorKind,
    channel: action.channel,
    letterDate: action.facts.asOf,
    letterReference: `${action.levelKey}-${action.itemIds.map(number).join('-')}`.slice(0, 60),
    company: sender,
    debtor: {
      name: debtor.name,
      language: lang,
      ...(contact?.name && { attention: contact.name }),
      address: { street: debtor.street ?? '', postalCode: debtor.postalCode ?? '', city: debtor.city ?? '', country: debtor.country },
      ...(debtor.vatNumber && { vatNumber: debtor.vatNumber }),
      ...(debtor.externalRef && { customerNumber: debtor.externalRef }),
    },
    items: action.facts.items.map((f) => {
      const inv = byId.get(f.itemId);
      return {
        number: number(f.itemId),
        issueDate: inv?.issueDate ?? f.dueDate,
        dueDate: f.dueDate,
        amount: inv ? fromCents(inv.totalCents).toFixed(2) : f.openAmount,
        openAmount: f.amountToRemind,
      };
    }),
    claims: priced.claims.map((c) => ({ kind: c.kind, mode: c.mode, amount: c.amount, ...(c.itemId && { itemNumber: number(c.itemId) }) })),
    interest: priced.interest.map((s) => ({ itemNumber: number(s.itemId), segments: s.segments, total: s.total })),
    ...(action.itemIds.length === 1 && byId.get(action.itemIds[0]!)?.paymentReference ? { paymentReference: byId.get(action.itemIds[0]!)!.paymentReference! } : {}),
    payBy,
    ...(identity?.signature && { signatory: identity.signature }),
    ...(template && { template }),
  };
  const documented = attach ? invoices : [];
  const rendered = await (options.renderer ?? inlineRenderer).render({
    letter,
    invoices: documented.map((inv) => invoicePdfInput(company, sender, debtor, inv, data.lines.get(inv.id) ?? [], lang)),
  });
  if (!rendered.ok) throw new ComposeError('letter-refused', rendered.letterRefused);
  const word = action.final === 'formal-notice' ? 'formal-notice' : action.final === 'collection-agency' ? 'final-notice' : 'reminder';
  const numbers = action.itemIds.map(number).join(', ');
  const attachments = documented.flatMap((inv, k) => invoiceFiles(inv, data.lines.get(inv.id) ?? [], sender, debtor, rendered.invoicePdfs[k]!));
  const text = rendered.letterText;
  return {
    companyId: company.id,
    debtorId: debtor.id,
    language: lang,
    from: { name: identity?.name ?? company.legalName, address: identity!.email },
    ...(identity?.replyTo && { replyTo: identity.replyTo }),
    to: contact?.email ?? undefined,
    // With a template the e-mail subject is its own (filled, as printed on the letter) and names the company.
    subject: `${template ? letterTitle(letter) : `${SUBJECT[lang][word]}: ${INVOICE_WORD[lang]} ${numbers}`} – ${company.legalName}`,
    text: identity?.signature ? `${text}\n\n-- \n${identity.signature}\n` : text,
    letterPdf: rendered.letterPdf,
    letterFileName: `${SUBJECT[lang][word].toLowerCase().replace(/\s+/g, '-')}-${action.itemIds.map(number).join('-')}.pdf`.slice(0, 120),
    attachments,
    priced,
    letter,
    invoiceNumbers: Object.fromEntries(action.itemIds.map((id) => [id, number(id)])),
  };
}

import { EU_FIXED_COMPENSATION_EUR, epcQrPayload, formatBeEnterpriseNumber, formatIban, parsePaymentReference, parseVatNumber, type ClaimKind } from '@fact/core';
import type { Block, DocumentModel } from '../layout/blocks.js';
import { companyFooter, partyLines } from '../parties/party-lines.js';
import { epcQrMatrix } from '../qr/epc-qr-matrix.js';
import { countryName } from '../text/countries.js';
import { formatDate } from '../text/format-date.js';
import { formatMoney } from '../text/format-money.js';
import { invoiceTexts } from '../text/invoice-texts.js';
import { letterTexts } from '../text/letters/letter-texts.js';
import type { LetterFacts } from '../text/letters/types.js';
import { documentLocale, type DocumentLocale } from '../text/locale.js';
import { checkReminderLetter, type CheckedAmounts } from './check-letter.js';
import { interestStatementBlocks } from './interest-statement.js';
import { checkLetterTemplate, fillLetterTemplate } from './template.js';
import type { ReminderLetterInput } from './types.js';

function companyNumber(input: ReminderLetterInput): string | undefined {
  const c = input.company;
  if (c.enterpriseNumber) return formatBeEnterpriseNumber(c.enterpriseNumber, 'company.enterpriseNumber');
  if (c.kvkNumber) return c.kvkNumber;
  const vat = c.vatNumber ? parseVatNumber(c.vatNumber, 'company.vatNumber') : undefined;
  return vat?.country === 'BE' ? formatBeEnterpriseNumber(vat.vatNumber.slice(2)) : undefined;
}

function facts(input: ReminderLetterInput, amounts: CheckedAmounts, locale: DocumentLocale): LetterFacts {
  const claims = input.claims ?? [];
  const firstDue = [...input.items].map((i) => i.dueDate).sort()[0] ?? input.payBy;
  const number = companyNumber(input);
  const contact = [input.company.email, input.company.phone].filter(Boolean).join(', ');
  return {
    jurisdiction: input.jurisdiction,
    consumer: input.debtorKind === 'consumer',
    level: input.level,
    ...(input.statutoryLetter ? { statutory: input.statutoryLetter } : {}),
    company: input.company.name,
    ...(number ? { companyNumber: number } : {}),
    invoiceCount: input.items.length,
    firstDueDate: formatDate(firstDue, locale, 'long'),
    openTotal: formatMoney(amounts.openTotal, locale),
    total: formatMoney(amounts.total, locale),
    payBy: formatDate(input.payBy, locale, 'long'),
    announced: claims.filter((c) => c.mode === 'announce').map((c) => ({ kind: c.kind, amount: formatMoney(c.amount, locale, 'claims.amount') })),
    claimed: [...new Set<ClaimKind>(claims.filter((c) => c.mode === 'claim').map((c) => c.kind))],
    fixedCompensation: formatMoney(EU_FIXED_COMPENSATION_EUR, locale),
    ...(contact ? { contact } : {}),
  };
}

/** The company's template, checked and filled with this letter's facts (the same formatting as the generated text). */
function ownWording(input: ReminderLetterInput, f: LetterFacts, locale: DocumentLocale): { subject: string; paragraphs: string[] } {
  const checked = checkLetterTemplate(input.template!);
  return fillLetterTemplate(checked, {
    debtorName: input.debtor.name,
    companyName: input.company.name,
    invoiceNumbers: input.items.map((i) => i.number).join(', '),
    amountDue: f.total,
    openAmount: f.openTotal,
    dueDate: f.firstDueDate,
    letterDate: formatDate(input.letterDate, locale, 'long'),
  });
}

/**
 * Builds the document model of a reminder letter at any dunning level, in the debtor's
 * language: sender and addressee, date and references, the level's wording, the invoices, the
 * claims and the total, the legal paragraphs (Book XIX free first reminder, Dutch 14-day letter,
 * B2B statutory interest and €40, formal notice), the payment block with EPC QR code, and the
 * interest statement per segment. Checks everything first ({@link checkReminderLetter}). With a
 * `template`, its subject is the title and its paragraphs replace the salutation, introduction
 * and closing; everything the law or the amounts need is still generated.
 *
 * @example
 * ```ts
 * const model = reminderLetterModel(input);
 * model.title; // "Ingebrekestelling – 2025-0042"
 * ```
 */
export function reminderLetterModel(input: ReminderLetterInput): DocumentModel & { readonly amounts: CheckedAmounts } {
  const amounts = checkReminderLetter(input);
  const language = input.debtor.language;
  const locale = documentLocale(language, input.jurisdiction);
  const t = letterTexts(language);
  const labels = invoiceTexts(language);
  const f = facts(input, amounts, locale);
  const country = (code: string) => countryName(code, language);
  const own = input.template ? ownWording(input, f, locale) : undefined;
  const title = own?.subject ?? t.title(f);
  const claims = input.claims ?? [];

  const meta: [string, string][] = [[t.date, formatDate(input.letterDate, locale, 'long', 'letterDate')]];
  if (input.letterReference) meta.push([t.ourReference, input.letterReference]);
  if (input.debtor.customerNumber) meta.push([t.customerNumber, input.debtor.customerNumber]);

  const withDescription = input.items.some((i) => i.description);
  const ic = t.itemColumns;
  const itemsTable: Block = {
    kind: 'table',
    columns: [
      { header: ic.number, weight: 3 },
      ...(withDescription ? [{ header: ic.description, weight: 5 }] : []),
      { header: ic.issueDate, weight: 2.4 },
      { header: ic.dueDate, weight: 2.6 },
      { header: ic.amount, weight: 3, align: 'right' as const },
      { header: ic.open, weight: 3, align: 'right' as const },
    ],
    rows: input.items.map((item, i) => [
      item.number,
      ...(withDescription ? [item.description ?? ''] : []),
      formatDate(item.issueDate, locale),
      formatDate(item.dueDate, locale),
      formatMoney(item.amount, locale, `items[${i}].amount`),
      formatMoney(item.openAmount, locale, `items[${i}].openAmount`),
    ]),
    totals: [[t.openTotal, ...(withDescription ? [''] : []), '', '', '', f.openTotal]],
  };

  const charged = claims.filter((c) => c.mode === 'claim');
  const claimsTable: Block[] = charged.length === 0 ? [] : [{
    kind: 'table',
    columns: [{ header: t.claimColumns.claim, weight: 8 }, { header: t.claimColumns.invoice, weight: 3 }, { header: t.claimColumns.amount, weight: 3, align: 'right' }],
    rows: [[t.openTotal, '', f.openTotal], ...charged.map((c) => [t.claimLabel(c.kind, input.jurisdiction), c.itemNumber ?? '', formatMoney(c.amount, locale)])],
    totals: [[t.totalToPay, '', f.total]],
  }];

  const reference = input.paymentReference ? parsePaymentReference(input.paymentReference, 'paymentReference') : undefined;
  const payLines = [t.payment, t.payRequest(f), t.account(formatIban(input.company.iban, 'company.iban'), input.company.bic)];
  if (reference) payLines.push(t.reference(reference.printed));
  const payload = epcQrPayload({
    name: [...input.company.name].slice(0, 70).join(''),
    iban: input.company.iban,
    ...(input.company.bic ? { bic: input.company.bic } : {}),
    amount: amounts.total,
    ...(reference ? { reference: reference.electronic } : { text: input.items.map((i) => i.number).join(' ').slice(0, 140) }),
  });

  const registered = input.channel === 'registered-letter';
  const blocks: Block[] = [
    { kind: 'parties', left: partyLines(input.company, labels, 'company', country), right: [...(registered ? [t.registered.toUpperCase()] : []), ...partyLines(input.debtor, labels, 'debtor', country)] },
    { kind: 'facts', rows: meta },
    { kind: 'title', text: title },
    ...(own ? own.paragraphs : [t.salutation, t.intro(f)]).map((text) => ({ kind: 'paragraph', text }) as const),
    itemsTable,
    ...claimsTable,
    ...t.legal(f).map((text) => ({ kind: 'paragraph', text }) as const),
    { kind: 'payment', lines: payLines, qr: epcQrMatrix(payload), qrCaption: t.qrCaption },
    ...(own ? [] : [{ kind: 'paragraph', text: t.closing(f) } as const]),
    { kind: 'paragraph', text: t.regards },
    { kind: 'paragraph', text: input.signatory ? `${input.signatory}\n${input.company.name}` : input.company.name, emphasis: 'bold' },
    ...interestStatementBlocks(input.interest ?? [], t, locale),
  ];
  const subjectRef = input.letterReference ?? input.items.map((i) => i.number).join(', ');
  return {
    title: `${title} – ${subjectRef}`,
    author: input.company.name,
    subject: `${title} – ${input.debtor.name}`,
    language: locale === 'en' ? 'en' : locale,
    date: input.letterDate,
    blocks,
    footer: companyFooter(input.company, labels),
    pageLabel: t.page,
    amounts,
  };
}

import type { ClaimKind, DunningJurisdiction } from '@fact/core';
import { announcedList } from './announce.js';
import type { LetterFacts, LetterTexts } from './types.js';

const invoices = (f: LetterFacts) => (f.invoiceCount === 1 ? 'the invoice below' : 'the invoices below');
const one = (f: LetterFacts, singular: string, plural: string) => (f.invoiceCount === 1 ? singular : plural);

function claimLabel(kind: ClaimKind, j: DunningJurisdiction): string {
  switch (kind) {
    case 'interest':
      return j === 'NL' ? 'Statutory interest' : 'Late-payment interest';
    case 'fixed-compensation':
      return 'Fixed compensation for recovery costs';
    case 'bik':
      return 'Extrajudicial collection costs';
    case 'damages':
      return 'Fixed damages';
    case 'reminder-fee':
      return 'Reminder fee';
  }
}

function legal(f: LetterFacts): string[] {
  const out: string[] = [];
  const lower = (k: ClaimKind) => claimLabel(k, f.jurisdiction).toLowerCase();
  if (f.statutory === 'book-xix-free-first-reminder') {
    out.push(
      `This first reminder is free of charge. You have 14 calendar days to pay the balance of ${f.openTotal} without any additional costs. This period starts on the third working day after this reminder is posted, or on the day after it is sent by e-mail. Please pay by ${f.payBy} at the latest.`,
      `If you do not pay within this period, we will charge ${announcedList(f, lower, 'and')} (Book XIX of the Belgian Code of Economic Law).`,
      'Within this period you may ask us for the documents supporting the debt, dispute the debt or ask for a payment plan. You can contact us using the details at the bottom of this letter.',
      `Creditor: ${f.company}${f.companyNumber ? `, enterprise number ${f.companyNumber}` : ''}.`,
    );
  }
  if (f.statutory === 'nl-14-day-letter') {
    out.push(
      `We ask you to pay the balance of ${f.openTotal} within 14 days from the day after receipt of this letter.`,
      `If you do not pay within this period, you will owe, in addition to the balance: ${announcedList(f, lower, 'and')}. The extrajudicial collection costs are calculated under the Dutch scale (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 6:96 Dutch Civil Code).`,
    );
  } else if (f.announced.length > 0 && f.statutory === undefined) {
    out.push(`If we have not received your payment by ${f.payBy}, we will charge ${announcedList(f, lower, 'and')}.`);
  }
  const claimsInterest = f.claimed.includes('interest');
  if (!f.consumer && (claimsInterest || f.claimed.includes('fixed-compensation') || f.claimed.includes('bik'))) {
    out.push(
      f.jurisdiction === 'NL'
        ? 'Under art. 6:119a of the Dutch Civil Code, statutory commercial interest is due from the day after the due date, and under art. 6:96 extrajudicial collection costs (at least €40.00). The calculation is shown in the statement below.'
        : `Under the Belgian Law of 2 August 2002 on combating late payment in commercial transactions, late-payment interest is due by operation of law and without notice from the day after the due date, together with a fixed compensation of ${f.fixedCompensation} per unpaid invoice. The calculation is shown in the statement below.`,
    );
  } else if (f.consumer && claimsInterest) {
    out.push(f.jurisdiction === 'NL' ? 'Statutory interest is due from the date of default (art. 6:119 Dutch Civil Code). The calculation is shown in the statement below.' : 'Interest is due since the free period of the first reminder ended (Book XIX Belgian Code of Economic Law). The calculation is shown in the statement below.');
  }
  if (f.level === 'formal-notice' || f.level === 'final-notice') {
    out.push(
      f.jurisdiction === 'NL'
        ? `This letter is a formal notice of default (ingebrekestelling, art. 6:82 Dutch Civil Code). If you do not pay the total by ${f.payBy}, you will be in default.`
        : `This letter constitutes formal notice of default (ingebrekestelling / mise en demeure). We ask you to pay the total by ${f.payBy}.`,
    );
  }
  if (f.level === 'final-notice') {
    out.push(`This is our final notice. If we have not received your payment by ${f.payBy}, we will hand the claim over to a collection agency, bailiff or lawyer without further notice. Their costs will be charged to you within the limits of the law.`);
  }
  return out;
}

/** English wording. */
export const en: LetterTexts = {
  title: (f) => {
    if (f.statutory === 'book-xix-free-first-reminder') return 'First reminder (free of charge)';
    if (f.statutory === 'nl-14-day-letter') return 'Final reminder without costs (fourteen-day letter)';
    return { 'pre-due': 'Friendly reminder', 'first-reminder': 'Reminder', 'second-reminder': 'Second reminder', 'formal-notice': 'Formal notice of default', 'final-notice': 'Final notice before collection' }[f.level];
  },
  registered: 'By registered mail',
  date: 'Date',
  ourReference: 'Our reference',
  customerNumber: 'Customer number',
  salutation: 'Dear Sir or Madam,',
  intro: (f) =>
    ({
      'pre-due': `This is a friendly reminder that ${invoices(f)} ${one(f, 'falls', 'fall')} due on ${f.firstDueDate}, so that you can plan the payment.`,
      'first-reminder': `According to our records, ${invoices(f)} ${one(f, 'has', 'have')} not yet been paid in full, although the due date has passed. Perhaps this has escaped your attention.`,
      'second-reminder': `Despite our reminder, we have not yet received your payment of ${invoices(f)}.`,
      'formal-notice': `Despite our reminders, ${invoices(f)} ${one(f, 'remains', 'remain')} unpaid. We hereby give you formal notice of default.`,
      'final-notice': `Despite our formal notice, we have still not received your payment of ${invoices(f)}.`,
    })[f.level],
  itemColumns: { number: 'Invoice', description: 'Description', issueDate: 'Date', dueDate: 'Due date', amount: 'Amount', open: 'Open' },
  openTotal: 'Balance due',
  claimLabel,
  claimColumns: { claim: 'Claim', invoice: 'Invoice', amount: 'Amount' },
  totalToPay: 'Total to pay',
  legal,
  payment: 'Payment',
  payRequest: (f) =>
    f.statutory === 'nl-14-day-letter'
      ? `Please pay ${f.total} within 14 days from the day after receipt of this letter.`
      : `Please pay ${f.total} by ${f.payBy} at the latest.`,
  account: (iban, bic) => `Account: IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Payment reference: ${r}`,
  qrCaption: 'Scan to pay',
  closing: (f) =>
    f.level === 'pre-due'
      ? 'If you have already paid, thank you, and please disregard this message.'
      : `If you have paid in the meantime, thank you, and please disregard this letter. If you have any questions, please contact us${f.contact ? ` at ${f.contact}` : ''}.`,
  regards: 'Yours faithfully,',
  statement: 'Statement of interest and costs',
  statementIntro: 'Per period with the same base and rate: base × rate × days / days in the year, rounded to the cent.',
  statementColumns: { invoice: 'Invoice', from: 'From', to: 'To (incl.)', days: 'Days', base: 'Base', rate: 'Rate', interest: 'Interest' },
  statementTotal: 'Total interest',
  page: (p, n) => `Page ${p}/${n}`,
};

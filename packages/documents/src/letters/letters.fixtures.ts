// Letter inputs shared by the letter tests, with every amount computed by @fact/core.
import { beCommercialRates, bikAmount, bookXixDamagesCap, lateInterest } from '@fact/core';
import { beBusiness, beCompany, beConsumer, nlBusiness, nlCompany, nlConsumer } from '../test-support/fixtures.js';
import type { DocumentLanguage } from '../text/locale.js';
import type { LetterLevel, ReminderLetterInput } from './types.js';

/** 1,234.56 due 15 Dec 2024, interest to 2 May 2025 at the Belgian B2B rates (reference.md §1.2: 12.50 % H2 2024, 11.50 % H1 2025). */
export const beInterest = lateInterest({ principal: '1234.56', dueDate: '2024-12-15', until: '2025-05-02', rateTable: beCommercialRates, method: 'simple' });

export function beB2bLetter(language: DocumentLanguage, level: LetterLevel = 'formal-notice'): ReminderLetterInput {
  const claiming = level === 'formal-notice' || level === 'final-notice';
  return {
    level,
    jurisdiction: 'BE',
    debtorKind: 'business',
    channel: level === 'formal-notice' ? 'registered-letter' : 'letter',
    letterDate: '2025-05-02',
    letterReference: 'AL-2025-0099',
    company: beCompany,
    debtor: { ...beBusiness, language, customerNumber: 'C-0042' },
    items: [{ number: '2024-0815', issueDate: '2024-11-15', dueDate: '2024-12-15', amount: '1234.56', openAmount: '1234.56' }],
    claims: claiming
      ? [
          { kind: 'interest', mode: 'claim', amount: beInterest.total, itemNumber: '2024-0815' },
          { kind: 'fixed-compensation', mode: 'claim', amount: '40.00', itemNumber: '2024-0815' },
        ]
      : level === 'pre-due'
        ? []
        : [{ kind: 'fixed-compensation', mode: 'announce', amount: '40.00', itemNumber: '2024-0815' }],
    interest: claiming ? [{ itemNumber: '2024-0815', segments: beInterest.segments, total: beInterest.total }] : [],
    paymentReference: '+++240/2838/42818+++',
    payBy: '2025-05-16',
    signatory: 'Els Peeters',
  };
}

/** Book XIX: damages on a balance of €300 are at most €45 (reference.md §3 example table). */
export function bookXixLetter(language: DocumentLanguage): ReminderLetterInput {
  return {
    level: 'first-reminder',
    statutoryLetter: 'book-xix-free-first-reminder',
    jurisdiction: 'BE',
    debtorKind: 'consumer',
    channel: 'letter',
    letterDate: '2024-12-02',
    company: beCompany,
    debtor: { ...beConsumer, language },
    items: [{ number: '2024-0901', issueDate: '2024-11-01', dueDate: '2024-11-15', amount: '300.00', openAmount: '300.00', description: 'Restauratie staande lamp' }],
    claims: [{ kind: 'damages', mode: 'announce', amount: bookXixDamagesCap('300').amount }],
    paymentReference: '240283842818',
    // Posted Monday 2 Dec 2024: the period runs 5–18 Dec (reference.md §3 worked example).
    payBy: '2024-12-18',
  };
}

/** NL 14-day letter: BIK on €1,000 is €150 (reference.md §2 table). */
export function fourteenDayLetter(language: DocumentLanguage): ReminderLetterInput {
  return {
    level: 'second-reminder',
    statutoryLetter: 'nl-14-day-letter',
    jurisdiction: 'NL',
    debtorKind: 'consumer',
    channel: 'letter',
    letterDate: '2025-03-03',
    company: nlCompany,
    debtor: { ...nlConsumer, language },
    items: [{ number: 'GW-2025-3', issueDate: '2025-01-20', dueDate: '2025-02-03', amount: '1000.00', openAmount: '1000.00', description: 'Rondvaart' }],
    claims: [{ kind: 'bik', mode: 'announce', amount: bikAmount('1000') }],
    paymentReference: 'RF18539007547034',
    payBy: '2025-03-20',
  };
}

export function nlB2bLetter(language: DocumentLanguage): ReminderLetterInput {
  return {
    level: 'second-reminder',
    jurisdiction: 'NL',
    debtorKind: 'business',
    letterDate: '2025-06-02',
    company: nlCompany,
    debtor: { ...nlBusiness, language },
    items: [
      { number: 'GW-2025-7', issueDate: '2025-03-01', dueDate: '2025-03-31', amount: '1234.56', openAmount: '1234.56' },
      { number: 'GW-2025-9', issueDate: '2025-03-15', dueDate: '2025-04-14', amount: '500.00', openAmount: '250.00' },
    ],
    claims: [{ kind: 'bik', mode: 'announce', amount: bikAmount('1484.56') }],
    payBy: '2025-06-16',
  };
}

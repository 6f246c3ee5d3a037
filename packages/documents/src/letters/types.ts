import type { AmountInput, CalendarDate, ClaimKind, ClaimMode, DunningChannel, DunningDebtorKind, DunningJurisdiction } from '@fact/core';
import type { CompanyIdentity, PartyIdentity } from '../parties/types.js';
import type { DocumentLanguage } from '../text/locale.js';
import type { LetterTemplateText } from './template.js';

/**
 * The five steps of a dunning sequence a letter can be:
 * - `pre-due`: friendly reminder before the due date (vriendelijke herinnering / rappel amical);
 * - `first-reminder`: herinnering / premier rappel (in BE towards consumers: the free Book XIX reminder);
 * - `second-reminder`: tweede herinnering, aanmaning / second rappel (in NL towards consumers: the 14-day letter);
 * - `formal-notice`: ingebrekestelling / mise en demeure;
 * - `final-notice`: laatste aanmaning vóór invordering / dernier avis avant recouvrement.
 */
export type LetterLevel = 'pre-due' | 'first-reminder' | 'second-reminder' | 'formal-notice' | 'final-notice';

/**
 * A letter the law prescribes the contents of:
 * - `book-xix-free-first-reminder`: BE, consumer: the free first reminder of Book XIX CEL (reference.md §3);
 * - `nl-14-day-letter`: NL, consumer: the veertiendagenbrief of art. 6:96 lid 6 BW (reference.md §2).
 */
export type StatutoryLetter = 'book-xix-free-first-reminder' | 'nl-14-day-letter';

/** An invoice the letter is about. */
export interface ReminderItem {
  readonly number: string;
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  /** The invoice total. */
  readonly amount: AmountInput;
  /** What is still open today (after payments and credit notes). */
  readonly openAmount: AmountInput;
  /** What was sold; required in the Book XIX first reminder ("description of the product or service"). */
  readonly description?: string;
}

/** One claim or announced cost: interest, the €40 compensation, BIK, Book XIX damages, a reminder fee. */
export interface ReminderClaim {
  readonly kind: ClaimKind;
  /** `claim`: owed now and added to the total; `announce`: will be charged if the debtor does not pay in time. */
  readonly mode: ClaimMode;
  readonly amount: AmountInput;
  /** The invoice it belongs to, when it is per invoice (the €40 is owed per late invoice). */
  readonly itemNumber?: string;
}

/** One line of an interest statement, as `lateInterest` of `@fact/core` returns it. */
export interface InterestStatementSegment {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly days: number;
  readonly base: AmountInput;
  readonly ratePercent: string;
  readonly amount: AmountInput;
}

/** The interest computed on one invoice: `lateInterest(...)` output fits (`segments`, `total`). */
export interface InterestStatement {
  readonly itemNumber: string;
  readonly segments: readonly InterestStatementSegment[];
  readonly total: AmountInput;
}

/** Everything a reminder letter shows. Amounts are computed by the caller (`@fact/core`); the letter prints and checks them. */
export interface ReminderLetterInput {
  readonly level: LetterLevel;
  /** The legally prescribed letter this one is, if any (see {@link letterLevelFor}). */
  readonly statutoryLetter?: StatutoryLetter;
  /** Whose law governs the claim (the company's policy jurisdiction). */
  readonly jurisdiction: DunningJurisdiction;
  readonly debtorKind: DunningDebtorKind;
  /** How it is sent; a registered letter is marked as such. */
  readonly channel?: DunningChannel;
  /** The date printed on the letter; also the PDF's creation date. */
  readonly letterDate: CalendarDate;
  /** Our reference of this letter, unique per company (printed and in the PDF title). */
  readonly letterReference?: string;
  readonly company: CompanyIdentity;
  readonly debtor: PartyIdentity & { readonly language: DocumentLanguage; readonly customerNumber?: string };
  readonly items: readonly ReminderItem[];
  readonly claims?: readonly ReminderClaim[];
  readonly interest?: readonly InterestStatement[];
  /** A Belgian OGM or RF reference in any form. */
  readonly paymentReference?: string;
  /** The last day to pay. For the NL 14-day letter the term is stated in words as the law requires; this date is then printed as an indication only. */
  readonly payBy: CalendarDate;
  /** The sender's name under the letter. */
  readonly signatory?: string;
  /**
   * The company's own wording (subject and body paragraphs with placeholders), replacing the
   * built-in title, salutation, introduction and closing. The legal paragraphs, the amounts, the
   * payment block and the interest statement stay generated. See {@link checkLetterTemplate}.
   */
  readonly template?: LetterTemplateText;
}

import type { ClaimKind, DunningJurisdiction } from '@fact/core';
import type { LetterLevel, StatutoryLetter } from '../../letters/types.js';

/** The facts a letter's sentences need, already formatted for the reader's locale. */
export interface LetterFacts {
  readonly jurisdiction: DunningJurisdiction;
  readonly consumer: boolean;
  readonly level: LetterLevel;
  readonly statutory?: StatutoryLetter;
  readonly company: string;
  /** Printed enterprise (KBO/BCE) or KvK number of the creditor. */
  readonly companyNumber?: string;
  readonly invoiceCount: number;
  /** The earliest due date among the invoices, long form. */
  readonly firstDueDate: string;
  readonly openTotal: string;
  readonly total: string;
  readonly payBy: string;
  /** Costs that will be charged if the debtor does not pay in time, with their amounts. */
  readonly announced: readonly { readonly kind: ClaimKind; readonly amount: string }[];
  /** Kinds of claim that are charged in this letter. */
  readonly claimed: readonly ClaimKind[];
  /** €40, formatted. */
  readonly fixedCompensation: string;
  readonly contact?: string;
}

/** Every sentence and label of a reminder letter in one language. */
export interface LetterTexts {
  readonly title: (f: LetterFacts) => string;
  readonly registered: string;
  readonly date: string;
  readonly ourReference: string;
  readonly customerNumber: string;
  readonly salutation: string;
  readonly intro: (f: LetterFacts) => string;
  readonly itemColumns: { readonly number: string; readonly description: string; readonly issueDate: string; readonly dueDate: string; readonly amount: string; readonly open: string };
  readonly openTotal: string;
  readonly claimLabel: (kind: ClaimKind, jurisdiction: DunningJurisdiction) => string;
  readonly claimColumns: { readonly claim: string; readonly invoice: string; readonly amount: string };
  readonly totalToPay: string;
  /** The legal paragraphs of the letter: statutory letters, claims and announcements, formal notice. */
  readonly legal: (f: LetterFacts) => string[];
  readonly payment: string;
  readonly payRequest: (f: LetterFacts) => string;
  readonly account: (iban: string, bic: string | undefined) => string;
  readonly reference: (ref: string) => string;
  readonly qrCaption: string;
  readonly closing: (f: LetterFacts) => string;
  readonly regards: string;
  readonly statement: string;
  readonly statementIntro: string;
  readonly statementColumns: { readonly invoice: string; readonly from: string; readonly to: string; readonly days: string; readonly base: string; readonly rate: string; readonly interest: string };
  readonly statementTotal: string;
  readonly page: (page: number, pages: number) => string;
}

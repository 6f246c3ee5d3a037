import type { CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';

/**
 * Who owes the money, for the legal limits on payment terms: a business (B2B), a consumer
 * (B2C) or a public authority (overheid / pouvoir public).
 *
 * @example
 * ```ts
 * const debtorKind: DebtorKind = 'public';
 * checkTermsAgainstLaw({ type: 'net', days: 45 }, { country: 'BE', debtorKind, issueDate: '2025-03-01' });
 * // one warning: capId "BE-PUBLIC-30"
 * ```
 */
export type DebtorKind = 'business' | 'consumer' | 'public';

/**
 * The statutory payment term when none is agreed, in calendar days, per country. Both count
 * from the latest of receipt of the invoice and of the goods or services.
 *
 * @example
 * ```ts
 * STATUTORY_DEFAULT_TERM.BE.days; // 30
 * ```
 */
export const STATUTORY_DEFAULT_TERM: Readonly<Record<Country, { readonly days: number; readonly source: string }>> = {
  BE: { days: 30, source: 'Law of 2 Aug 2002 art. 4 (reference.md §1.2, §10; lexgo.be, mazars.be)' },
  NL: { days: 30, source: 'art. 6:119a lid 2 BW (reference.md §10; jfvaccountants.nl, aasadvocatuur.nl)' },
};

/**
 * One legal limit on an agreed payment term, as data with its source (see
 * {@link PAYMENT_TERM_CAPS}).
 *
 * @example
 * ```ts
 * const cap: PaymentTermCap = {
 *   id: 'BE-B2B-60', country: 'BE', debtorKind: 'business', relation: 'all', maxDays: 60,
 *   severity: 'violation', consequence: 'An agreed B2B payment term may never exceed 60 days.',
 *   validFrom: '2022-02-01', source: 'Law of 2 Aug 2002 as amended by the Law of 14 Aug 2021',
 * };
 * ```
 */
export interface PaymentTermCap {
  readonly id: string;
  readonly country: Country;
  readonly debtorKind: Exclude<DebtorKind, 'consumer'>;
  /** `large-to-sme`: a large company paying an SME; `other`: every other B2B pair; `all`: regardless. */
  readonly relation: 'all' | 'large-to-sme' | 'other';
  readonly maxDays: number;
  /** `violation`: the longer term is not allowed; `review`: allowed only under a condition to check. */
  readonly severity: 'violation' | 'review';
  /** What happens to a longer term. */
  readonly consequence: string;
  readonly validFrom: CalendarDate;
  readonly validTo?: CalendarDate;
  readonly source: string;
  readonly unconfirmed?: true;
  /** A doubt a reader must see. */
  readonly note?: string;
}

/**
 * The legal maxima on agreed payment terms in Belgium and the Netherlands, as data. There is
 * no statutory cap for consumers (reference.md §10).
 *
 * @example
 * ```ts
 * PAYMENT_TERM_CAPS.find((c) => c.id === 'BE-B2B-60')?.maxDays; // 60
 * ```
 */
export const PAYMENT_TERM_CAPS: readonly PaymentTermCap[] = [
  {
    id: 'BE-B2B-60',
    country: 'BE',
    debtorKind: 'business',
    relation: 'all',
    maxDays: 60,
    severity: 'violation',
    consequence: 'An agreed B2B payment term may never exceed 60 days (Law of 2 Aug 2002 as amended by the Law of 14 Aug 2021).',
    validFrom: '2022-02-01',
    source: 'reference.md §1.2 and §10 (vat-consult.be; mazars.be; lexgo.be)',
  },
  {
    id: 'BE-PUBLIC-30',
    country: 'BE',
    debtorKind: 'public',
    relation: 'all',
    maxDays: 30,
    severity: 'violation',
    consequence: 'A public authority pays within 30 days (Directive 2011/7/EU art. 4).',
    validFrom: '2013-03-16',
    source: 'reference.md §10 (Directive 2011/7 art. 4)',
  },
  {
    id: 'NL-LARGE-TO-SME-60',
    country: 'NL',
    debtorKind: 'business',
    relation: 'large-to-sme',
    maxDays: 60,
    severity: 'violation',
    consequence: 'A longer term agreed by a large company with an SME is void and becomes 30 days (art. 6:119a lid 5–6 BW).',
    validFrom: '2017-07-01',
    source: 'reference.md §10 (jfvaccountants.nl; aasadvocatuur.nl; struikaccountants.nl)',
    note: 'reference.md §10 [U]: one source (asselt.nl, 2022) says the maximum became 30 days; see NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED.',
  },
  {
    id: 'NL-B2B-60-REVIEW',
    country: 'NL',
    debtorKind: 'business',
    relation: 'other',
    maxDays: 60,
    severity: 'review',
    consequence: 'More than 60 days is allowed only if it is not grossly unfair to the creditor (art. 6:119a BW).',
    validFrom: '2013-03-16',
    source: 'reference.md §10',
  },
  {
    id: 'NL-PUBLIC-30',
    country: 'NL',
    debtorKind: 'public',
    relation: 'all',
    maxDays: 30,
    severity: 'violation',
    consequence: 'A public authority pays within 30 days (art. 6:119b BW; Directive 2011/7/EU art. 4).',
    validFrom: '2013-03-16',
    source: 'reference.md §10 (e-justice.europa.eu names art. 6:119b BW)',
  },
];

/**
 * The unconfirmed claim (reference.md §10 [U], asselt.nl 2022) that a large company may agree
 * at most 30 days with an SME in the Netherlands. Not in the default table: a company whose
 * adviser confirms it replaces the 60-day row with this one.
 *
 * @example
 * ```ts
 * const caps = [...PAYMENT_TERM_CAPS.filter((c) => c.id !== 'NL-LARGE-TO-SME-60'), NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED];
 * checkTermsAgainstLaw({ type: 'net', days: 45 }, { country: 'NL', debtorKind: 'business', largeToSme: true, issueDate: '2025-01-01' }, caps);
 * ```
 */
export const NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED: PaymentTermCap = {
  id: 'NL-LARGE-TO-SME-30-U',
  country: 'NL',
  debtorKind: 'business',
  relation: 'large-to-sme',
  maxDays: 30,
  severity: 'violation',
  consequence: 'Claimed: a large company pays an SME within 30 days (art. 6:119a BW, to be checked).',
  validFrom: '2022-01-01',
  source: 'reference.md §10 [U] (asselt.nl, 2022)',
  unconfirmed: true,
  note: 'Start date unknown: set to the year of the source.',
};

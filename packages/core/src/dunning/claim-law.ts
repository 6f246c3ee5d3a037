import { EU_FIXED_COMPENSATION_EUR } from '../recovery/euFixedCompensation.js';
import { bookXixRules } from '../recovery/bookXixRules.js';
import type { DunningDebtorKind, DunningJurisdiction } from './policy-types.js';

/**
 * The kinds of claim a reminder can carry.
 *
 * @example
 * ```ts
 * const kind: ClaimKind = 'fixed-compensation';
 * ```
 */
export type ClaimKind = 'interest' | 'fixed-compensation' | 'bik' | 'damages' | 'reminder-fee';

/**
 * Which statutory interest applies: the commercial rate (B2B) or the civil/statutory rate (B2C).
 *
 * @example
 * ```ts
 * INTEREST_BASIS.BE.business.basis; // "BE-commercial"
 * ```
 */
export type InterestBasis = 'BE-commercial' | 'BE-legal' | 'NL-commercial' | 'NL-statutory';

/**
 * From when interest may be charged, as the law of the policy says:
 * `day-after-due-date` (B2B, by operation of law), `after-waiting-period` (BE B2C, Book XIX),
 * `after-default` (NL B2C, verzuim, in practice after a formal notice).
 *
 * @example
 * ```ts
 * INTEREST_BASIS.BE.consumer.accrualStart; // "after-waiting-period"
 * ```
 */
export type InterestAccrualStart = 'day-after-due-date' | 'after-waiting-period' | 'after-default';

/**
 * One rule of the claim law table: whether a claim is lawful for a jurisdiction and debtor kind, and why.
 *
 * @example
 * ```ts
 * CLAIM_LAW.NL.consumer['reminder-fee'].forbiddenBecause; // "the BIK scale is the most…"
 * ```
 */
export interface ClaimRule {
  allowed: boolean;
  legalBasis: string;
  /** Why it is forbidden, when it is. */
  forbiddenBecause?: string;
  source: string;
}

const B2B_EUR40 =
  'Directive 2011/7/EU art. 6; BE Law of 2 Aug 2002 art. 6 (€40 per late-paid invoice, without reminder)';

/**
 * Which claims the law of each jurisdiction and debtor kind allows at all (timing gates are
 * separate: see `LEGAL_GATES`). Sources: shared/domain/reference.md §1–§3.
 *
 * @example
 * ```ts
 * CLAIM_LAW.BE.business.bik.allowed; // false: BIK is the Dutch scale
 * ```
 */
export const CLAIM_LAW: Record<DunningJurisdiction, Record<DunningDebtorKind, Record<ClaimKind, ClaimRule>>> = {
  BE: {
    business: {
      interest: { allowed: true, legalBasis: 'BE Law of 2 Aug 2002 art. 5 (interest from the day after the due date, no notice needed)', source: 'reference.md §1.2' },
      'fixed-compensation': { allowed: true, legalBasis: B2B_EUR40, source: 'reference.md §1.1, §1.2' },
      bik: { allowed: false, legalBasis: 'art. 6:96 BW (NL)', forbiddenBecause: 'BIK is the Dutch collection-cost scale; Belgian B2B uses the €40 fixed compensation', source: 'reference.md §2' },
      damages: { allowed: false, legalBasis: 'Book XIX CEL', forbiddenBecause: 'Book XIX flat damages apply to consumer debts only; use the €40 fixed compensation', source: 'reference.md §3' },
      'reminder-fee': { allowed: true, legalBasis: 'contract (general terms)', source: 'reference.md §1.2' },
    },
    consumer: {
      interest: { allowed: true, legalBasis: 'Book XIX CEL (Law of 4 May 2023): interest only after the free first reminder and its 14-day waiting period; capped at the rate of the Law of 2 Aug 2002 art. 5', source: 'reference.md §3' },
      'fixed-compensation': { allowed: false, legalBasis: 'Directive 2011/7/EU', forbiddenBecause: 'the €40 fixed compensation applies between undertakings only, not to consumers', source: 'reference.md §1.2' },
      bik: { allowed: false, legalBasis: 'art. 6:96 BW (NL)', forbiddenBecause: 'BIK is the Dutch collection-cost scale; Belgian consumer debts follow Book XIX', source: 'reference.md §2' },
      damages: { allowed: true, legalBasis: 'Book XIX CEL (Law of 4 May 2023): flat damages within the legal caps, only after the waiting period', source: 'reference.md §3' },
      'reminder-fee': { allowed: true, legalBasis: 'Book XIX CEL: reminders after the free first one cost at most €7.50 plus postage', source: 'reference.md §3' },
    },
  },
  NL: {
    business: {
      interest: { allowed: true, legalBasis: 'art. 6:119a BW (wettelijke handelsrente from the day after the payment term, no notice needed)', source: 'reference.md §1.3' },
      'fixed-compensation': { allowed: false, legalBasis: 'art. 6:96 lid 4 BW', forbiddenBecause: 'in the Netherlands the €40 minimum is part of the BIK scale; claim bik instead of a separate €40', source: 'reference.md §2' },
      bik: { allowed: true, legalBasis: 'art. 6:96 lid 4 BW; Besluit vergoeding voor buitengerechtelijke incassokosten (scale, minimum €40, unless agreed otherwise)', source: 'reference.md §2' },
      damages: { allowed: false, legalBasis: 'Book XIX CEL (BE)', forbiddenBecause: 'Book XIX is Belgian consumer law', source: 'reference.md §3' },
      'reminder-fee': { allowed: true, legalBasis: 'contract (general terms)', source: 'reference.md §2' },
    },
    consumer: {
      interest: { allowed: true, legalBasis: 'art. 6:119 BW (wettelijke rente from default / verzuim)', source: 'reference.md §1.3' },
      'fixed-compensation': { allowed: false, legalBasis: 'art. 6:96 BW', forbiddenBecause: 'towards consumers only the BIK scale may be charged, after the 14-day letter', source: 'reference.md §2' },
      bik: { allowed: true, legalBasis: 'art. 6:96 lid 5–6 BW; Besluit BIK: only after a 14-day letter (veertiendagenbrief) stating the amount', source: 'reference.md §2' },
      damages: { allowed: false, legalBasis: 'Book XIX CEL (BE)', forbiddenBecause: 'Book XIX is Belgian consumer law', source: 'reference.md §3' },
      'reminder-fee': { allowed: false, legalBasis: 'art. 6:96 lid 5 BW', forbiddenBecause: 'the BIK scale is the most a consumer can be charged for collection; a separate reminder fee is not allowed', source: 'reference.md §2' },
    },
  },
};

/**
 * Which interest applies, for each jurisdiction and debtor kind, and from when it may be charged.
 *
 * @example
 * ```ts
 * INTEREST_BASIS.NL.business.basis; // "NL-commercial"
 * ```
 */
export const INTEREST_BASIS: Record<DunningJurisdiction, Record<DunningDebtorKind, { basis: InterestBasis; accrualStart: InterestAccrualStart }>> = {
  BE: {
    business: { basis: 'BE-commercial', accrualStart: 'day-after-due-date' },
    consumer: { basis: 'BE-legal', accrualStart: 'after-waiting-period' },
  },
  NL: {
    business: { basis: 'NL-commercial', accrualStart: 'day-after-due-date' },
    consumer: { basis: 'NL-statutory', accrualStart: 'after-default' },
  },
};

/**
 * The EU fixed compensation: €40 per late-paid invoice (Directive 2011/7/EU art. 6, reference.md §1.1).
 *
 * @example
 * ```ts
 * FIXED_COMPENSATION.amount; // "40.00"
 * ```
 */
export const FIXED_COMPENSATION = {
  amount: EU_FIXED_COMPENSATION_EUR,
  perInvoice: true,
  legalBasis: B2B_EUR40,
  source: 'reference.md §1.1 (Directive 2011/7/EU), §1.2 (BE Law of 2 Aug 2002)',
};

/**
 * The Book XIX cap on the fee of a later reminder to a Belgian consumer: €7.50 plus postage
 * (reference.md §3; other-systems.md §4). The first reminder is always free, and for recurring
 * supplies the first three of a calendar year are (the planner withholds the fee for those).
 * The figure is read from `recovery/bookXixRules`, the one place it is kept.
 *
 * @example
 * ```ts
 * BOOK_XIX_REMINDER_FEE_CAP.amount; // "7.50"
 * ```
 */
export const BOOK_XIX_REMINDER_FEE_CAP = {
  amount: bookXixRules.laterReminderFeeCap,
  plusPostage: true,
  effectiveFrom: bookXixRules.inForceFrom,
  legalBasis: 'Book XIX CEL (Law of 4 May 2023, BS 23 May 2023)',
  source: 'reference.md §3',
} as const;

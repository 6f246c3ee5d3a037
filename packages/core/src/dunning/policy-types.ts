import type { CalendarDate } from '../calendar/date.js';

/**
 * The two legal systems a dunning policy can follow.
 *
 * @example
 * ```ts
 * BE_B2C_POLICY.jurisdiction; // "BE"
 * ```
 */
export type DunningJurisdiction = 'BE' | 'NL';

/**
 * Who owes: a business (B2B, incl. public bodies) or a consumer (B2C).
 *
 * @example
 * ```ts
 * NL_B2C_POLICY.debtorKind; // "consumer"
 * ```
 */
export type DunningDebtorKind = 'business' | 'consumer';

/**
 * How reminders are bundled: one letter per debtor and level, or one per invoice.
 *
 * @example
 * ```ts
 * parsePolicy({ ...BE_B2B_POLICY, grouping: 'per-invoice' });
 * ```
 */
export type DunningGrouping = 'per-debtor' | 'per-invoice';

/**
 * How a reminder reaches the debtor. `phone-task` is a call for a person to make, not a durable medium.
 *
 * @example
 * ```ts
 * BE_B2B_POLICY.levels[3]?.channel; // "registered-letter"
 * ```
 */
export type DunningChannel = 'email' | 'letter' | 'registered-letter' | 'phone-task';

/**
 * Whether a level only announces a cost ("will be charged if unpaid", as the Book XIX free
 * reminder and the Dutch veertiendagenbrief must) or actually claims it.
 *
 * @example
 * ```ts
 * BE_B2C_POLICY.levels[1]?.claims.damages; // "announce" (the free reminder only announces)
 * ```
 */
export type ClaimMode = 'announce' | 'claim';

/**
 * The legal gates a level can carry. They are data; the functions in `legal-gates.ts` compute
 * when each one opens.
 *
 * - `book-xix-free-first-reminder`: this level IS the free first reminder of Book XIX CEL (BE B2C).
 * - `book-xix-waiting-period`: this level waits until the 14-day waiting period of that free
 *   reminder has ended (costs, damages and interest may be claimed from then on).
 * - `nl-14-day-letter`: this level IS the veertiendagenbrief of art. 6:96 lid 6 BW (NL B2C).
 * - `nl-14-day-letter-expired`: this level waits until the 14 days after delivery of that letter
 *   have passed (BIK may be claimed from then on).
 *
 * @example
 * ```ts
 * NL_B2C_POLICY.levels[3]?.gates; // ["nl-14-day-letter-expired"]
 * ```
 */
export type LegalGateKind =
  | 'book-xix-free-first-reminder'
  | 'book-xix-waiting-period'
  | 'nl-14-day-letter'
  | 'nl-14-day-letter-expired';

/**
 * When a level becomes due: a number of calendar days after the due date or after the previous level was sent.
 *
 * @example
 * ```ts
 * const offset: DunningOffset = { from: 'previous-level', days: 14 };
 * ```
 */
export interface DunningOffset {
  /**
   * `due-date`: days after the invoice due date (zero or negative = a friendly reminder on or
   * before the due date). `previous-level`: days after the previous level was actually sent.
   */
  from: 'due-date' | 'previous-level';
  days: number;
}

/**
 * What a level claims or announces. Amounts of interest, BIK and damages are computed by the caller.
 *
 * @example
 * ```ts
 * const claims: LevelClaims = { interest: 'claim', fixedCompensation: 'claim' };
 * ```
 */
export interface LevelClaims {
  /** Late-payment interest (handelsrente, intérêts de retard); the basis follows from the policy's law. */
  interest?: ClaimMode;
  /** The EU fixed compensation of €40 per invoice (B2B, Belgium). */
  fixedCompensation?: ClaimMode;
  /** Dutch extrajudicial collection costs (buitengerechtelijke incassokosten, WIK scale). */
  bik?: ClaimMode;
  /** Belgian Book XIX flat damages (schadebeding / clause pénale) towards consumers. */
  damages?: ClaimMode;
  /** A fixed fee for this reminder, as a decimal string (Book XIX caps it at 7.50 plus postage). */
  reminderFee?: string;
}

/**
 * One step of a policy: herinnering, aanmaning, ingebrekestelling / mise en demeure, handover.
 *
 * @example
 * ```ts
 * BE_B2B_POLICY.levels[3]; // { level: 4, key: 'formal-notice', final: 'formal-notice', … }
 * ```
 */
export interface DunningLevel {
  /** 1..n, contiguous and in order. */
  level: number;
  /** A stable key for this step (`reminder`, `formal-notice`…). */
  key: string;
  offset: DunningOffset;
  channel: DunningChannel;
  /** Which letter or e-mail template renders it. */
  templateKey: string;
  claims: LevelClaims;
  gates: LegalGateKind[];
  /** A formal notice (ingebrekestelling, mise en demeure) or the handover to a collection agency. */
  final?: 'formal-notice' | 'collection-agency';
}

/**
 * A declarative dunning policy, validated by {@link parsePolicy}. Versioned like every rule set:
 * a change of policy is a new version, so a sent letter can always be traced to the rules that
 * produced it.
 *
 * @example
 * ```ts
 * const mine = parsePolicy({ ...NL_B2B_POLICY, id: 'acme-nl', version: 2, minimumOpenAmount: '25.00' });
 * ```
 */
export interface DunningPolicy {
  id: string;
  name: string;
  version: number;
  /** The first day this version applies. */
  effectiveFrom?: CalendarDate;
  jurisdiction: DunningJurisdiction;
  debtorKind: DunningDebtorKind;
  grouping: DunningGrouping;
  /** Below this open amount (per invoice, or per debtor when grouping per debtor) nothing is sent. */
  minimumOpenAmount?: string;
  levels: DunningLevel[];
  /** Where the policy's rules come from. */
  source?: string;
}

import type { DunningPolicy } from './policy-types.js';

function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Belgium, business debtors (Law of 2 Aug 2002, reference.md §1.2): interest runs from the day
 * after the due date and €40 is owed per invoice without any notice, so no legal gate applies.
 * The first overdue reminder stays courteous and claims nothing (a commercial choice); from the
 * aanmaning / rappel on, interest and the €40 are claimed.
 *
 * Levels: friendly pre-due e-mail (3 days before) → reminder (7 days after due) → aanmaning /
 * rappel (14 days later) → ingebrekestelling / mise en demeure by registered letter (14 days
 * later) → handover to a collection agency (15 days later).
 *
 * @example
 * ```ts
 * planDunning({ asOf: '2025-04-01', policy: BE_B2B_POLICY, items, history: [] });
 * ```
 */
export const BE_B2B_POLICY: DunningPolicy = frozen({
  id: 'BE-B2B',
  name: 'Belgium – business debtors',
  version: 1,
  effectiveFrom: '2022-02-01',
  jurisdiction: 'BE',
  debtorKind: 'business',
  grouping: 'per-debtor',
  minimumOpenAmount: '0.01',
  source: 'reference.md §1.1–§1.2 (Directive 2011/7/EU; Law of 2 Aug 2002 as amended 22 Nov 2013 and 14 Aug 2021)',
  levels: [
    { level: 1, key: 'friendly-pre-due', offset: { from: 'due-date', days: -3 }, channel: 'email', templateKey: 'be-b2b.pre-due', claims: {}, gates: [] },
    { level: 2, key: 'reminder', offset: { from: 'due-date', days: 7 }, channel: 'email', templateKey: 'be-b2b.reminder', claims: {}, gates: [] },
    {
      level: 3, key: 'second-reminder', offset: { from: 'previous-level', days: 14 }, channel: 'letter', templateKey: 'be-b2b.second-reminder',
      claims: { interest: 'claim', fixedCompensation: 'claim' }, gates: [],
    },
    {
      level: 4, key: 'formal-notice', offset: { from: 'previous-level', days: 14 }, channel: 'registered-letter', templateKey: 'be-b2b.formal-notice',
      claims: { interest: 'claim', fixedCompensation: 'claim' }, gates: [], final: 'formal-notice',
    },
    {
      level: 5, key: 'collection-agency', offset: { from: 'previous-level', days: 15 }, channel: 'phone-task', templateKey: 'be-b2b.collection-handover',
      claims: { interest: 'claim', fixedCompensation: 'claim' }, gates: [], final: 'collection-agency',
    },
  ],
});

/**
 * Belgium, consumer debtors (Book XIX CEL, Law of 4 May 2023, reference.md §3): the first
 * reminder after the due date is free and announces the damages; nothing is charged until its
 * 14-day waiting period has ended (the day after an e-mail, the third working day after a
 * letter); later reminders cost at most €7.50 (postage on top is the caller's to add).
 *
 * Levels: friendly pre-due e-mail → free first reminder (e-mail, 7 days after due) → reminder
 * with damages, interest and €7.50 (15 days later, and never before the waiting period ends) →
 * ingebrekestelling / mise en demeure by registered letter → handover to a collection agency.
 *
 * @example
 * ```ts
 * BE_B2C_POLICY.levels[1]?.gates; // ["book-xix-free-first-reminder"]
 * ```
 */
export const BE_B2C_POLICY: DunningPolicy = frozen({
  id: 'BE-B2C',
  name: 'Belgium – consumers (Book XIX)',
  version: 1,
  effectiveFrom: '2023-09-01',
  jurisdiction: 'BE',
  debtorKind: 'consumer',
  grouping: 'per-debtor',
  minimumOpenAmount: '0.01',
  source: 'reference.md §3 (Book XIX CEL "Consumer debts", Law of 4 May 2023, BS 23 May 2023)',
  levels: [
    { level: 1, key: 'friendly-pre-due', offset: { from: 'due-date', days: -3 }, channel: 'email', templateKey: 'be-b2c.pre-due', claims: {}, gates: [] },
    {
      level: 2, key: 'free-first-reminder', offset: { from: 'due-date', days: 7 }, channel: 'email', templateKey: 'be-b2c.free-first-reminder',
      claims: { damages: 'announce', interest: 'announce' }, gates: ['book-xix-free-first-reminder'],
    },
    {
      level: 3, key: 'reminder', offset: { from: 'previous-level', days: 15 }, channel: 'letter', templateKey: 'be-b2c.reminder',
      claims: { damages: 'claim', interest: 'claim', reminderFee: '7.50' }, gates: ['book-xix-waiting-period'],
    },
    {
      level: 4, key: 'formal-notice', offset: { from: 'previous-level', days: 14 }, channel: 'registered-letter', templateKey: 'be-b2c.formal-notice',
      claims: { damages: 'claim', interest: 'claim', reminderFee: '7.50' }, gates: ['book-xix-waiting-period'], final: 'formal-notice',
    },
    {
      level: 5, key: 'collection-agency', offset: { from: 'previous-level', days: 15 }, channel: 'phone-task', templateKey: 'be-b2c.collection-handover',
      claims: { damages: 'claim', interest: 'claim' }, gates: ['book-xix-waiting-period'], final: 'collection-agency',
    },
  ],
});

/**
 * The Netherlands, business debtors (art. 6:119a and 6:96 BW, reference.md §1.3 and §2):
 * handelsrente runs from the day after the payment term without notice; BIK (scale, minimum €40)
 * may be claimed without a 14-day letter unless the contract says otherwise.
 *
 * Levels: friendly pre-due e-mail → herinnering (7 days after due) → aanmaning with handelsrente
 * and BIK (14 days later) → ingebrekestelling by registered letter → handover to a collection agency.
 *
 * @example
 * ```ts
 * NL_B2B_POLICY.levels[2]?.claims; // { interest: "claim", bik: "claim" }
 * ```
 */
export const NL_B2B_POLICY: DunningPolicy = frozen({
  id: 'NL-B2B',
  name: 'Nederland – zakelijke debiteuren',
  version: 1,
  effectiveFrom: '2013-03-16',
  jurisdiction: 'NL',
  debtorKind: 'business',
  grouping: 'per-debtor',
  minimumOpenAmount: '0.01',
  source: 'reference.md §1.3 (art. 6:119a BW), §2 (art. 6:96 BW, Besluit BIK)',
  levels: [
    { level: 1, key: 'friendly-pre-due', offset: { from: 'due-date', days: -3 }, channel: 'email', templateKey: 'nl-b2b.pre-due', claims: {}, gates: [] },
    { level: 2, key: 'reminder', offset: { from: 'due-date', days: 7 }, channel: 'email', templateKey: 'nl-b2b.herinnering', claims: {}, gates: [] },
    {
      level: 3, key: 'aanmaning', offset: { from: 'previous-level', days: 14 }, channel: 'letter', templateKey: 'nl-b2b.aanmaning',
      claims: { interest: 'claim', bik: 'claim' }, gates: [],
    },
    {
      level: 4, key: 'formal-notice', offset: { from: 'previous-level', days: 14 }, channel: 'registered-letter', templateKey: 'nl-b2b.ingebrekestelling',
      claims: { interest: 'claim', bik: 'claim' }, gates: [], final: 'formal-notice',
    },
    {
      level: 5, key: 'collection-agency', offset: { from: 'previous-level', days: 15 }, channel: 'phone-task', templateKey: 'nl-b2b.incasso-overdracht',
      claims: { interest: 'claim', bik: 'claim' }, gates: [], final: 'collection-agency',
    },
  ],
});

/**
 * The Netherlands, consumers (art. 6:96 lid 5–6 and 6:119 BW, reference.md §2): a free
 * herinnering, then the veertiendagenbrief announcing the exact BIK amount, and BIK and
 * wettelijke rente only once 14 days from the day after delivery have passed.
 *
 * Levels: friendly pre-due e-mail → herinnering (7 days after due) → 14-day letter by post
 * (7 days later) → aanmaning with BIK and interest (15 days later, never before the 14 days
 * after delivery have passed) → handover to a collection agency.
 *
 * @example
 * ```ts
 * NL_B2C_POLICY.levels[2]?.gates; // ["nl-14-day-letter"]
 * ```
 */
export const NL_B2C_POLICY: DunningPolicy = frozen({
  id: 'NL-B2C',
  name: 'Nederland – consumenten',
  version: 1,
  effectiveFrom: '2012-07-01',
  jurisdiction: 'NL',
  debtorKind: 'consumer',
  grouping: 'per-debtor',
  minimumOpenAmount: '0.01',
  source: 'reference.md §2 (Wet normering buitengerechtelijke incassokosten; art. 6:96 lid 6 BW; HR 25-11-2016)',
  levels: [
    { level: 1, key: 'friendly-pre-due', offset: { from: 'due-date', days: -3 }, channel: 'email', templateKey: 'nl-b2c.pre-due', claims: {}, gates: [] },
    { level: 2, key: 'reminder', offset: { from: 'due-date', days: 7 }, channel: 'email', templateKey: 'nl-b2c.herinnering', claims: {}, gates: [] },
    {
      level: 3, key: 'fourteen-day-letter', offset: { from: 'previous-level', days: 7 }, channel: 'letter', templateKey: 'nl-b2c.veertiendagenbrief',
      claims: { bik: 'announce' }, gates: ['nl-14-day-letter'],
    },
    {
      level: 4, key: 'aanmaning', offset: { from: 'previous-level', days: 15 }, channel: 'letter', templateKey: 'nl-b2c.aanmaning',
      claims: { bik: 'claim', interest: 'claim' }, gates: ['nl-14-day-letter-expired'], final: 'formal-notice',
    },
    {
      level: 5, key: 'collection-agency', offset: { from: 'previous-level', days: 14 }, channel: 'phone-task', templateKey: 'nl-b2c.incasso-overdracht',
      claims: { bik: 'claim', interest: 'claim' }, gates: ['nl-14-day-letter-expired'], final: 'collection-agency',
    },
  ],
});

/**
 * The four default policies by id.
 *
 * @example
 * ```ts
 * DEFAULT_DUNNING_POLICIES['NL-B2C'].debtorKind; // "consumer"
 * ```
 */
export const DEFAULT_DUNNING_POLICIES = frozen({
  'BE-B2B': BE_B2B_POLICY,
  'BE-B2C': BE_B2C_POLICY,
  'NL-B2B': NL_B2B_POLICY,
  'NL-B2C': NL_B2C_POLICY,
} as const);

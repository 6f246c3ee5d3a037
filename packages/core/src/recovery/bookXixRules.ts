/**
 * One tier of the Book XIX damages cap: `fixed + percent × (balance − over)` for balances in
 * `(over, upTo]`.
 *
 * @example
 * ```ts
 * const tier: BookXixTier = { over: '150', upTo: '500', fixed: '30', percent: '10' };
 * bookXixDamagesCap('300').amount.toFixed(2); // "45.00" (30 + 10 % of 150)
 * ```
 */
export interface BookXixTier {
  readonly over: string;
  /** `null` for the open top tier. */
  readonly upTo: string | null;
  readonly fixed: string;
  readonly percent: string;
}

/**
 * The Belgian consumer-debt rules of Book XIX WER/CDE (Law of 4 May 2023) as data;
 * {@link bookXixRules} holds the figures in force.
 *
 * @example
 * ```ts
 * // a stricter company policy: wait 21 days instead of 14
 * const rules: BookXixRules = { ...bookXixRules, waitingDays: 21 };
 * beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post', rules }).chargesFrom; // "2024-12-26"
 * ```
 */
export interface BookXixRules {
  readonly damagesTiers: readonly BookXixTier[];
  /** Overall maximum of the flat damages. */
  readonly damagesCap: string;
  /** Waiting period after the free first reminder, in calendar days. */
  readonly waitingDays: number;
  /** Working day after posting on which the period starts (3 = the third working day). */
  readonly postStartWorkingDay: number;
  /** Recurring supplies: reminders per calendar year that must be free. */
  readonly freeRemindersPerYear: number;
  /** Recurring supplies: maximum fee of a later reminder, postage excluded. */
  readonly laterReminderFeeCap: string;
  /** New contracts from this date; existing contracts from 1 Dec 2023 for arrears after 1 Sep 2023. */
  readonly inForceFrom: string;
  readonly inForceExistingContracts: string;
  readonly source: string;
}

/**
 * Book XIX rules (Schulden van de consument / Dettes du consommateur): the maximum flat
 * damages by outstanding balance (≤ €150: €20; to €500: €30 + 10 % above €150; above: €65 + 5 %
 * above €500, at most €2,000), the 14-day waiting period after the free first reminder, and the
 * €7.50 cap on later reminders for recurring supplies after three free ones per year.
 *
 * @example
 * ```ts
 * bookXixRules.damagesCap; // "2000"
 * ```
 */
export const bookXixRules: BookXixRules = {
  damagesTiers: [
    { over: '0', upTo: '150', fixed: '20', percent: '0' },
    { over: '150', upTo: '500', fixed: '30', percent: '10' },
    { over: '500', upTo: null, fixed: '65', percent: '5' },
  ],
  damagesCap: '2000',
  waitingDays: 14,
  postStartWorkingDay: 3,
  freeRemindersPerYear: 3,
  laterReminderFeeCap: '7.50',
  inForceFrom: '2023-09-01',
  inForceExistingContracts: '2023-12-01',
  source: 'reference.md §3 (farys.be; legaleyes.be; fairadvocaten.be; bakermckenzie; grantthornton.be; prato.be; bricksadvocaten.be)',
};

import { addDays, parseDate, type CalendarDate } from '../calendar/date.js';
import { addBusinessDays } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { bookXixRules, type BookXixRules } from './bookXixRules.js';

/**
 * How the free first reminder (kosteloze eerste herinnering / premier rappel gratuit) was sent.
 *
 * @example
 * ```ts
 * const channel: ReminderChannel = 'email';
 * beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel }).startsOn; // "2024-12-03"
 * ```
 */
export type ReminderChannel = 'post' | 'email';

/**
 * Whether the day the waiting period "commences on" is day 1 (`start-is-day-1`, default: the
 * implementation example of reference.md §3) or day 0 (`day-after-start-is-day-1`, one day
 * later). The sources say the period "commences on" that day; which reading holds is [U].
 *
 * @example
 * ```ts
 * const counting: WaitingPeriodCounting = 'day-after-start-is-day-1';
 * beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post', counting }).chargesFrom; // "2024-12-20" (default: "2024-12-19")
 * ```
 */
export type WaitingPeriodCounting = 'start-is-day-1' | 'day-after-start-is-day-1';

/**
 * The Book XIX waiting period (wachttermijn / délai d'attente) after the free first reminder.
 *
 * @example
 * ```ts
 * const period: BeB2cWaitingPeriod = beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post' });
 * // { startsOn: "2024-12-05", endsOn: "2024-12-18", chargesFrom: "2024-12-19", counting: "start-is-day-1", unconfirmed: true, source: "…" }
 * ```
 */
export interface BeB2cWaitingPeriod {
  /** Day the period starts (3rd Belgian working day after posting, or the day after an e-mail). */
  readonly startsOn: CalendarDate;
  /** Last day of the period (inclusive). */
  readonly endsOn: CalendarDate;
  /** First day on which interest, damages and costs may be claimed. */
  readonly chargesFrom: CalendarDate;
  readonly counting: WaitingPeriodCounting;
  /** True: the day-1 reading is [U] in reference.md §3. */
  readonly unconfirmed: true;
  readonly source: string;
}

/**
 * Input of {@link beB2cWaitingPeriod}.
 *
 * @example
 * ```ts
 * const input: BeB2cWaitingPeriodInput = { firstReminderSentOn: '2024-12-02', channel: 'post' };
 * ```
 */
export interface BeB2cWaitingPeriodInput {
  readonly firstReminderSentOn: CalendarDate;
  readonly channel: ReminderChannel;
  readonly counting?: WaitingPeriodCounting;
  readonly rules?: BookXixRules;
}

/**
 * Book XIX: after the free first reminder the consumer has 14 calendar days before interest,
 * damages or costs can be claimed. By post the period starts on the third working day after
 * sending (Belgian working days: not Saturday, Sunday or a public holiday); by e-mail on the
 * calendar day after sending.
 *
 * @example
 * ```ts
 * // reference.md §3: posted Monday 2 Dec 2024 → 5–18 Dec, charges from 19 Dec
 * beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post' }).chargesFrom; // "2024-12-19"
 * beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'email' }).chargesFrom; // "2024-12-17"
 * ```
 */
export function beB2cWaitingPeriod(input: BeB2cWaitingPeriodInput): BeB2cWaitingPeriod {
  const rules = input.rules ?? bookXixRules;
  const sent = parseDate(input.firstReminderSentOn, 'firstReminderSentOn');
  const counting = input.counting ?? 'start-is-day-1';
  if (counting !== 'start-is-day-1' && counting !== 'day-after-start-is-day-1') {
    fail('INVALID_ARGUMENT', 'counting', `unknown counting "${String(counting)}"`);
  }
  let startsOn: CalendarDate;
  if (input.channel === 'post') startsOn = addBusinessDays(sent, rules.postStartWorkingDay, 'BE');
  else if (input.channel === 'email') startsOn = addDays(sent, 1);
  else return fail('INVALID_ARGUMENT', 'channel', `expected "post" or "email", got "${String(input.channel)}"`);
  const endsOn = addDays(startsOn, counting === 'start-is-day-1' ? rules.waitingDays - 1 : rules.waitingDays);
  return {
    startsOn,
    endsOn,
    chargesFrom: addDays(endsOn, 1),
    counting,
    unconfirmed: true,
    source: 'reference.md §3 waiting period (bakermckenzie; grantthornton.be; prato.be) and its implementation example [F]',
  };
}

/**
 * Whether Book XIX lets a business charge a consumer interest, damages or costs yet; a value,
 * never an error. Switch on `allowed` and `reason`.
 *
 * @example
 * ```ts
 * const status: BeB2cChargesStatus = beB2cChargesAllowed({ firstReminderSentOn: '2024-12-02', channel: 'email', asOf: '2024-12-20' });
 * // { allowed: true, since: "2024-12-17", period: { startsOn: "2024-12-03", endsOn: "2024-12-16", … } }
 * ```
 */
export type BeB2cChargesStatus =
  | { readonly allowed: true; readonly since: CalendarDate; readonly period: BeB2cWaitingPeriod }
  | { readonly allowed: false; readonly reason: 'no-free-reminder' }
  | { readonly allowed: false; readonly reason: 'waiting-period'; readonly allowedFrom: CalendarDate; readonly period: BeB2cWaitingPeriod };

/**
 * Book XIX: may interest, damages or costs be charged to a Belgian consumer on `asOf`? Not
 * before a free first reminder was sent, and not during its 14-day waiting period.
 *
 * @example
 * ```ts
 * beB2cChargesAllowed({ firstReminderSentOn: '2024-12-02', channel: 'post', asOf: '2024-12-18' });
 * // { allowed: false, reason: "waiting-period", allowedFrom: "2024-12-19", period: {...} }
 * beB2cChargesAllowed({ firstReminderSentOn: undefined, channel: 'post', asOf: '2024-12-18' });
 * // { allowed: false, reason: "no-free-reminder" }
 * ```
 */
export function beB2cChargesAllowed(
  input: Omit<BeB2cWaitingPeriodInput, 'firstReminderSentOn'> & { readonly firstReminderSentOn: CalendarDate | undefined; readonly asOf: CalendarDate },
): BeB2cChargesStatus {
  const asOf = parseDate(input.asOf, 'asOf');
  if (input.firstReminderSentOn === undefined) return { allowed: false, reason: 'no-free-reminder' };
  const period = beB2cWaitingPeriod({ ...input, firstReminderSentOn: input.firstReminderSentOn });
  if (input.firstReminderSentOn > asOf) {
    fail('INVALID_RANGE', 'asOf', `${asOf} is before the reminder was sent (${input.firstReminderSentOn})`);
  }
  return asOf >= period.chargesFrom
    ? { allowed: true, since: period.chargesFrom, period }
    : { allowed: false, reason: 'waiting-period', allowedFrom: period.chargesFrom, period };
}

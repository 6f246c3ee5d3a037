import { addDays, parseDate, type CalendarDate } from '../calendar/date.js';
import { beB2cWaitingPeriod } from '../recovery/beB2cWaitingPeriod.js';
import { assumedDeliveryDate, nlB2cCostsAllowed } from '../recovery/nlB2cCosts.js';
import type { DunningDebtorKind, DunningChannel, DunningJurisdiction, LegalGateKind } from './policy-types.js';

/**
 * What the law says about one gate, as data with its source.
 *
 * @example
 * ```ts
 * LEGAL_GATES['book-xix-waiting-period'].unconfirmed; // ["whether the third working day…"]
 * ```
 */
export interface LegalGateRule {
  kind: LegalGateKind;
  jurisdiction: DunningJurisdiction;
  debtorKind: DunningDebtorKind;
  title: string;
  legalBasis: string;
  source: string;
  /** Points of the rule that no primary source confirmed (reference.md [U]/[F] items). */
  unconfirmed?: string[];
}

/**
 * The legal gates, as data. The timing functions below ({@link bookXixWaitingPeriod},
 * {@link dutchFourteenDayTerm}) compute when they open.
 *
 * @example
 * ```ts
 * LEGAL_GATES['nl-14-day-letter'].legalBasis; // "art. 6:96 lid 6 BW; ..."
 * ```
 */
export const LEGAL_GATES: Record<LegalGateKind, LegalGateRule> = {
  'book-xix-free-first-reminder': {
    kind: 'book-xix-free-first-reminder',
    jurisdiction: 'BE',
    debtorKind: 'consumer',
    title: 'Free first reminder (Book XIX)',
    legalBasis: 'Book XIX CEL "Consumer debts" (Law of 4 May 2023): the first reminder is free, on a durable medium, and gives at least 14 days',
    source: 'reference.md §3',
  },
  'book-xix-waiting-period': {
    kind: 'book-xix-waiting-period',
    jurisdiction: 'BE',
    debtorKind: 'consumer',
    title: '14-day waiting period after the free first reminder (Book XIX)',
    legalBasis: 'Book XIX CEL: no damages, interest or fees before the 14-calendar-day waiting period has ended; it starts the day after an e-mail, or on the third working day after posting a letter',
    source: 'reference.md §3',
    unconfirmed: ['whether the third working day after posting counts as day 1 of the 14 days (reference.md summary item 6); this library counts it as day 1'],
  },
  'nl-14-day-letter': {
    kind: 'nl-14-day-letter',
    jurisdiction: 'NL',
    debtorKind: 'consumer',
    title: '14-day letter (veertiendagenbrief)',
    legalBasis: 'art. 6:96 lid 6 BW: after default, a free reminder stating the exact collection costs and giving 14 days from the day after receipt',
    source: 'reference.md §2',
  },
  'nl-14-day-letter-expired': {
    kind: 'nl-14-day-letter-expired',
    jurisdiction: 'NL',
    debtorKind: 'consumer',
    title: 'The 14 days of the 14-day letter have passed',
    legalBasis: 'art. 6:96 lid 6 BW; HR 25-11-2016, ECLI:NL:HR:2016:2704 (the term starts the day after receipt)',
    source: 'reference.md §2',
    unconfirmed: [
      'delivery of a letter is assumed on the 2nd day after posting, not counting Sundays, Mondays or public holidays (practice, not statute); pass deliveredOn when known',
      'an e-mail is assumed received on the day it was sent',
    ],
  },
};

/**
 * A period in which a consumer may still pay free of costs. All dates inclusive.
 *
 * @example
 * ```ts
 * const period: GracePeriod | undefined = bookXixWaitingPeriod('2024-12-02', 'email');
 * ```
 */
export interface GracePeriod {
  /** Day 1 of the period. */
  startsOn: CalendarDate;
  /** The last day of the period. */
  endsOn: CalendarDate;
  /** The first day costs, damages or interest may be claimed. */
  claimableFrom: CalendarDate;
}

/** Whether a channel is a durable medium (the law requires one for these letters). */
function isDurable(channel: DunningChannel): boolean {
  return channel !== 'phone-task';
}

/**
 * The Book XIX waiting period after the free first reminder to a Belgian consumer: 14 calendar
 * days starting the day after an e-mail, or on the third working day after a letter was posted
 * (working days skip weekends and Belgian public holidays). The rule itself lives in
 * `recovery/beB2cWaitingPeriod` (one source of truth); this maps the dunning channels onto it.
 * Returns `undefined` for a phone call, which is not a durable medium and so cannot be the free
 * first reminder.
 *
 * @example
 * ```ts
 * // reference.md §3: a letter posted Monday 2 Dec 2024 starts the period on Thursday 5 Dec.
 * bookXixWaitingPeriod('2024-12-02', 'letter');
 * // { startsOn: "2024-12-05", endsOn: "2024-12-18", claimableFrom: "2024-12-19" }
 * bookXixWaitingPeriod('2024-12-02', 'email')?.claimableFrom; // "2024-12-17"
 * ```
 */
export function bookXixWaitingPeriod(sentOn: CalendarDate, channel: DunningChannel): GracePeriod | undefined {
  parseDate(sentOn, 'sentOn');
  if (!isDurable(channel)) return undefined;
  const period = beB2cWaitingPeriod({ firstReminderSentOn: sentOn, channel: channel === 'email' ? 'email' : 'post' });
  return { startsOn: period.startsOn, endsOn: period.endsOn, claimableFrom: period.chargesFrom };
}

/**
 * The day a Dutch letter is assumed delivered: the 2nd day after posting, counting only days on
 * which post is delivered (not Sundays, not Mondays, not Dutch public holidays). Practice from
 * reference.md §2, labelled unconfirmed; delegates to `recovery/nlB2cCosts`.
 *
 * @example
 * ```ts
 * estimatedDutchLetterDelivery('2025-03-07'); // "2025-03-11" (Fri → Sat counts, Sun/Mon not, Tue)
 * ```
 */
export function estimatedDutchLetterDelivery(postedOn: CalendarDate): CalendarDate {
  return assumedDeliveryDate(postedOn).deliveredOn;
}

/**
 * The Dutch 14-day term with the delivery day it was counted from.
 *
 * @example
 * ```ts
 * dutchFourteenDayTerm('2025-03-07', 'letter')?.deliveryEstimated; // true
 * ```
 */
export interface DutchFourteenDayTerm extends GracePeriod {
  deliveredOn: CalendarDate;
  /** True when the delivery day is an assumption, not a recorded fact. */
  deliveryEstimated: boolean;
}

/**
 * The 14-day term of a Dutch veertiendagenbrief: 14 days from the day after the consumer
 * received it (HR 25-11-2016). Uses the recorded `deliveredOn` when given; otherwise the
 * delivery day is estimated (e-mail: the day sent; letter: {@link estimatedDutchLetterDelivery}).
 * Returns `undefined` for a phone call, which is not a letter.
 *
 * @example
 * ```ts
 * dutchFourteenDayTerm('2025-03-07', 'letter');
 * // { deliveredOn: "2025-03-11", deliveryEstimated: true,
 * //   startsOn: "2025-03-12", endsOn: "2025-03-25", claimableFrom: "2025-03-26" }
 * ```
 */
export function dutchFourteenDayTerm(
  sentOn: CalendarDate,
  channel: DunningChannel,
  deliveredOn?: CalendarDate,
): DutchFourteenDayTerm | undefined {
  parseDate(sentOn, 'sentOn');
  if (!isDurable(channel)) return undefined;
  const estimated = deliveredOn === undefined;
  const delivered =
    deliveredOn !== undefined
      ? parseDate(deliveredOn, 'deliveredOn')
      : channel === 'email'
        ? sentOn
        : estimatedDutchLetterDelivery(sentOn);
  // Asked on the delivery day itself, the term is always still running: its end and first cost day come back.
  const term = nlB2cCostsAllowed({ letterDeliveredOn: delivered, asOf: delivered });
  const claimableFrom = term.allowed ? term.since : term.allowedFrom;
  return { deliveredOn: delivered, deliveryEstimated: estimated, startsOn: addDays(delivered, 1), endsOn: term.termEnds, claimableFrom };
}

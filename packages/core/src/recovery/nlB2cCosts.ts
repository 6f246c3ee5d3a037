import { addDays, isoWeekday, parseDate, type CalendarDate } from '../calendar/date.js';
import { publicHolidays } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';

/**
 * A delivery date that rests on a practice assumption, not on proof (returned by
 * {@link assumedDeliveryDate}).
 *
 * @example
 * ```ts
 * const d: AssumedDelivery = assumedDeliveryDate('2025-03-07');
 * // { deliveredOn: "2025-03-11", kind: "practice-assumption",
 * //   rule: "2nd day after posting, not counting Sundays, Mondays or public holidays", source: "reference.md §2 (…)" }
 * ```
 */
export interface AssumedDelivery {
  readonly deliveredOn: CalendarDate;
  readonly kind: 'practice-assumption';
  readonly rule: string;
  readonly source: string;
}

// Saturdays count (there is letter delivery); Sundays, Mondays and holidays do not, per the practice rule.
function countsAsDeliveryDay(date: CalendarDate): boolean {
  const dow = isoWeekday(date);
  if (dow === 7 || dow === 1) return false;
  return !publicHolidays('NL', Number(date.slice(0, 4))).some((h) => h.date === date);
}

/**
 * When a posted 14-day letter is assumed to arrive: the 2nd day after posting, not counting
 * Sundays, Mondays or (Dutch) public holidays. A practice rule (reference.md §2), not law: the
 * creditor must prove the day of receipt, so the result is labelled as an assumption.
 *
 * @example
 * ```ts
 * assumedDeliveryDate('2025-03-07').deliveredOn; // "2025-03-11" (Fri → Sat, Tue)
 * ```
 */
export function assumedDeliveryDate(postedOn: CalendarDate): AssumedDelivery {
  let day = parseDate(postedOn, 'postedOn');
  let counted = 0;
  while (counted < 2) {
    day = addDays(day, 1);
    if (countsAsDeliveryDay(day)) counted += 1;
  }
  return {
    deliveredOn: day,
    kind: 'practice-assumption',
    rule: '2nd day after posting, not counting Sundays, Mondays or public holidays',
    source: 'reference.md §2 (practice; looijmansjuristen.nl)',
  };
}

/**
 * Whether collection costs (incassokosten) may be charged to a Dutch consumer yet; a value,
 * never an error.
 *
 * @example
 * ```ts
 * const status: NlB2cCostsStatus = nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-20' });
 * // { allowed: false, reason: "term-running", allowedFrom: "2025-03-26", termEnds: "2025-03-25" }
 * ```
 */
export type NlB2cCostsStatus =
  | { readonly allowed: true; readonly since: CalendarDate; readonly termEnds: CalendarDate }
  | { readonly allowed: false; readonly reason: 'term-running'; readonly allowedFrom: CalendarDate; readonly termEnds: CalendarDate };

/**
 * Input of {@link nlB2cCostsAllowed}.
 *
 * @example
 * ```ts
 * const input: NlB2cCostsInput = { letterDeliveredOn: '2025-03-11', asOf: '2025-03-26', termDays: 14 };
 * nlB2cCostsAllowed(input).allowed; // true
 * ```
 */
export interface NlB2cCostsInput {
  /** Day the consumer received the 14-day letter (veertiendagenbrief); the creditor must prove it. */
  readonly letterDeliveredOn: CalendarDate;
  readonly asOf: CalendarDate;
  /** Days given in the letter: at least 14 (art. 6:96 lid 6 BW); some collectors use 15 or 16. */
  readonly termDays?: number;
}

/**
 * Art. 6:96 lid 6 BW: costs become due from a consumer only after the 14-day letter's term
 * has run without payment. The 14 days start the day after the letter was delivered (HR
 * 25-11-2016, ECLI:NL:HR:2016:2704), so a letter delivered on the 1st ends its term on the
 * 15th and costs are due from the 16th.
 *
 * @example
 * ```ts
 * nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-26' });
 * // { allowed: true, since: "2025-03-26", termEnds: "2025-03-25" }
 * ```
 */
export function nlB2cCostsAllowed(input: NlB2cCostsInput): NlB2cCostsStatus {
  const delivered = parseDate(input.letterDeliveredOn, 'letterDeliveredOn');
  const asOf = parseDate(input.asOf, 'asOf');
  const termDays = input.termDays ?? 14;
  if (!Number.isInteger(termDays) || termDays < 14) fail('INVALID_ARGUMENT', 'termDays', `must be a whole number of at least 14, got ${termDays}`);
  const termEnds = addDays(delivered, termDays);
  const from = addDays(termEnds, 1);
  return asOf >= from
    ? { allowed: true, since: from, termEnds }
    : { allowed: false, reason: 'term-running', allowedFrom: from, termEnds };
}

import { addMonths as addMonthsFns, lastDayOfMonth } from 'date-fns';
import { fail } from '../errors/fail.js';

/**
 * A calendar date, `YYYY-MM-DD`, with no time and no time zone. Due dates and interest periods
 * are days on a calendar; keeping them free of instants is what stops them drifting across
 * daylight-saving time. Turning "now" into the company's local date is the caller's job.
 *
 * @example
 * ```ts
 * const dueDate: CalendarDate = parseDate('2025-03-31');
 * addDays(dueDate, 1); // "2025-04-01"
 * ```
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Validates a calendar date and returns it. Throws `INVALID_DATE` naming `field` for a wrong
 * format or a day that does not exist (`2025-02-29`).
 *
 * @example
 * ```ts
 * parseDate('2025-03-15'); // "2025-03-15"
 * parseDate('15/03/2025', 'dueDate'); // throws FactError INVALID_DATE "dueDate: ..."
 * ```
 */
export function parseDate(value: unknown, field = 'date'): CalendarDate {
  if (typeof value !== 'string') return fail('INVALID_DATE', field, `expected a YYYY-MM-DD string, got ${typeof value}`);
  const m = ISO_DATE.exec(value);
  if (!m) return fail('INVALID_DATE', field, `"${value}" is not a YYYY-MM-DD date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) fail('INVALID_DATE', field, `"${value}" does not exist`);
  return value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (the epoch day), for arithmetic. @internal */
export function toEpochDay(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The calendar date of an epoch day. @internal */
export function fromEpochDay(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds (or subtracts) calendar days.
 *
 * @example
 * ```ts
 * addDays('2025-03-31', 1); // "2025-04-01"
 * ```
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) fail('INVALID_ARGUMENT', 'days', `must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(parseDate(date)) + days);
}

/**
 * The number of days from `from` to `to` (`to − from`); negative when `to` is earlier.
 *
 * @example
 * ```ts
 * daysBetween('2025-03-15', '2025-03-16'); // 1
 * ```
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(parseDate(to, 'to')) - toEpochDay(parseDate(from, 'from'));
}

/**
 * Orders two dates: negative, zero or positive. ISO dates compare as text, so this is cheap.
 *
 * @example
 * ```ts
 * ['2025-02-01', '2025-01-01'].sort(compareDates); // ["2025-01-01", "2025-02-01"]
 * ```
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The later of two dates.
 *
 * @example
 * ```ts
 * maxDate('2025-03-01', '2025-02-28'); // "2025-03-01"
 * ```
 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/**
 * The earlier of two dates.
 *
 * @example
 * ```ts
 * minDate('2025-03-01', '2025-02-28'); // "2025-02-28"
 * ```
 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

// date-fns works on Date objects in local time; noon keeps any time zone's DST shift away
// from the day boundary, so the calendar result is the same everywhere.
function toNoon(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}
function fromNoon(date: Date): CalendarDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes its last day.
 *
 * @example
 * ```ts
 * addMonths('2025-01-31', 1); // "2025-02-28"
 * ```
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months)) fail('INVALID_ARGUMENT', 'months', `must be a whole number, got ${months}`);
  return fromNoon(addMonthsFns(toNoon(parseDate(date)), months));
}

/**
 * Adds calendar years (29 February becomes 28 February in a common year).
 *
 * @example
 * ```ts
 * addYears('2024-02-29', 1); // "2025-02-28"
 * ```
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/**
 * The last day of the date's month.
 *
 * @example
 * ```ts
 * endOfMonth('2024-02-10'); // "2024-02-29"
 * ```
 */
export function endOfMonth(date: CalendarDate): CalendarDate {
  return fromNoon(lastDayOfMonth(toNoon(parseDate(date))));
}

/**
 * ISO day of the week: 1 = Monday … 7 = Sunday.
 *
 * @example
 * ```ts
 * isoWeekday('2025-03-15'); // 6 (Saturday)
 * ```
 */
export function isoWeekday(date: CalendarDate): number {
  const dow = new Date(toEpochDay(parseDate(date)) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/**
 * Whether `date` lies in `[from, to]`, both inclusive.
 *
 * @example
 * ```ts
 * isWithin('2025-03-15', '2025-03-01', '2025-03-31'); // true
 * ```
 */
export function isWithin(date: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  return date >= from && date <= to;
}

import { fail } from '../errors/fail.js';
import { addDays, fromEpochDay, toEpochDay, type CalendarDate } from './date.js';

/**
 * The countries whose law and calendars this library knows: Belgium (`BE`) and the Netherlands
 * (`NL`), as ISO 3166-1 alpha-2 codes.
 *
 * @example
 * ```ts
 * const country: Country = 'BE';
 * isBusinessDay('2025-07-21', country); // false (Belgian national holiday)
 * ```
 */
export type Country = 'BE' | 'NL';

/**
 * A public holiday (feestdag / jour férié): the date and its name in the country's language.
 *
 * @example
 * ```ts
 * publicHolidays('NL', 2025)[0]; // { date: "2025-01-01", name: "Nieuwjaarsdag" }
 * ```
 */
export interface PublicHoliday {
  date: CalendarDate;
  name: string;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
 *
 * @example
 * ```ts
 * easterSunday(2025); // "2025-04-20"
 * ```
 */
export function easterSunday(year: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) fail('INVALID_ARGUMENT', 'year', `unsupported year ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const on = (year: number, month: number, day: number): CalendarDate => `${year}-${pad(month)}-${pad(day)}`;

/**
 * The legal public holidays of Belgium (the ten days of the Royal Decree of 18 April 1974) or
 * of the Netherlands (the general holidays of the Algemene termijnenwet, art. 3), sorted by date.
 * Liberation Day (5 May) counts in the Netherlands only in lustrum years, as in that act.
 *
 * @example
 * ```ts
 * publicHolidays('BE', 2025).map((h) => h.date).includes('2025-07-21'); // true
 * ```
 */
export function publicHolidays(country: Country, year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => addDays(easter, days);
  let list: PublicHoliday[];
  if (country === 'BE') {
    list = [
      { date: on(year, 1, 1), name: 'Nieuwjaar' },
      { date: fromEaster(1), name: 'Paasmaandag' },
      { date: on(year, 5, 1), name: 'Dag van de Arbeid' },
      { date: fromEaster(39), name: 'O.H.-Hemelvaart' },
      { date: fromEaster(50), name: 'Pinkstermaandag' },
      { date: on(year, 7, 21), name: 'Nationale feestdag' },
      { date: on(year, 8, 15), name: 'O.L.V.-Hemelvaart' },
      { date: on(year, 11, 1), name: 'Allerheiligen' },
      { date: on(year, 11, 11), name: 'Wapenstilstand' },
      { date: on(year, 12, 25), name: 'Kerstmis' },
    ];
  } else if (country === 'NL') {
    // Koningsdag is 27 April, or 26 April when the 27th is a Sunday.
    const kingsDay = on(year, 4, 27);
    const kingsDayObserved = new Date(toEpochDay(kingsDay) * 86_400_000).getUTCDay() === 0 ? on(year, 4, 26) : kingsDay;
    list = [
      { date: on(year, 1, 1), name: 'Nieuwjaarsdag' },
      { date: easter, name: 'Eerste Paasdag' },
      { date: fromEaster(1), name: 'Tweede Paasdag' },
      { date: kingsDayObserved, name: 'Koningsdag' },
      ...(year % 5 === 0 ? [{ date: on(year, 5, 5), name: 'Bevrijdingsdag' }] : []),
      { date: fromEaster(39), name: 'Hemelvaartsdag' },
      { date: fromEaster(49), name: 'Eerste Pinksterdag' },
      { date: fromEaster(50), name: 'Tweede Pinksterdag' },
      { date: on(year, 12, 25), name: 'Eerste Kerstdag' },
      { date: on(year, 12, 26), name: 'Tweede Kerstdag' },
    ];
  } else {
    return fail('INVALID_ARGUMENT', 'country', `unknown country "${String(country)}"; expected BE or NL`);
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : 1));
}

const cache = new Map<string, Set<CalendarDate>>();
function holidaySet(country: Country, year: number): Set<CalendarDate> {
  const key = `${country}${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(publicHolidays(country, year).map((h) => h.date));
    cache.set(key, set);
  }
  return set;
}

/**
 * Whether a date is a working day: Monday to Friday and not a public holiday.
 *
 * @example
 * ```ts
 * isBusinessDay('2025-07-21', 'BE'); // false (national holiday)
 * ```
 */
export function isBusinessDay(date: CalendarDate, country: Country): boolean {
  const day = toEpochDay(date);
  const dow = new Date(day * 86_400_000).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !holidaySet(country, Number(date.slice(0, 4))).has(date);
}

/**
 * Moves `count` working days forward (or backward when negative), skipping weekends and public
 * holidays. `count = 0` returns the date itself.
 *
 * @example
 * ```ts
 * // A letter posted on Friday 18 July 2025 in Belgium: the third working day after is
 * // Thursday 24 July (Monday 21 July is the national holiday).
 * addBusinessDays('2025-07-18', 3, 'BE'); // "2025-07-24"
 * ```
 */
export function addBusinessDays(date: CalendarDate, count: number, country: Country): CalendarDate {
  if (!Number.isInteger(count)) fail('INVALID_ARGUMENT', 'count', `must be a whole number, got ${count}`);
  let day = toEpochDay(date);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  while (left > 0) {
    day += step;
    if (isBusinessDay(fromEpochDay(day), country)) left -= 1;
  }
  return fromEpochDay(day);
}

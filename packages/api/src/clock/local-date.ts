import type { CalendarDate } from '@fact/core';

/** Returns the current instant. Injected into the context so tests control "now". */
export type Clock = () => Date;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date an instant falls on in a time zone: what "today" means for a company in
 * Brussels or Amsterdam. This is the only place an instant becomes a date.
 *
 * @example
 * ```ts
 * localDate(new Date('2025-03-30T22:30:00Z'), 'Europe/Brussels'); // "2025-03-31"
 * ```
 */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The default time zone per country code of a company. @example timeZoneFor('NL') // "Europe/Amsterdam" */
export function timeZoneFor(country: string): string {
  return country === 'NL' ? 'Europe/Amsterdam' : 'Europe/Brussels';
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clockFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a calendar day ends in a time zone (the midnight after it, local time): what
 * happened before it happened "on or before" that day for the company.
 *
 * @example
 * ```ts
 * endOfLocalDay('2025-01-31', 'Europe/Brussels'); // 2025-01-31T23:00:00.000Z
 * ```
 */
export function endOfLocalDay(day: CalendarDate, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  let at = midnightUtc;
  // Twice: the offset at the first guess can differ from the offset at the answer (DST).
  for (let i = 0; i < 2; i++) at = midnightUtc - offsetAt(at, timeZone);
  return new Date(at);
}

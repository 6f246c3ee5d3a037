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

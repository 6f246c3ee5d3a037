import { fromEpochDay, parseDate, toEpochDay, type CalendarDate } from '../calendar/date.js';

/**
 * Dates of one evaluation read once: a portfolio holds a few thousand distinct dates for
 * millions of items, so each is validated and turned into an epoch day (and back) only once.
 * @internal
 */
export interface DayCodec {
  /** The epoch day of a date; throws `INVALID_DATE` naming `list[index].field` (or `field`). */
  dayOf(date: unknown, field: string, index?: number, list?: string): number;
  /** The calendar date of an epoch day. */
  dateOf(day: number): CalendarDate;
}

/**
 * A fresh codec with empty caches.
 *
 * @example
 * ```ts
 * const days = createDayCodec();
 * days.dateOf(days.dayOf('2025-03-15', 'dueDate') + 1); // "2025-03-16"
 * ```
 * @internal
 */
export function createDayCodec(): DayCodec {
  const days = new Map<unknown, number>();
  const dates = new Map<number, CalendarDate>();
  return {
    dayOf(date, field, index, list) {
      let day = days.get(date);
      if (day === undefined) {
        day = toEpochDay(parseDate(date, index === undefined ? field : `${list ?? ''}[${index}].${field}`));
        days.set(date, day);
      }
      return day;
    },
    dateOf(day) {
      let date = dates.get(day);
      if (date === undefined) {
        date = fromEpochDay(day);
        dates.set(day, date);
      }
      return date;
    },
  };
}

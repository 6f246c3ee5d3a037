import { parseDate, type CalendarDate } from '@fact/core';
import { CellProblem } from './CellProblem.js';

/**
 * How dates are written in a file. Day-first is the BE/NL habit; `YYYY-MM-DD` is ISO 8601. Day
 * and month may have one digit in the day-first forms (`5/3/2025`), as Excel's short date writes.
 */
export type DateFormat = 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'DD.MM.YYYY' | 'YYYY-MM-DD';

/** The date formats a mapping may name, for validating options and building pickers. */
export const DATE_FORMATS: readonly DateFormat[] = ['DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];

const DAY_FIRST: Record<Exclude<DateFormat, 'YYYY-MM-DD'>, RegExp> = {
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'DD-MM-YYYY': /^(\d{1,2})-(\d{1,2})-(\d{4})$/,
  'DD.MM.YYYY': /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
};

/**
 * Reads a date cell in the mapping's format into a `CalendarDate` (`YYYY-MM-DD`), checked by
 * `parseDate()` of @fact/core so `31/02/2025` is refused.
 *
 * @example
 * ```ts
 * parseDateCell('05/03/2025', 'DD/MM/YYYY'); // "2025-03-05"
 * parseDateCell('2025-03-05', 'DD/MM/YYYY'); // throws: not a DD/MM/YYYY date
 * ```
 */
export function parseDateCell(text: string, format: DateFormat): CalendarDate {
  const value = text.trim();
  let iso: string | undefined;
  if (format === 'YYYY-MM-DD') {
    iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  } else {
    const m = DAY_FIRST[format].exec(value);
    if (m) iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  }
  if (iso === undefined) throw new CellProblem('INVALID_DATE', `"${text}" is not a ${format} date`);
  try {
    return parseDate(iso);
  } catch {
    throw new CellProblem('INVALID_DATE', `"${text}" is not a day of the calendar`);
  }
}

import { parseDate, type CalendarDate } from '@fact/core';
import type { DocumentLocale } from './locale.js';

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** `short` for tables (`15/03/2025`, `15-03-2025` in the Netherlands), `long` for sentences (`15 maart 2025`). */
export type DateStyle = 'short' | 'long';

/**
 * Writes a calendar date (`YYYY-MM-DD`, no time zone) for a reader of `locale`. Throws
 * `INVALID_DATE` naming `field` for anything that is not a real date.
 *
 * @example
 * ```ts
 * formatDate('2025-03-05', 'nl-BE');         // "05/03/2025"
 * formatDate('2025-03-05', 'nl-NL');         // "05-03-2025"
 * formatDate('2025-03-05', 'fr-BE', 'long'); // "5 mars 2025"
 * formatDate('2025-03-01', 'fr-BE', 'long'); // "1er mars 2025"
 * formatDate('2025-03-05', 'en', 'long');    // "5 March 2025"
 * ```
 */
export function formatDate(date: CalendarDate, locale: DocumentLocale, style: DateStyle = 'short', field = 'date'): string {
  const checked = parseDate(date, field);
  const [y, m, d] = checked.split('-') as [string, string, string];
  if (style === 'short') return locale === 'nl-NL' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
  const day = Number(d);
  const language = locale === 'en' ? 'en' : locale === 'fr-BE' ? 'fr' : 'nl';
  const month = MONTHS[language][Number(m) - 1] ?? '';
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${month} ${y}`;
}

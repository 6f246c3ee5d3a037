import { page } from '$app/state';
import { formatDate, formatMoney, formatPercent, formatTime } from '../format.js';
import { isLocale, languageOf, type Locale } from './locales.js';
import { translator, type Translate } from './messages.js';

/** What a component needs to speak the user's language: texts, amounts and dates in their locale. */
export interface I18n {
  locale: Locale;
  t: Translate;
  money: (amount: string) => string;
  date: (date: string | null | undefined) => string;
  percent: (value: string) => string;
  /** The local time of day of an ISO instant. */
  time: (instant: string) => string;
}

/** Reads the locale the server chose (root layout data). Call inside `$derived` to follow changes. */
export function useI18n(): I18n {
  const raw = page.data.locale;
  const locale: Locale = isLocale(raw) ? raw : 'nl-BE';
  return {
    locale,
    t: translator(languageOf(locale)),
    money: (amount) => formatMoney(amount, locale),
    date: (date) => (date ? formatDate(date, locale) : '—'),
    percent: (value) => formatPercent(value, locale),
    time: (instant) => formatTime(instant, locale),
  };
}

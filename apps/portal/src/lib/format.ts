import type { Locale } from './i18n/locales.js';

// Formatters are costly to build; a dashboard formats thousands of figures.
const moneyFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * Formats an exact decimal amount string ("1234.50") in the user's locale. The string is
 * split, never turned into a float, so no cent can change on the way.
 */
export function formatMoney(amount: string, locale: Locale, currency = 'EUR'): string {
  let f = moneyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 });
    moneyFormats.set(locale, f);
  }
  // Intl.NumberFormat accepts decimal strings exactly ("string decimal" in ES2023).
  return f.format(amount as unknown as number);
}

/** Formats a calendar date (YYYY-MM-DD) in the user's locale without any time-zone shift. */
export function formatDate(date: string, locale: Locale): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** Formats a percentage given as a decimal string of percent points ("12.5" → "12,5 %"). */
export function formatPercent(value: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(Number(value) / 100);
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * The time of day of an instant (ISO string), as a clock in Belgium and the Netherlands shows it
 * (both Europe/Brussels and Europe/Amsterdam keep the same offsets).
 */
export function formatTime(instant: string, locale: Locale): string {
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' });
    timeFormats.set(locale, f);
  }
  return f.format(new Date(instant));
}

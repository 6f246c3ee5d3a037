import { endOfMonth, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';

/**
 * How often the business files its VAT return (btw-aangifte / déclaration TVA).
 *
 * @example
 * ```ts
 * const filing: VatFilingFrequency = 'quarterly';
 * vatReturnPeriod('2026-05-12', filing).label; // "2026-Q2"
 * ```
 */
export type VatFilingFrequency = 'monthly' | 'quarterly';

/**
 * A VAT return period (aangiftetijdvak / période de déclaration): a calendar month or quarter.
 *
 * @example
 * ```ts
 * const q1: VatReturnPeriod = { frequency: 'quarterly', label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' };
 * ```
 */
export interface VatReturnPeriod {
  readonly frequency: VatFilingFrequency;
  /** `2026-02` for a month, `2026-Q1` for a quarter. */
  readonly label: string;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/**
 * The VAT return period that contains `date`, for a monthly or quarterly filer.
 *
 * @example
 * ```ts
 * vatReturnPeriod('2026-02-09', 'monthly').label; // "2026-02"
 * vatReturnPeriod('2026-02-09', 'quarterly'); // { label: "2026-Q1", from: "2026-01-01", to: "2026-03-31", ... }
 * ```
 */
export function vatReturnPeriod(date: CalendarDate, frequency: VatFilingFrequency, field = 'date'): VatReturnPeriod {
  const d = parseDate(date, field);
  const year = d.slice(0, 4);
  const month = Number(d.slice(5, 7));
  if (frequency === 'monthly') {
    const from = `${d.slice(0, 7)}-01`;
    return { frequency, label: d.slice(0, 7), from, to: endOfMonth(from) };
  }
  if (frequency === 'quarterly') {
    const q = Math.ceil(month / 3);
    const first = String(q * 3 - 2).padStart(2, '0');
    const last = String(q * 3).padStart(2, '0');
    return { frequency, label: `${year}-Q${q}`, from: `${year}-${first}-01`, to: endOfMonth(`${year}-${last}-01`) };
  }
  return fail('INVALID_ARGUMENT', 'filing', `expected "monthly" or "quarterly", got "${String(frequency)}"`);
}

import { addDays, compareDates, parseDate, type CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';

/**
 * One published rate: it applies from `from` (inclusive) until the next entry starts, or until
 * the table's `validUntil`.
 *
 * @example
 * ```ts
 * const entry: RateEntry = { from: '2025-07-01', rate: '10.50', source: 'reference.md §1.2 H2 2025 (lawbase.be)' };
 * ```
 */
export interface RateEntry {
  /** First day the rate applies. */
  readonly from: CalendarDate;
  /** Annual rate in percent as an exact decimal string, e.g. `'10.50'` for 10.5 %. */
  readonly rate: string;
  /** Where the figure comes from (reference.md section and the sources it cites). */
  readonly source: string;
  /** Set when reference.md marks the figure [U] (unverified) or [F] (formula-derived). */
  readonly unconfirmed?: true;
  /** Why the entry is special (a conflict between sources, a formula derivation…). */
  readonly note?: string;
}

/**
 * Which kind of debt a table is for: commercial (B2B: handelsrente / intérêt commercial),
 * civil/statutory (wettelijke rente / intérêt légal), or an agreed rate.
 *
 * @example
 * ```ts
 * const kind: RateTableKind = beCivilRates.kind; // "civil"
 * ```
 */
export type RateTableKind = 'commercial' | 'civil' | 'contractual';

/**
 * How often the publisher sets a new rate; used to extend `validUntil` by one period.
 *
 * @example
 * ```ts
 * const publication: RatePublication = beCommercialRates.publication; // "half-yearly"
 * endOfPublicationPeriod('2026-07-01', 'half-yearly'); // "2026-12-31"
 * ```
 */
export type RatePublication = 'half-yearly' | 'yearly' | 'fixed';

/**
 * A versioned table of rates with effective dates. Data ends where the data ends: after
 * `validUntil` there is no rate, and asking for one throws `RATE_TABLE_GAP` instead of
 * guessing. A table without `validUntil` is open-ended (a contractual rate).
 *
 * @example
 * ```ts
 * const table: RateTable = defineRateTable({
 *   id: 'acme-contract', name: 'Acme framework agreement', jurisdiction: 'contract', kind: 'contractual',
 *   publication: 'fixed', entries: [{ from: '2024-01-01', rate: '8.00', source: 'framework agreement art. 7' }],
 * });
 * rateOn(table, '2030-01-01').rate; // "8.00"
 * ```
 */
export interface RateTable {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: Country | 'contract';
  readonly kind: RateTableKind;
  readonly publication: RatePublication;
  /** Sorted by `from`, strictly increasing. */
  readonly entries: readonly RateEntry[];
  /** Last day covered (inclusive); absent = the last entry applies indefinitely. */
  readonly validUntil?: CalendarDate;
}

/**
 * The rate in force on a date, with the entry it comes from (returned by {@link rateOn}).
 *
 * @example
 * ```ts
 * const r: RateOnDate = rateOn(beCommercialRates, '2025-08-15');
 * // { date: "2025-08-15", rate: "10.50", entry: { from: "2025-07-01", rate: "10.50", source: "reference.md §1.2 H2 2025 (lawbase.be)" } }
 * ```
 */
export interface RateOnDate {
  readonly date: CalendarDate;
  /** Percent, exact decimal string. */
  readonly rate: string;
  readonly entry: RateEntry;
}

const PERCENT_TEXT = /^\d{1,3}(\.\d{1,4})?$/;

/**
 * The end of the half-year (30 June or 31 December) or year that contains `date`: the default
 * `validUntil` of a table whose last entry starts on `date`.
 *
 * @example
 * ```ts
 * endOfPublicationPeriod('2026-01-01', 'half-yearly'); // "2026-06-30"
 * endOfPublicationPeriod('2026-01-01', 'yearly'); // "2026-12-31"
 * ```
 */
export function endOfPublicationPeriod(date: CalendarDate, publication: 'half-yearly' | 'yearly'): CalendarDate {
  const d = parseDate(date);
  const year = d.slice(0, 4);
  if (publication === 'yearly') return `${year}-12-31`;
  return d.slice(5, 7) <= '06' ? `${year}-06-30` : `${year}-12-31`;
}

/**
 * Checks a table's shape: valid dates, strictly increasing `from`, rates as exact percent
 * strings, `validUntil` not before the last entry. Returns the table so data modules can wrap
 * their literal in it. Throws `INVALID_ARGUMENT` / `INVALID_DATE` / `INVALID_PERCENTAGE`
 * naming `entries[i].field`.
 *
 * @example
 * ```ts
 * const table = defineRateTable({
 *   id: 'x', name: 'Example', jurisdiction: 'BE', kind: 'commercial', publication: 'yearly',
 *   entries: [{ from: '2025-01-01', rate: '4.50', source: 'example' }],
 *   validUntil: '2025-12-31',
 * });
 * ```
 */
export function defineRateTable(table: RateTable): RateTable {
  if (table.entries.length === 0) fail('INVALID_ARGUMENT', 'entries', `table ${table.id} has no entries`);
  table.entries.forEach((e, i) => {
    parseDate(e.from, `entries[${i}].from`);
    if (!PERCENT_TEXT.test(e.rate)) fail('INVALID_PERCENTAGE', `entries[${i}].rate`, `"${e.rate}" is not a percent like "10.50"`);
    if (!e.source.trim()) fail('INVALID_ARGUMENT', `entries[${i}].source`, 'every rate needs a source');
    const prev = table.entries[i - 1];
    if (prev && compareDates(prev.from, e.from) >= 0) {
      fail('INVALID_ARGUMENT', `entries[${i}].from`, `${e.from} must be after the previous entry (${prev.from})`);
    }
  });
  if (table.validUntil !== undefined) {
    parseDate(table.validUntil, 'validUntil');
    const last = table.entries[table.entries.length - 1] as RateEntry;
    if (table.validUntil < last.from) fail('INVALID_RANGE', 'validUntil', `${table.validUntil} is before the last entry (${last.from})`);
  }
  return table;
}

/**
 * Adds newly published rates to a table (the caller's way to keep up with the Staatsblad
 * before a new release of this library). A published rate may also replace the table's
 * trailing unconfirmed entries: a new entry that starts on the day of an unconfirmed entry at the
 * end of the table drops it and every entry after it. `validUntil` defaults to the end of the
 * publication period of the last new entry. The original table is not changed.
 *
 * @example
 * ```ts
 * const next = extendRateTable(beCommercialRates, [
 *   { from: '2027-01-01', rate: '10.00', source: 'BS …' },
 * ]);
 * next.validUntil; // "2027-06-30"
 * // the notice for H2 2026 replaces the formula-derived entry:
 * extendRateTable(beCommercialRates, [{ from: '2026-07-01', rate: '10.50', source: 'BS …' }]);
 * ```
 */
export function extendRateTable(table: RateTable, entries: readonly RateEntry[], validUntil?: CalendarDate): RateTable {
  if (entries.length === 0) fail('INVALID_ARGUMENT', 'entries', 'nothing to add');
  const last = entries[entries.length - 1] as RateEntry;
  const until = validUntil ?? (table.publication === 'fixed' ? undefined : endOfPublicationPeriod(last.from, table.publication));
  // The new entries must continue the table: the first new rate starts the day after coverage ends at the latest.
  const first = entries[0] as RateEntry;
  if (table.validUntil !== undefined && first.from > addDays(table.validUntil, 1)) {
    fail('RATE_TABLE_GAP', 'entries[0].from', `${first.from} leaves a gap after ${table.id} ends on ${table.validUntil}`);
  }
  // Entries from the first new date on are replaced when they are all unconfirmed (a guess the
  // publication now settles); a confirmed entry is never overwritten (defineRateTable refuses the overlap).
  const replaced = table.entries.findIndex((e) => e.from === first.from);
  const kept = replaced >= 0 && table.entries.slice(replaced).every((e) => e.unconfirmed) ? table.entries.slice(0, replaced) : table.entries;
  const { validUntil: _old, ...rest } = table;
  return defineRateTable({ ...rest, entries: [...kept, ...entries], ...(until === undefined ? {} : { validUntil: until }) });
}

/**
 * A one-rate, open-ended table for an agreed (contractual) rate.
 *
 * @example
 * ```ts
 * rateOn(contractualRateTable('12'), '2030-01-01').rate; // "12"
 * ```
 */
export function contractualRateTable(ratePercent: string, source = 'contract'): RateTable {
  return defineRateTable({
    id: 'contractual',
    name: `Contractual rate ${ratePercent} %`,
    jurisdiction: 'contract',
    kind: 'contractual',
    publication: 'fixed',
    entries: [{ from: '0001-01-01', rate: ratePercent, source }],
  });
}

function gap(table: RateTable, date: CalendarDate, field: string, why: string): never {
  return fail('RATE_TABLE_GAP', field, `no rate in table ${table.id} (${table.name}) for ${date}: ${why}`);
}

/**
 * The rate in force on `date`. Throws `RATE_TABLE_GAP` naming the date, the table and `field`
 * when the table does not cover the date (before its first entry or after `validUntil`).
 *
 * @example
 * ```ts
 * rateOn(beCommercialRates, '2025-03-16').rate; // "11.50"
 * rateOn(beCommercialRates, '2030-01-01'); // throws RATE_TABLE_GAP
 * ```
 */
export function rateOn(table: RateTable, date: CalendarDate, field = 'date'): RateOnDate {
  const d = parseDate(date, field);
  if (table.validUntil !== undefined && d > table.validUntil) gap(table, d, field, `the table ends on ${table.validUntil}`);
  let found: RateEntry | undefined;
  for (const e of table.entries) {
    if (e.from <= d) found = e;
    else break;
  }
  if (!found) return gap(table, d, field, `the table starts on ${table.entries[0]?.from ?? '?'}`);
  return { date: d, rate: found.rate, entry: found };
}

/**
 * The rate at `from` followed by every date in `(from, to]` on which the rate actually
 * changes. Consecutive entries with the same rate (a re-published, unchanged half-year) are
 * not a change, so they do not split an interest segment, unless one of them is unconfirmed
 * and the other is not: a letter must be able to flag the unconfirmed period. Throws `RATE_TABLE_GAP` when the
 * table does not cover the whole range and `INVALID_RANGE` when `to` is before `from`.
 *
 * @example
 * ```ts
 * rateChanges(beCommercialRates, '2025-03-16', '2025-09-30').map((c) => [c.date, c.rate]);
 * // [["2025-03-16", "11.50"], ["2025-07-01", "10.50"]]
 * ```
 */
export function rateChanges(table: RateTable, from: CalendarDate, to: CalendarDate): RateOnDate[] {
  const start = rateOn(table, from, 'from');
  parseDate(to, 'to');
  if (to < from) fail('INVALID_RANGE', 'to', `${to} is before ${from}`);
  rateOn(table, to, 'to');
  const out: RateOnDate[] = [start];
  let current = start.entry;
  for (const e of table.entries) {
    if (e.from <= from || e.from > to) continue;
    if (!new Dec(e.rate).equals(current.rate) || e.unconfirmed !== current.unconfirmed) {
      out.push({ date: e.from, rate: e.rate, entry: e });
    }
    current = e;
  }
  return out;
}

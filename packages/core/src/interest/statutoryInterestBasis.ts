import { parseDate, type CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { beCivilRates } from '../rates/beCivilRates.js';
import { beCommercialRates, beCommercialRatesOldContracts } from '../rates/beCommercialRates.js';
import { nlCommercialRates } from '../rates/nlCommercialRates.js';
import { nlStatutoryRates } from '../rates/nlStatutoryRates.js';
import type { RateTable } from '../rates/rateTable.js';
import type { StatutoryRateTables } from '../rates/statutoryTables.js';
import type { InterestMethod } from './types.js';

/**
 * From when statutory interest runs: the day after the due date without any notice
 * (commercial), from the formal notice (BE civil: ingebrekestelling / mise en demeure), or from
 * default (NL: verzuim, usually after an ingebrekestelling with a final term).
 *
 * @example
 * ```ts
 * const runsFrom: InterestRunsFrom = statutoryInterestBasis('BE', 'consumer').runsFrom; // "formal-notice"
 * ```
 */
export type InterestRunsFrom = 'day-after-due-date' | 'formal-notice' | 'default';

/**
 * Which statutory table and method apply to a debt, and why, as returned by
 * {@link statutoryInterestBasis}.
 *
 * @example
 * ```ts
 * const basis: StatutoryInterestBasis = statutoryInterestBasis('BE', 'consumer');
 * // { table: beCivilRates, method: "simple", runsFrom: "formal-notice",
 * //   legalBasis: "art. 5.240 BW (wettelijke interest / intérêt légal); Book XIX WER", … }
 * ```
 */
export interface StatutoryInterestBasis {
  readonly table: RateTable;
  readonly method: InterestMethod;
  readonly runsFrom: InterestRunsFrom;
  /** The legal basis, for a letter. */
  readonly legalBasis: string;
  readonly source: string;
  readonly note?: string;
}

/**
 * Optional facts that change the statutory interest basis.
 *
 * @example
 * ```ts
 * const options: StatutoryInterestOptions = { contractConcludedOn: '2012-06-01' };
 * statutoryInterestBasis('BE', 'business', options).table.id; // "be-commercial-pre-2013-contracts"
 * ```
 */
export interface StatutoryInterestOptions {
  /** BE B2B: a contract concluded before 16 March 2013 (and not renewed) uses the old-contracts column. */
  readonly contractConcludedOn?: CalendarDate;
  /** Tables to use instead of the shipped ones, by id: the shipped ones plus rates published since ({@link withPublishedRates}). */
  readonly rateTables?: StatutoryRateTables;
}

/**
 * The statutory interest that applies without a contractual rate. Pass `lateInterest` the
 * table and method; when `runsFrom` is not `day-after-due-date`, pass as `dueDate` the last day
 * before interest runs (e.g. the end of the term in the formal notice).
 *
 * - BE business: commercial rate (Law 2 Aug 2002), simple, from the day after the due date.
 * - BE consumer: legal (civil) rate, simple, from the formal notice; under Book XIX only after
 *   the free first reminder and its waiting period (see `beB2cWaitingPeriod`).
 * - NL business: handelsrente (art. 6:119a BW), compounded yearly, from the day after the due date.
 * - NL consumer: wettelijke rente (art. 6:119 BW), compounded yearly, from default.
 *
 * @example
 * ```ts
 * const basis = statutoryInterestBasis('NL', 'business');
 * basis.table.id; // "nl-handelsrente"
 * basis.method; // "compound-annual"
 * ```
 */
export function statutoryInterestBasis(
  country: Country,
  debtorKind: 'business' | 'consumer',
  options: StatutoryInterestOptions = {},
): StatutoryInterestBasis {
  const basis = shippedBasis(country, debtorKind, options);
  const replaced = options.rateTables?.[basis.table.id];
  return replaced ? { ...basis, table: replaced } : basis;
}

function shippedBasis(country: Country, debtorKind: 'business' | 'consumer', options: StatutoryInterestOptions): StatutoryInterestBasis {
  if (debtorKind !== 'business' && debtorKind !== 'consumer') {
    fail('INVALID_ARGUMENT', 'debtorKind', `expected "business" or "consumer", got "${String(debtorKind)}"`);
  }
  if (country === 'BE') {
    if (debtorKind === 'business') {
      const concluded = options.contractConcludedOn;
      const old = concluded !== undefined && parseDate(concluded, 'contractConcludedOn') < '2013-03-16';
      return {
        table: old ? beCommercialRatesOldContracts : beCommercialRates,
        method: 'simple',
        runsFrom: 'day-after-due-date',
        legalBasis: 'Wet van 2 augustus 2002 / Loi du 2 août 2002, art. 5',
        source: 'reference.md §1.2',
        note: 'Belgian law does not compound automatically (anatocism needs a court claim or an agreement)',
      };
    }
    return {
      table: beCivilRates,
      method: 'simple',
      runsFrom: 'formal-notice',
      legalBasis: 'art. 5.240 BW (wettelijke interest / intérêt légal); Book XIX WER',
      source: 'reference.md §1.2 and §3',
      note: 'Book XIX: no interest before the free first reminder and the 14-day waiting period',
    };
  }
  if (country === 'NL') {
    return debtorKind === 'business'
      ? {
          table: nlCommercialRates,
          method: 'compound-annual',
          runsFrom: 'day-after-due-date',
          legalBasis: 'art. 6:119a BW (wettelijke handelsrente)',
          source: 'reference.md §1.3',
        }
      : {
          table: nlStatutoryRates,
          method: 'compound-annual',
          runsFrom: 'default',
          legalBasis: 'art. 6:119 BW (wettelijke rente)',
          source: 'reference.md §1.3',
        };
  }
  return fail('INVALID_ARGUMENT', 'country', `unknown country "${String(country)}"; expected BE or NL`);
}

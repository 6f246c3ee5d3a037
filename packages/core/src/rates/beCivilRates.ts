import { defineRateTable, endOfPublicationPeriod, type RateEntry, type RateTable } from './rateTable.js';

// Belgian legal (civil) interest rate, set per calendar year: average 1-year Euribor of the
// previous December, rounded up to the quarter point, + 2 points. Add a year as one line.
const S = 'reference.md §1.2 statutory rate table (immospector.kluwer.be; gerechtsdeurwaardersvynck-leys.be)';

const ENTRIES: readonly RateEntry[] = [
  { from: '2008-01-01', rate: '7.00', source: S },
  { from: '2009-01-01', rate: '5.50', source: S },
  { from: '2010-01-01', rate: '3.25', source: S, unconfirmed: true, note: 'one source says 3.5 %' },
  { from: '2011-01-01', rate: '3.75', source: S },
  { from: '2012-01-01', rate: '4.25', source: S },
  { from: '2013-01-01', rate: '2.75', source: S },
  { from: '2014-01-01', rate: '2.75', source: S },
  { from: '2015-01-01', rate: '2.50', source: S },
  { from: '2016-01-01', rate: '2.25', source: S },
  { from: '2017-01-01', rate: '2.00', source: S },
  { from: '2018-01-01', rate: '2.00', source: S },
  { from: '2019-01-01', rate: '2.00', source: S },
  { from: '2020-01-01', rate: '1.75', source: S },
  { from: '2021-01-01', rate: '1.75', source: S },
  { from: '2022-01-01', rate: '1.50', source: S },
  { from: '2023-01-01', rate: '5.25', source: S },
  { from: '2024-01-01', rate: '5.75', source: 'reference.md §1.2 (kantoor-jan-loeters.be)' },
  { from: '2025-01-01', rate: '4.50', source: 'reference.md §1.2 (lawbase.be)' },
  { from: '2026-01-01', rate: '4.50', source: 'reference.md §1.2 (embuild.be)' },
];

/**
 * Belgian legal interest rate (wettelijke interestvoet / taux d'intérêt légal) per calendar
 * year from 2008: the civil rate for B2C and non-commercial debts. It runs from the formal
 * notice (ingebrekestelling / mise en demeure) unless a law or the contract says otherwise.
 *
 * @example
 * ```ts
 * rateOn(beCivilRates, '2024-05-01').rate; // "5.75"
 * ```
 */
export const beCivilRates: RateTable = defineRateTable({
  id: 'be-civil',
  name: 'BE legal interest rate (civil)',
  jurisdiction: 'BE',
  kind: 'civil',
  publication: 'yearly',
  entries: ENTRIES,
  validUntil: endOfPublicationPeriod((ENTRIES[ENTRIES.length - 1] as RateEntry).from, 'yearly'),
});

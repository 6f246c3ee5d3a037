import { fail } from '../errors/fail.js';
import { beCivilRates } from './beCivilRates.js';
import { beCommercialRates, beCommercialRatesOldContracts } from './beCommercialRates.js';
import { nlCommercialRates } from './nlCommercialRates.js';
import { nlStatutoryRates } from './nlStatutoryRates.js';
import { extendRateTable, type RateEntry, type RateTable } from './rateTable.js';

/**
 * The statutory tables this library ships, by id.
 *
 * @example
 * ```ts
 * STATUTORY_RATE_TABLES['nl-handelsrente'].name; // the Dutch commercial rate table
 * ```
 */
export const STATUTORY_RATE_TABLES: Readonly<Record<string, RateTable>> = Object.freeze(
  Object.fromEntries([beCommercialRates, beCommercialRatesOldContracts, beCivilRates, nlCommercialRates, nlStatutoryRates].map((t) => [t.id, t])),
);

/**
 * Statutory tables to use instead of the shipped ones, by table id (see {@link withPublishedRates}).
 *
 * @example
 * ```ts
 * const tables: StatutoryRateTables = withPublishedRates({});
 * ```
 */
export type StatutoryRateTables = Readonly<Record<string, RateTable>>;

/**
 * The shipped statutory tables extended with rates published after this release (a half-year's
 * notice in the Belgian Staatsblad, a new Dutch rate), keyed by table id. Each list continues its
 * table as {@link extendRateTable} does, so a published rate may replace the trailing unconfirmed
 * entry. Unknown ids and malformed entries throw, naming the table and the entry.
 *
 * @example
 * ```ts
 * const tables = withPublishedRates({ 'be-commercial': [{ from: '2027-01-01', rate: '10.25', source: 'BS 2027-01-05' }] });
 * statutoryInterestBasis('BE', 'business', { rateTables: tables }).table.validUntil; // "2027-06-30"
 * ```
 */
export function withPublishedRates(published: Readonly<Record<string, readonly RateEntry[]>>): StatutoryRateTables {
  const out: Record<string, RateTable> = { ...STATUTORY_RATE_TABLES };
  for (const [id, entries] of Object.entries(published)) {
    const table = STATUTORY_RATE_TABLES[id];
    if (!table) fail('INVALID_ARGUMENT', id, `unknown rate table "${id}"; expected one of ${Object.keys(STATUTORY_RATE_TABLES).join(', ')}`);
    out[id] = extendRateTable(table, entries);
  }
  return Object.freeze(out);
}

import { readFileSync } from 'node:fs';
import { FactError, withPublishedRates, type RateEntry, type StatutoryRateTables } from '@fact/core';

/**
 * Statutory interest rates published after this release, read from the JSON file that
 * `FACT_RATES_FILE` names: `{ "be-commercial": [{ "from": "2027-01-01", "rate": "…", "source": "BS …" }] }`
 * (table ids: @fact/core `STATUTORY_RATE_TABLES`). The Belgian commercial rate is published
 * every half-year and the Dutch rates when they change: an operator adds the new rate here the day
 * it is published, instead of waiting for a release, and every interest figure (letters, the
 * claim statement, the queue) uses it. Without the variable, the shipped tables. Read once per
 * process and path; a broken file throws a FactError naming the file and what is wrong.
 *
 * @example
 * ```ts
 * const tables = publishedRates({ FACT_RATES_FILE: '/etc/fact/rates.json' });
 * statutoryInterestBasis('BE', 'business', { rateTables: tables });
 * ```
 */
export function publishedRates(env: Readonly<Record<string, string | undefined>> = process.env): StatutoryRateTables | undefined {
  const path = env.FACT_RATES_FILE;
  if (!path) return undefined;
  let tables = cache.get(path);
  if (!tables) {
    tables = readRatesFile(path);
    cache.set(path, tables);
  }
  return tables;
}

const cache = new Map<string, StatutoryRateTables>();

function readRatesFile(path: string): StatutoryRateTables {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new FactError('INVALID_ARGUMENT', `FACT_RATES_FILE ${path}: ${e instanceof Error ? e.message : String(e)}`, 'FACT_RATES_FILE');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FactError('INVALID_ARGUMENT', `FACT_RATES_FILE ${path}: expected an object of rate lists by table id`, 'FACT_RATES_FILE');
  }
  const published: Record<string, RateEntry[]> = {};
  for (const [id, list] of Object.entries(json)) {
    if (!Array.isArray(list) || list.length === 0) throw new FactError('INVALID_ARGUMENT', `FACT_RATES_FILE ${path}: "${id}" must be a non-empty list of rates`, 'FACT_RATES_FILE');
    published[id] = list.map((e: unknown, i) => rateEntry(e, `${path}: ${id}[${i}]`));
  }
  try {
    return withPublishedRates(published);
  } catch (e) {
    const field = e instanceof FactError && e.field ? ` (${e.field})` : '';
    throw new FactError('INVALID_ARGUMENT', `FACT_RATES_FILE ${path}${field}: ${e instanceof Error ? e.message : String(e)}`, 'FACT_RATES_FILE');
  }
}

function rateEntry(e: unknown, where: string): RateEntry {
  const o = (e ?? {}) as Record<string, unknown>;
  for (const key of ['from', 'rate', 'source'] as const) {
    if (typeof o[key] !== 'string' || o[key] === '') throw new FactError('INVALID_ARGUMENT', `FACT_RATES_FILE ${where}: "${key}" must be a non-empty string`, 'FACT_RATES_FILE');
  }
  return { from: o.from as string, rate: o.rate as string, source: o.source as string, ...(o.unconfirmed === true ? { unconfirmed: true as const } : {}) };
}

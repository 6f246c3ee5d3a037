import type { CalendarDate } from '@fact/core';
import type { Database } from '../../db.js';
import type { CompanyBook } from './open-book.js';

interface Entry {
  readonly asOf: CalendarDate;
  readonly dataVersion: string;
  readonly book: CompanyBook;
}

// One cache per database handle (tests open many), one entry per company: the latest as-of date
// wins, so memory stays bounded by the number of companies.
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Database): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The cached open book of a company, if it was computed for the same as-of date and the same
 * data version (see `CompanyFigures.dataVersion`); otherwise undefined.
 *
 * @example
 * ```ts
 * const book = cachedBook(db, companyId, '2026-11-20', figures.dataVersion) ?? (await recompute());
 * ```
 */
export function cachedBook(db: Database, companyId: string, asOf: CalendarDate, dataVersion: string): CompanyBook | undefined {
  const entry = cacheOf(db).get(companyId);
  return entry && entry.asOf === asOf && entry.dataVersion === dataVersion ? entry.book : undefined;
}

/**
 * Keeps a freshly computed book under its as-of date and data version.
 *
 * @example
 * ```ts
 * storeBook(db, companyId, '2026-11-20', figures.dataVersion, book);
 * ```
 */
export function storeBook(db: Database, companyId: string, asOf: CalendarDate, dataVersion: string, book: CompanyBook): void {
  cacheOf(db).set(companyId, { asOf, dataVersion, book });
}

/**
 * Forgets every cached book of a database (benchmarks measure the cold path with it).
 *
 * @example
 * ```ts
 * clearBookCache(db);
 * ```
 */
export function clearBookCache(db: Database): void {
  caches.delete(db);
}

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

// Books being computed right now, so that two dashboards opened at the same moment (the first
// visit after a restart or after midnight) share one read of the open invoices.
const pending = new WeakMap<object, Map<string, Promise<CompanyBook | undefined>>>();

/**
 * The computation of a company's book already under way for this as-of date and data version,
 * or undefined.
 *
 * @example
 * ```ts
 * const running = pendingBook(db, companyId, '2026-11-20', version);
 * ```
 */
export function pendingBook(db: Database, companyId: string, asOf: CalendarDate, dataVersion: string): Promise<CompanyBook | undefined> | undefined {
  return pending.get(db)?.get(`${companyId}|${asOf}|${dataVersion}`);
}

/**
 * Registers the computation of a company's book until it settles.
 *
 * @example
 * ```ts
 * trackPending(db, companyId, '2026-11-20', version, computation.then((m) => m.get(companyId)));
 * ```
 */
export function trackPending(db: Database, companyId: string, asOf: CalendarDate, dataVersion: string, book: Promise<CompanyBook | undefined>): void {
  let map = pending.get(db);
  if (!map) {
    map = new Map();
    pending.set(db, map);
  }
  const key = `${companyId}|${asOf}|${dataVersion}`;
  map.set(key, book);
  const forget = () => map.delete(key);
  book.then(forget, forget);
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

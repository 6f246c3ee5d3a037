import type { PGlite } from '@electric-sql/pglite';
import type BetterSqlite3 from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Pool } from 'pg';
import type { tables as sqliteTables } from '../schema/sqlite.js';

/** Which SQL dialect a handle speaks. */
export type Dialect = 'sqlite' | 'pg';

/** Which driver is behind a handle. */
export type Driver = 'better-sqlite3' | 'pg' | 'pglite';

/**
 * The one typed query surface repositories are written against: drizzle's SQLite database type.
 * On PostgreSQL the runtime object is drizzle's node-postgres or PGlite database; the shapes
 * used by the repositories (select/insert/update/delete with `returning`, awaited) behave the
 * same. Never call `.all()`, `.get()`, `.run()` or `.values()`: they exist only on SQLite.
 */
export type AppDb = BetterSQLite3Database<Record<string, never>>;

/** The tables, typed as the SQLite ones (identical names and columns in both dialects). */
export type Tables = typeof sqliteTables;

/** A way to run queries: the root handle or an open transaction. Repositories take this. */
export interface Executor {
  readonly dialect: Dialect;
  readonly driver: Driver;
  /**
   * The query builder. On the root handle of a SQLite file this is the READ-ONLY connection:
   * writes go through {@link Executor.transaction}.
   */
  readonly db: AppDb;
  readonly tables: Tables;
  /** True inside {@link Executor.transaction}. */
  readonly inTransaction: boolean;
  /**
   * Runs `fn` in a transaction and commits when it resolves, rolls back when it throws. Inside a
   * transaction, a nested call makes a savepoint.
   */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs raw SQL (drizzle `sql` template) and returns its rows. */
  all<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs a raw SQL statement that returns no rows (DDL, UPDATE without RETURNING…). */
  run(query: SQL): Promise<void>;
}

/** An open database: an {@link Executor} that can also migrate and close. */
export interface DbHandle extends Executor {
  /** Applies the committed migrations of the dialect (drizzle/sqlite or drizzle/pg). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The driver object, for bulk loading (the seed generator) and diagnostics. */
  readonly raw: RawDriver;
}

/** The underlying driver object. */
export type RawDriver =
  | { driver: 'better-sqlite3'; writer: BetterSqlite3.Database; reader: BetterSqlite3.Database }
  | { driver: 'pg'; pool: Pool }
  | { driver: 'pglite'; client: PGlite };

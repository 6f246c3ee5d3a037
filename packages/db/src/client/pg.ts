import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { tables as pgTables } from '../schema/pg.js';
import { migrationsFolder } from './migrations.js';
import type { AppDb, DbHandle, Driver, Executor, RawDriver, Tables } from './types.js';

// The one narrow cast of the package: repositories are typed against the SQLite table objects;
// the PostgreSQL ones have the same TypeScript names, columns and JS value types (a test proves
// the names, the shared suite proves the behaviour).
const tables = pgTables as unknown as Tables;

interface PgLikeDb {
  execute(query: SQL): Promise<{ rows: unknown[] }>;
  transaction<T>(fn: (tx: PgLikeDb) => Promise<T>): Promise<T>;
}

function executor(driver: Driver, db: PgLikeDb, inTransaction: boolean): Executor {
  return {
    dialect: 'pg',
    driver,
    db: db as unknown as AppDb,
    tables,
    inTransaction,
    // drizzle's async transactions; nested calls become savepoints.
    transaction: <T>(fn: (tx: Executor) => Promise<T>) => db.transaction((tx) => fn(executor(driver, tx, true))),
    all: async <T>(query: SQL) => (await db.execute(query)).rows as T[],
    run: async (query: SQL) => void (await db.execute(query)),
  };
}

/**
 * Opens a PostgreSQL server through a node-postgres pool.
 *
 * @example
 * ```ts
 * const h = openPg('postgres://fact:fact@localhost:5432/fact');
 * ```
 */
export function openPg(url: string): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzleNodePg({ client: pool });
  return finish(executor('pg', db as unknown as PgLikeDb, false), { driver: 'pg', pool }, {
    migrate: () => migrateNodePg(db, { migrationsFolder: migrationsFolder('pg') }),
    close: () => pool.end(),
  });
}

/**
 * Opens PostgreSQL in-process with PGlite (in memory, or in `dataDir`): the tests' PostgreSQL.
 *
 * @example
 * ```ts
 * const h = openPglite(undefined); // fresh in-memory PostgreSQL
 * ```
 */
export function openPglite(dataDir: string | undefined): DbHandle {
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client });
  return finish(executor('pglite', db as unknown as PgLikeDb, false), { driver: 'pglite', client }, {
    migrate: () => migratePglite(db, { migrationsFolder: migrationsFolder('pg') }),
    close: () => client.close(),
  });
}

function finish(base: Executor, raw: RawDriver, ops: { migrate: () => Promise<void>; close: () => Promise<void> }): DbHandle {
  return { ...base, raw, migrate: ops.migrate, close: ops.close };
}

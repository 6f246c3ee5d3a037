import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { tables } from '../schema/sqlite.js';
import { migrationsFolder } from './migrations.js';
import { Mutex } from './mutex.js';
import type { AppDb, DbHandle, Executor } from './types.js';

/**
 * Pragmas of the writer connection.
 * - WAL: readers never block the writer and see only committed data.
 * - foreign_keys: SQLite leaves them off unless asked, per connection.
 * - busy_timeout: wait up to 5 s for another process's write lock instead of failing at once.
 * - cache_size: 64 MiB per connection instead of 2 MiB.
 * - synchronous=FULL: every COMMIT is fsynced. In WAL mode NORMAL could lose the last
 *   transactions on power loss; a recorded payment or a sent reminder must not vanish, so we pay
 *   the fsync.
 */
function tune(conn: Database.Database, readonly: boolean): void {
  if (!readonly) conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // 64 MiB page cache (default 2 MiB): dashboards and bulk loads touch many index pages.
  conn.pragma('cache_size = -65536');
  if (!readonly) conn.pragma('synchronous = FULL');
}

/**
 * Opens a SQLite database file (created with its folder when missing), or an in-memory one.
 *
 * Two connections: a writer, used only inside `transaction()` and serialised by an async mutex
 * (BEGIN IMMEDIATE … COMMIT/ROLLBACK), and a read-only reader behind `db`. drizzle's own
 * better-sqlite3 transactions are synchronous and cannot await; this gives one async
 * `transaction(fn)` with the same contract as on PostgreSQL, and reads outside it can never see
 * another caller's uncommitted writes. In memory there is only one connection (tests).
 *
 * @example
 * ```ts
 * const h = openSqlite('./data/fact.sqlite');
 * await h.migrate();
 * ```
 */
export function openSqlite(path: string | ':memory:'): DbHandle {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const writer = new Database(path);
  tune(writer, false);
  // The reader opens on first use: until then the writer is the file's only connection, which
  // lets a bulk load into a fresh file leave WAL mode (see seed/load.ts).
  let readerConn: Database.Database | undefined = memory ? writer : undefined;
  const reader = (): Database.Database => {
    if (!readerConn) {
      readerConn = new Database(path, { readonly: true, fileMustExist: true });
      tune(readerConn, true);
    }
    return readerConn;
  };

  const writeDb = drizzle({ client: writer }) as AppDb;
  // drizzle only calls `prepare` on a connection it does not run transactions on.
  const lazyReader = { prepare: (text: string) => reader().prepare(text) } as unknown as Database.Database;
  const readDb = memory ? writeDb : (drizzle({ client: lazyReader }) as AppDb);
  const mutex = new Mutex();
  let savepoints = 0;

  const all = <T>(db: AppDb) => async (query: SQL) => db.all<T>(query);

  const txExecutor: Executor = {
    dialect: 'sqlite',
    driver: 'better-sqlite3',
    db: writeDb,
    tables,
    inTransaction: true,
    async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
      const name = `sp${++savepoints}`;
      writer.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(txExecutor);
        writer.exec(`RELEASE ${name}`);
        return result;
      } catch (e) {
        writer.exec(`ROLLBACK TO ${name}`);
        writer.exec(`RELEASE ${name}`);
        throw e;
      }
    },
    all: <T>(query: SQL) => all<T>(writeDb)(query),
    run: async (query: SQL) => void writeDb.run(query),
  };

  return {
    dialect: 'sqlite',
    driver: 'better-sqlite3',
    db: readDb,
    tables,
    inTransaction: false,
    raw: {
      driver: 'better-sqlite3',
      writer,
      get reader() {
        return reader();
      },
    },
    transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
      return mutex.run(async () => {
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(txExecutor);
          writer.exec('COMMIT');
          return result;
        } catch (e) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw e;
        }
      });
    },
    all: <T>(query: SQL) => all<T>(readDb)(query),
    run: async (query: SQL) => void readDb.run(query),
    async migrate() {
      await mutex.run(async () => migrate(writeDb, { migrationsFolder: migrationsFolder('sqlite') }));
    },
    async close() {
      await mutex.run(async () => {
        if (readerConn && readerConn !== writer) readerConn.close();
        writer.close();
      });
    },
  };
}

import type BetterSqlite3 from 'better-sqlite3';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { DbHandle, Executor, RawDriver, Tables } from '../client/types.js';
import { TABLE_ORDER, type CompanyRows, type Row } from './generate.js';
import { rebuildReceivableTotals, withoutTotalsTriggers } from '../repo/receivableTotals.js';
import { copyChunks, copyRows, type EncodedCompany, type EncodedTable } from './copy.js';
import { dropSecondaryIndexes, type IndexDefinition } from './indexes.js';

type TableKey = keyof Tables;

const ORDER = TABLE_ORDER;

/** Runs `tasks` with at most `limit` of them at once; rejects with the first failure. */
async function inParallel(tasks: readonly (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

type PgQuery = (text: string, params: unknown[]) => Promise<unknown>;

/** A load transaction on the bare PostgreSQL driver: `copy` only on node-postgres. */
interface PgSession {
  query: PgQuery;
  copy?: (table: string, columns: readonly string[], keys: readonly string[], rows: readonly Row[]) => Promise<number>;
  copyEncoded?: (t: EncodedTable) => Promise<number>;
}

/** Runs `fn` in a transaction on one connection of the bare PostgreSQL driver. */
async function pgTransaction<T>(raw: Exclude<RawDriver, { driver: 'better-sqlite3' }>, fn: (session: PgSession) => Promise<T>): Promise<T> {
  // PGlite has COPY only from a whole in-memory blob, not from a stream: it keeps multi-row INSERTs.
  if (raw.driver === 'pglite') return raw.client.transaction((tx) => fn({ query: (text, params) => tx.query(text, params) }));
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    const result = await fn({
      query: (text, params) => client.query(text, params),
      copy: (table, columns, keys, rows) => copyRows(client, table, columns, keys, rows),
      copyEncoded: (t) => copyChunks(client, t),
    });
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Rows per multi-row INSERT: SQLite allows 32 766 parameters, PostgreSQL 65 535. */
const ROWS_PER_STATEMENT_SQLITE = 200;
const PARAMS_PER_STATEMENT_PG = 30_000;

/** SQLite value of a JS value, as drizzle would write it for our column kinds. */
function sqliteValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/** PostgreSQL (node-postgres / PGlite) parameter of a JS value. */
function pgValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}

/** The shape of a table for hand-built INSERTs. */
interface TableShape {
  name: string;
  keys: string[];
  /** Column names in `keys` order. */
  names: string[];
  /** `"a", "b", …` */
  columns: string;
}

/**
 * Fast bulk loading of generated rows through the bare driver, one transaction per company.
 * SQLite: reused prepared statements of 200 rows on the writer connection (inside our
 * transaction). PostgreSQL server (node-postgres): one `COPY … FROM STDIN` per table, the rows
 * streamed in COPY text format ({@link copyRows}). PGlite: parameterised multi-row INSERTs of up
 * to 30 000 parameters. No drizzle per-row work.
 *
 * With `fresh: true` (a database created for this load, thrown away if the load fails) it
 * also drops the secondary indexes of the bulk tables for the load and rebuilds them at the
 * end, and turns durability off while loading (see {@link BulkLoader.run}).
 *
 * @example
 * ```ts
 * const loader = new BulkLoader(db, { fresh: true });
 * await loader.run(async () => { await loader.loadCompany(rows); });
 * ```
 */
export class BulkLoader {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #shapes = new Map<TableKey, TableShape>();
  readonly #fresh: boolean;
  #replicaRole: boolean | undefined;

  constructor(
    private readonly db: DbHandle,
    options: { fresh?: boolean } = {},
  ) {
    this.#fresh = options.fresh ?? false;
  }

  /**
   * Runs a bulk load.
   *
   * SQLite: `synchronous = OFF` for its duration (per-commit fsyncs would dominate; a seed a
   * crash interrupts is run again). On a fresh file also `journal_mode = OFF` and
   * `foreign_keys = OFF` (see the comment inside).
   * PostgreSQL: `synchronous_commit = off` for the session's transactions (a crash can lose the
   * last commits, never corrupt). Normal operation keeps FULL / on.
   *
   * Fresh databases only: secondary indexes of the bulk tables are dropped first and rebuilt
   * at the end, once, from sorted data (much cheaper than updating them row by row). Unique
   * indexes are rebuilt too, so a duplicate still fails the load.
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const raw = this.db.raw;
    const tableNames = ['companies', ...ORDER.map(([t]) => getTableName(this.db.tables[t]))];
    let dropped: IndexDefinition[] = [];
    if (this.#fresh) dropped = await dropSecondaryIndexes(this.db, tableNames);
    const sqlite = raw.driver === 'better-sqlite3' ? raw.writer : undefined;
    sqlite?.pragma('synchronous = OFF');
    let leftWal = false;
    if (sqlite && this.#fresh) {
      // A fresh file is thrown away if the load fails, so it needs neither a journal (no
      // rollback, no double write through the WAL) nor per-row foreign-key lookups (generated
      // rows are consistent by construction; seed.test.ts runs foreign_key_check on a fresh
      // load). Leaving WAL only works while the writer is the file's only connection: the
      // handle opens its reader lazily, and the loader reads through the writer.
      leftWal = sqlite.pragma('journal_mode = OFF', { simple: true }) === 'off';
      sqlite.pragma('foreign_keys = OFF');
      // Same reasoning for CHECK constraints (seed.test.ts runs integrity_check, which checks them).
      sqlite.pragma('ignore_check_constraints = ON');
      // Room to sort while the indexes are rebuilt.
      sqlite.pragma('cache_size = -262144');
      sqlite.pragma('temp_store = MEMORY');
    }
    try {
      if (!this.#fresh) return await fn();
      // Fresh: no per-row trigger work; the running totals are computed once at the end.
      const result = await withoutTotalsTriggers(this.db, fn);
      if (sqlite) {
        await rebuildReceivableTotals(this.db);
      } else {
        // PostgreSQL: the totals and the indexes are independent; two connections build them
        // side by side (the server has a core per connection), each with room to sort in memory.
        const tasks = [() => rebuildReceivableTotals(this.db), ...dropped.map((ix) => () => this.#buildIndex(ix))];
        dropped = [];
        await inParallel(tasks, 2);
      }
      return result;
    } finally {
      for (const ix of dropped) await this.#buildIndex(ix);
      if (sqlite) {
        sqlite.pragma('synchronous = FULL');
        if (this.#fresh) {
          sqlite.pragma('foreign_keys = ON');
          sqlite.pragma('ignore_check_constraints = OFF');
          sqlite.pragma('cache_size = -65536');
          sqlite.pragma('temp_store = DEFAULT');
          if (leftWal) sqlite.pragma('journal_mode = WAL');
          // Planner statistics from a sample (a full ANALYZE reads every index).
          sqlite.pragma('analysis_limit = 1000');
          sqlite.exec('analyze');
        }
      } else if (this.#fresh) {
        await this.db.run(sql.raw(`analyze ${tableNames.map((n) => `"${n}"`).join(', ')}`));
      }
    }
  }

  /** True when the rows go in through COPY (a PostgreSQL server): {@link loadEncoded} applies. */
  get copies(): boolean {
    return this.db.raw.driver === 'pg';
  }

  /** Streams a company encoded for COPY ({@link encodeCompany}) in one transaction (PostgreSQL server only). */
  async loadEncoded(company: EncodedCompany): Promise<number> {
    const raw = this.db.raw;
    if (raw.driver !== 'pg') throw new Error('loadEncoded needs a PostgreSQL server (COPY FROM STDIN)');
    await this.#checkReplicaRole();
    return pgTransaction(raw, async (session) => {
      await this.#prepareSession(session);
      let n = 0;
      for (const t of company.tables) n += await session.copyEncoded!(t);
      return n;
    });
  }

  /** Inserts a company and everything under it in one transaction (or inside `within`). */
  async loadCompany(rows: CompanyRows, within?: Executor): Promise<number> {
    const raw = this.db.raw;
    if (raw.driver === 'better-sqlite3' || within) {
      return (within ?? this.db).transaction(async (tx) => {
        let n = await this.insert(tx, 'companies', [rows.company]);
        for (const [table, key] of ORDER) n += await this.insert(tx, table, rows[key]);
        return n;
      });
    }
    // PostgreSQL: the bare driver in its own transaction (drizzle would build an object per parameter).
    await this.#checkReplicaRole();
    return pgTransaction(raw, async (session) => {
      await this.#prepareSession(session);
      let n = await this.#pgInsert(session, 'companies', [rows.company]);
      for (const [table, key] of ORDER) n += await this.#pgInsert(session, table, rows[key]);
      return n;
    });
  }

  /** Inserts rows of one table inside a transaction of this handle (SQLite: bare driver; PostgreSQL: drizzle). */
  async insert(tx: Executor, table: TableKey, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const raw = this.db.raw;
    if (raw.driver === 'better-sqlite3') {
      const shape = this.#shape(table);
      const per = ROWS_PER_STATEMENT_SQLITE;
      for (let i = 0; i < rows.length; i += per) {
        const slice = Math.min(per, rows.length - i);
        const params: unknown[] = [];
        for (let r = i; r < i + slice; r++) {
          const row = rows[r]!;
          for (const k of shape.keys) params.push(sqliteValue(row[k]));
        }
        this.#sqliteStatement(raw.writer, shape, slice).run(params);
      }
      return rows.length;
    }
    const t = tx.tables[table];
    const chunk = Math.max(1, Math.floor(PARAMS_PER_STATEMENT_PG / this.#shape(table).keys.length));
    for (let i = 0; i < rows.length; i += chunk) {
      // Generated rows carry every column by its drizzle key; the cast is the bulk path's only one.
      await tx.db.insert(t).values(rows.slice(i, i + chunk) as never[]);
    }
    return rows.length;
  }

  /** Re-creates a dropped index (PostgreSQL: with 256 MB to sort in, instead of the default 64 MB). */
  async #buildIndex(ix: IndexDefinition): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (tx.dialect === 'pg') await tx.run(sql`set local maintenance_work_mem = '256MB'`);
      await tx.run(sql.raw(ix.sql));
    });
  }

  async #checkReplicaRole(): Promise<void> {
    if (this.#fresh && this.#replicaRole === undefined) {
      // Foreign keys are per-row triggers in PostgreSQL; a superuser may skip them for the load
      // (same reasoning as SQLite's foreign_keys = OFF in run()). Others keep them.
      const [me] = await this.db.all<{ s: boolean }>(sql`select rolsuper as s from pg_roles where rolname = current_user`);
      this.#replicaRole = me?.s === true;
    }
  }

  async #prepareSession(session: PgSession): Promise<void> {
    await session.query('set local synchronous_commit = off', []);
    if (this.#replicaRole) await session.query('set local session_replication_role = replica', []);
  }

  /** node-postgres: one streamed COPY per table; PGlite: multi-row INSERTs. */
  async #pgInsert(session: PgSession, table: TableKey, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const shape = this.#shape(table);
    if (session.copy) return session.copy(shape.name, shape.names, shape.keys, rows);
    const per = Math.max(1, Math.floor(PARAMS_PER_STATEMENT_PG / shape.keys.length));
    for (let i = 0; i < rows.length; i += per) {
      const slice = Math.min(per, rows.length - i);
      const params: unknown[] = [];
      for (let r = i; r < i + slice; r++) {
        const row = rows[r]!;
        for (const k of shape.keys) params.push(pgValue(row[k]));
      }
      await session.query(this.#pgText(shape, slice), params);
    }
    return rows.length;
  }

  #shape(table: TableKey): TableShape {
    let s = this.#shapes.get(table);
    if (!s) {
      const t = this.db.tables[table];
      const cols = Object.entries(getTableColumns(t));
      const names = cols.map(([, c]) => c.name);
      s = { name: getTableName(t), keys: cols.map(([k]) => k), names, columns: names.map((n) => `"${n}"`).join(', ') };
      this.#shapes.set(table, s);
    }
    return s;
  }

  #sqliteStatement(writer: BetterSqlite3.Database, shape: TableShape, rows: number): BetterSqlite3.Statement {
    const key = `${shape.name}/${rows}`;
    let stmt = this.#statements.get(key);
    if (!stmt) {
      const one = `(${shape.keys.map(() => '?').join(', ')})`;
      stmt = writer.prepare(`insert into "${shape.name}" (${shape.columns}) values ${Array.from({ length: rows }, () => one).join(', ')}`);
      this.#statements.set(key, stmt);
    }
    return stmt;
  }

  #pgText(shape: TableShape, rows: number): string {
    const width = shape.keys.length;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) tuples.push(`(${shape.keys.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
    return `insert into "${shape.name}" (${shape.columns}) values ${tuples.join(', ')}`;
  }
}

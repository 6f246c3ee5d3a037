import type BetterSqlite3 from 'better-sqlite3';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { DbHandle, Executor, RawDriver, Tables } from '../client/types.js';
import type { CompanyRows, Row } from './generate.js';
import { rebuildReceivableTotals, withoutTotalsTriggers } from '../repo/receivableTotals.js';
import { dropSecondaryIndexes, type IndexDefinition } from './indexes.js';

type TableKey = keyof Tables;

const ORDER: readonly (readonly [TableKey, keyof Omit<CompanyRows, 'company'>])[] = [
  ['debtors', 'debtors'],
  ['invoices', 'invoices'],
  ['invoiceLines', 'invoiceLines'],
  ['payments', 'payments'],
  ['allocations', 'allocations'],
  ['disputes', 'disputes'],
];

type PgQuery = (text: string, params: unknown[]) => Promise<unknown>;

/** Runs `fn` in a transaction on one connection of the bare PostgreSQL driver. */
async function pgTransaction<T>(raw: Exclude<RawDriver, { driver: 'better-sqlite3' }>, fn: (query: PgQuery) => Promise<T>): Promise<T> {
  if (raw.driver === 'pglite') return raw.client.transaction((tx) => fn((text, params) => tx.query(text, params)));
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    const result = await fn((text, params) => client.query(text, params));
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
  columns: string;
}

/**
 * Fast bulk loading of generated rows: multi-row INSERTs through the bare driver, one
 * transaction per company. SQLite: reused prepared statements of 200 rows on the writer
 * connection (inside our transaction). PostgreSQL: parameterised multi-row INSERTs of up to
 * 30 000 parameters (node-postgres or PGlite), no drizzle per-row work.
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
      await rebuildReceivableTotals(this.db);
      return result;
    } finally {
      for (const ix of dropped) await this.db.transaction((tx) => tx.run(sql.raw(ix.sql)));
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
      } else if (dropped.length) {
        await this.db.run(sql.raw(`analyze ${tableNames.map((n) => `"${n}"`).join(', ')}`));
      }
    }
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
    if (this.#fresh && this.#replicaRole === undefined) {
      // Foreign keys are per-row triggers in PostgreSQL; a superuser may skip them for the load
      // (same reasoning as SQLite's foreign_keys = OFF in run()). Others keep them.
      const [me] = await this.db.all<{ s: boolean }>(sql`select rolsuper as s from pg_roles where rolname = current_user`);
      this.#replicaRole = me?.s === true;
    }
    return pgTransaction(raw, async (query) => {
      await query('set local synchronous_commit = off', []);
      if (this.#replicaRole) await query('set local session_replication_role = replica', []);
      let n = await this.#pgInsert(query, 'companies', [rows.company]);
      for (const [table, key] of ORDER) n += await this.#pgInsert(query, table, rows[key]);
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

  async #pgInsert(query: PgQuery, table: TableKey, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const shape = this.#shape(table);
    const per = Math.max(1, Math.floor(PARAMS_PER_STATEMENT_PG / shape.keys.length));
    for (let i = 0; i < rows.length; i += per) {
      const slice = Math.min(per, rows.length - i);
      const params: unknown[] = [];
      for (let r = i; r < i + slice; r++) {
        const row = rows[r]!;
        for (const k of shape.keys) params.push(pgValue(row[k]));
      }
      await query(this.#pgText(shape, slice), params);
    }
    return rows.length;
  }

  #shape(table: TableKey): TableShape {
    let s = this.#shapes.get(table);
    if (!s) {
      const t = this.db.tables[table];
      const cols = Object.entries(getTableColumns(t));
      s = { name: getTableName(t), keys: cols.map(([k]) => k), columns: cols.map(([, c]) => `"${c.name}"`).join(', ') };
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

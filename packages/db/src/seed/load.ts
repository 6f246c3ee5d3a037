import type BetterSqlite3 from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { DbHandle, Executor, Tables } from '../client/types.js';
import type { CompanyRows, Row } from './generate.js';

type TableKey = keyof Tables;

const ORDER: readonly (readonly [TableKey, keyof Omit<CompanyRows, 'company'>])[] = [
  ['debtors', 'debtors'],
  ['invoices', 'invoices'],
  ['invoiceLines', 'invoiceLines'],
  ['payments', 'payments'],
  ['allocations', 'allocations'],
  ['disputes', 'disputes'],
];

/** SQLite value of a JS value, as drizzle would write it for our column kinds. */
function sqliteValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Fast bulk loading of generated rows. SQLite: better-sqlite3 prepared statements on the
 * writer connection inside our transaction (no per-row drizzle overhead). PostgreSQL:
 * multi-row INSERTs through drizzle, chunked under the 65 535-parameter limit.
 *
 * @example
 * ```ts
 * const loader = new BulkLoader(db);
 * await loader.loadCompany(rows);
 * ```
 */
export class BulkLoader {
  readonly #statements = new Map<TableKey, { stmt: BetterSqlite3.Statement; keys: string[] }>();

  constructor(private readonly db: DbHandle) {}

  /**
   * Runs a bulk load. On SQLite it turns `synchronous` OFF for its duration: a seed that a crash
   * interrupts is simply run again, and per-commit fsyncs would otherwise dominate the load
   * time. Normal operation keeps FULL (see client/sqlite.ts).
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const raw = this.db.raw;
    if (raw.driver !== 'better-sqlite3') return fn();
    raw.writer.pragma('synchronous = OFF');
    try {
      return await fn();
    } finally {
      raw.writer.pragma('synchronous = FULL');
    }
  }

  /** Inserts a company and everything under it in one transaction (or inside `within`). */
  async loadCompany(rows: CompanyRows, within?: Executor): Promise<number> {
    return (within ?? this.db).transaction(async (tx) => {
      let n = await this.insert(tx, 'companies', [rows.company]);
      for (const [table, key] of ORDER) n += await this.insert(tx, table, rows[key]);
      return n;
    });
  }

  /** Inserts rows of one table (inside a transaction of this handle). */
  async insert(tx: Executor, table: TableKey, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    const raw = this.db.raw;
    if (raw.driver === 'better-sqlite3') {
      const { stmt, keys } = this.#prepare(raw.writer, table);
      for (const row of rows) stmt.run(keys.map((k) => sqliteValue(row[k])));
      return rows.length;
    }
    const t = tx.tables[table];
    const perRow = Object.keys(getTableColumns(t)).length;
    const chunk = Math.max(1, Math.floor(30_000 / perRow));
    for (let i = 0; i < rows.length; i += chunk) {
      // Generated rows carry every column by its drizzle key; the cast is the bulk path's only one.
      await tx.db.insert(t).values(rows.slice(i, i + chunk) as never[]);
    }
    return rows.length;
  }

  #prepare(writer: BetterSqlite3.Database, table: TableKey) {
    const cached = this.#statements.get(table);
    if (cached) return cached;
    const t = this.db.tables[table];
    const cols = Object.entries(getTableColumns(t));
    const keys = cols.map(([k]) => k);
    const names = cols.map(([, c]) => `"${c.name}"`).join(', ');
    const stmt = writer.prepare(`insert into "${getTableName(t)}" (${names}) values (${cols.map(() => '?').join(', ')})`);
    const entry = { stmt, keys };
    this.#statements.set(table, entry);
    return entry;
  }
}

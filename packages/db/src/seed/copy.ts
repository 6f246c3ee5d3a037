import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CompanyRows, Row } from './generate.js';

/**
 * One value in PostgreSQL's COPY text format: `\N` for NULL; backslash, newline, carriage
 * return and tab escaped with a backslash (the only characters the format gives a meaning);
 * booleans `t`/`f`, instants as ISO 8601 UTC, JSON as its text. Everything else (cents, dates,
 * uuids, decimal strings) is already in the form PostgreSQL reads.
 *
 * @example
 * ```ts
 * copyValue('a\tb'); // 'a\\tb'
 * copyValue(null);   // '\\N'
 * ```
 */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return /[\\\n\r\t]/.test(v) ? v.replace(/[\\\n\r\t]/g, escapeChar) : v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`not a finite number: ${v}`);
    return String(v);
  }
  const s = v instanceof Date ? isoOf(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, escapeChar) : s;
}

// Generated rows share one Date per company (created/updated): format it once.
let lastMs = Number.NaN;
let lastIso = '';
function isoOf(d: Date): string {
  if (d.getTime() !== lastMs) {
    lastMs = d.getTime();
    lastIso = d.toISOString();
  }
  return lastIso;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeChar = (c: string): string => ESCAPES[c]!;

/** Rows per chunk handed to the socket: large enough to amortise the stream machinery. */
const ROWS_PER_CHUNK = 2000;

/** The COPY text of `rows` (columns in `keys` order), chunk by chunk, one line per row. */
export function* copyLines(rows: readonly Row[], keys: readonly string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    let chunk = '';
    const end = Math.min(rows.length, i + ROWS_PER_CHUNK);
    for (let r = i; r < end; r++) {
      const row = rows[r]!;
      let line = '';
      for (let c = 0; c < keys.length; c++) line += (c ? '\t' : '') + copyValue(row[keys[c]!]);
      chunk += `${line}\n`;
    }
    yield chunk;
  }
}

/**
 * Streams `rows` into `table` with `COPY … FROM STDIN` on a node-postgres connection (inside
 * the caller's transaction): the rows are encoded lazily while the server reads them, so a
 * company's rows never exist as one big string.
 *
 * @example
 * ```ts
 * await copyRows(client, 'invoices', ['id', 'company_id'], ['id', 'companyId'], rows);
 * ```
 */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], keys: readonly string[], rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const target = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  await pipeline(Readable.from(copyLines(rows, keys), { objectMode: false }), target);
  return rows.length;
}

/** One table's rows of a company, encoded for COPY (chunks of UTF-8, transferable between threads). */
export interface EncodedTable {
  table: string;
  columns: string[];
  rows: number;
  chunks: Uint8Array[];
}

/** A company and everything under it, encoded for COPY, tables in load order. */
export interface EncodedCompany {
  companyId: string;
  rows: number;
  tables: EncodedTable[];
}

/**
 * Encodes generated rows for COPY: `shapes` gives, per table, its name, column names and the
 * row keys in the same order (from the PostgreSQL table objects).
 *
 * @example
 * ```ts
 * const enc = encodeCompany(rows, shapes);
 * enc.tables[0]?.table; // 'companies'
 * ```
 */
export function encodeCompany(rows: CompanyRows, shapes: readonly TableShape[]): EncodedCompany {
  const utf8 = new TextEncoder();
  const tables: EncodedTable[] = [];
  let total = 0;
  for (const shape of shapes) {
    const list = shape.key === 'company' ? [rows.company] : rows[shape.key];
    if (list.length === 0) continue;
    const chunks = [...copyLines(list, shape.keys)].map((c) => utf8.encode(c));
    tables.push({ table: shape.table, columns: shape.columns, rows: list.length, chunks });
    total += list.length;
  }
  return { companyId: String(rows.company.id), rows: total, tables };
}

/** How one table of {@link CompanyRows} maps to COPY. */
export interface TableShape {
  key: keyof CompanyRows;
  table: string;
  columns: string[];
  keys: string[];
}

/**
 * Streams already-encoded chunks into `table` with `COPY … FROM STDIN` (inside the caller's
 * transaction on `client`).
 *
 * @example
 * ```ts
 * for (const t of enc.tables) await copyChunks(client, t);
 * ```
 */
export async function copyChunks(client: PoolClient, t: EncodedTable): Promise<number> {
  const target = client.query(copyFrom(`copy "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  await pipeline(Readable.from(t.chunks, { objectMode: false }), target);
  return t.rows;
}

// The SQLite column kit. `../pg/columns.ts` exports the SAME names for PostgreSQL, so every
// table file (tenancy.ts, invoices.ts, …) is byte-identical in both folders (a test checks it)
// and only this file knows the dialect.
import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  primaryKey,
  integer,
  sqliteTable,
  text as sqliteText,
  unique,
  uniqueIndex,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';

export { check, foreignKey, index, primaryKey, unique, uniqueIndex };

/** Which dialect this kit builds. */
export const DIALECT = 'sqlite' as const;

/** Declares a table. */
export const table = sqliteTable;

/** A UUIDv7 primary or foreign key (text in SQLite). */
export const id = (name: string) => sqliteText(name);
/** Free text. */
export const text = (name: string) => sqliteText(name);
/** Text limited to a closed set (the CHECK comes from {@link oneOf}). */
export const textEnum = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  sqliteText(name, { enum: values as unknown as [T[number], ...T[number][]] });
/** Euro cents, a whole number. */
export const cents = (name: string) => integer(name, { mode: 'number' });
/** A small whole number (version, level, position). */
export const int = (name: string) => integer(name, { mode: 'number' });
/** A calendar date, `YYYY-MM-DD` text (checked by {@link dayChecks}). */
export const day = (name: string) => sqliteText(name);
/** An instant, epoch milliseconds. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
/** A yes/no flag (0/1). */
export const flag = (name: string) => integer(name, { mode: 'boolean' });
/** An exact decimal such as a rate or a quantity, kept as its decimal text. */
export const rate = (name: string) => sqliteText(name);
/** A JSON document. */
export const json = <T>(name: string) => sqliteText(name, { mode: 'json' }).$type<T>();

type Col = SQLiteColumn;

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** CHECK that a column holds one of `values` (NULL passes; NOT NULL is the column's job). */
export function oneOf(name: string, col: Col, values: readonly string[]) {
  return check(name, sql`${col} in (${sql.raw(values.map(quote).join(', '))})`);
}

/** CHECK an arbitrary boolean expression. */
export function rule(name: string, expr: SQL) {
  return check(name, expr);
}

/**
 * SQLite stores whatever it is given, so dates are checked to be real `YYYY-MM-DD` days:
 * `date(x)` normalises or returns NULL, and `IS` makes NULL compare false (`2025-02-30` fails).
 */
export function dayChecks(tableName: string, cols: readonly Col[]) {
  return cols.map((c) => check(`${tableName}_${c.name}_is_day`, sql`${c} is date(${c})`));
}

/** SQLite would keep `12.5` in an INTEGER column: amounts must really be whole cents. */
export function wholeChecks(tableName: string, cols: readonly Col[]) {
  return cols.map((c) => check(`${tableName}_${c.name}_is_whole`, sql`typeof(${c}) in ('integer', 'null')`));
}

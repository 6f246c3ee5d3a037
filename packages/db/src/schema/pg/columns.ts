// The PostgreSQL column kit: the same names as `../sqlite/columns.ts`, so every table file is
// byte-identical in both folders and only this file knows the dialect.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  primaryKey,
  integer,
  jsonb,
  numeric,
  pgTable,
  text as pgText,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';

export { check, foreignKey, index, primaryKey, unique, uniqueIndex };

/** Which dialect this kit builds. */
export const DIALECT = 'pg' as const;

/** Declares a table. */
export const table = pgTable;

/** A UUIDv7 primary or foreign key (native `uuid`: 16 bytes, smaller indexes than text). */
export const id = (name: string) => uuid(name);
/** Free text. */
export const text = (name: string) => pgText(name);
/** Text limited to a closed set (the CHECK comes from {@link oneOf}). */
export const textEnum = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  pgText(name, { enum: values as unknown as [T[number], ...T[number][]] });
/** Euro cents, a whole number (`bigint`, read back as a JS number: safe up to 90 trillion euro). */
export const cents = (name: string) => bigint(name, { mode: 'number' });
/** A small whole number (version, level, position). */
export const int = (name: string) => integer(name);
/** A calendar date (`date`, read and written as `YYYY-MM-DD`). */
export const day = (name: string) => date(name, { mode: 'string' });
/** An instant (`timestamptz`, millisecond precision like SQLite's epoch milliseconds). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
/** A yes/no flag. */
export const flag = (name: string) => boolean(name);
/** An exact decimal such as a rate or a quantity (`numeric` keeps the scale it was given). */
export const rate = (name: string) => numeric(name);
/** A JSON document. */
export const json = <T>(name: string) => jsonb(name).$type<T>();

type Col = PgColumn;

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** CHECK that a column holds one of `values` (NULL passes; NOT NULL is the column's job). */
export function oneOf(name: string, col: Col, values: readonly string[]) {
  return check(name, sql`${col} in (${sql.raw(values.map(quote).join(', '))})`);
}

/** CHECK an arbitrary boolean expression. */
export function rule(name: string, expr: SQL) {
  return check(name, expr);
}

/** The `date` type already refuses anything that is not a real day. */
export function dayChecks(_tableName: string, _cols: readonly Col[]) {
  return [];
}

/** `bigint`/`integer` already refuse fractions. */
export function wholeChecks(_tableName: string, _cols: readonly Col[]) {
  return [];
}

import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../client/types.js';

/** An index that was dropped, with the statement that rebuilds it. */
export interface IndexDefinition {
  name: string;
  sql: string;
}

/**
 * Drops the secondary indexes of `tables` (those made by CREATE INDEX, unique ones included;
 * primary keys and UNIQUE constraints, which foreign keys point at, stay) and returns the
 * statements that rebuild them. For bulk loads into a fresh database only: building an index
 * once over sorted data costs a fraction of updating it row by row.
 *
 * @example
 * ```ts
 * const dropped = await dropSecondaryIndexes(db, ['invoices']);
 * // … load …
 * for (const ix of dropped) await db.transaction((tx) => tx.run(sql.raw(ix.sql)));
 * ```
 */
export async function dropSecondaryIndexes(db: DbHandle, tables: readonly string[]): Promise<IndexDefinition[]> {
  const list = sql.join(
    tables.map((t) => sql`${t}`),
    sql`, `,
  );
  // Read through the writer (a transaction): on SQLite the read-only connection stays closed.
  const read = <T>(q: SQL) => db.transaction((tx) => tx.all<T>(q));
  const found =
    db.dialect === 'sqlite'
      ? await read<IndexDefinition>(sql`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${list}) order by name`)
      : await read<IndexDefinition>(sql`
          select indexname as name, indexdef as sql from pg_indexes
          where schemaname = current_schema() and tablename in (${list})
            and indexname not in (select conname from pg_constraint where contype in ('p', 'u', 'x'))
          order by indexname`);
  const targets = db.dialect === 'sqlite' ? await sqliteForeignKeyTargets(db) : new Set<string>();
  const droppable: IndexDefinition[] = [];
  for (const ix of found) {
    if (db.dialect === 'sqlite') {
      const cols = await read<{ name: string; tbl: string }>(sql`select p.name, m.tbl_name as tbl from pragma_index_info(${ix.name}) p, sqlite_master m where m.name = ${ix.name} order by p.seqno`);
      // In SQLite a UNIQUE constraint is an index; the one a foreign key points at must stay.
      if (targets.has(`${cols[0]?.tbl}(${cols.map((c) => c.name).join(',')})`)) continue;
    }
    droppable.push(ix);
  }
  await db.transaction(async (tx) => {
    for (const ix of droppable) await tx.run(sql.raw(`drop index "${ix.name}"`));
  });
  return droppable;
}

/** `table(col,col)` for every parent key some foreign key references. */
async function sqliteForeignKeyTargets(db: DbHandle): Promise<Set<string>> {
  const rows = await db.transaction((tx) => tx.all<{ tbl: string; id: number; parent: string; col: string }>(sql`
    select m.name as tbl, f.id, f."table" as parent, f."to" as col
    from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table' order by m.name, f.id, f.seq`));
  const keys = new Map<string, { parent: string; cols: string[] }>();
  for (const r of rows) {
    const k = `${r.tbl}/${r.id}`;
    const entry = keys.get(k) ?? { parent: r.parent, cols: [] };
    entry.cols.push(r.col);
    keys.set(k, entry);
  }
  return new Set([...keys.values()].map((e) => `${e.parent}(${e.cols.join(',')})`));
}

// An existing database must upgrade in place: migration 0005 rebuilds `documents` (other tables
// point at it) and `memberships` inside the migrator's transaction. This test stops a database at
// 0004, fills it with rows that reference those tables, applies the rest and checks nothing was
// lost and the foreign keys still hold.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as sqliteMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite';
import { migrate as pgliteMigrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dialect } from './types.js';
import { migrationsFolder } from './migrations.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the committed migrations that stops after `count` entries. */
function firstMigrations(dialect: Dialect, count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `fact-mig-${dialect}-`));
  dirs.push(dir);
  cpSync(migrationsFolder(dialect), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const hex = 'ab'.repeat(32);
const before = [
  `insert into firms (id, name, country, created_at) values ('00000000-0000-7000-8000-000000000001', 'Firm', 'BE', %NOW%)`,
  `insert into companies (id, firm_id, legal_name, country, language, time_zone, version, created_at, updated_at)
     values ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'Company', 'BE', 'nl', 'Europe/Brussels', 1, %NOW%, %NOW%)`,
  `insert into users (id, email, name, password_hash, language, disabled, created_at)
     values ('00000000-0000-7000-8000-000000000003', 'a@example.be', 'A', 'x', 'nl', %FALSE%, %NOW%)`,
  `insert into memberships (id, user_id, firm_id, role, created_at)
     values ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', 'accountant', %NOW%)`,
  `insert into documents (id, company_id, kind, sha256, size_bytes, media_type, file_name, created_at)
     values ('00000000-0000-7000-8000-000000000005', '00000000-0000-7000-8000-000000000002', 'bank_statement', '${hex}', 10, 'text/plain', 'x.cod', %NOW%)`,
  `insert into bank_accounts (id, company_id, iban, created_at)
     values ('00000000-0000-7000-8000-000000000006', '00000000-0000-7000-8000-000000000002', 'BE68539007547034', %NOW%)`,
  `insert into bank_statements (id, company_id, bank_account_id, format, from_date, to_date, document_id, imported_at)
     values ('00000000-0000-7000-8000-000000000007', '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000006', 'coda', '2025-01-01', '2025-01-02', '00000000-0000-7000-8000-000000000005', %NOW%)`,
];
const dangling = `insert into bank_statements (id, company_id, bank_account_id, format, from_date, to_date, document_id, imported_at)
  values ('00000000-0000-7000-8000-000000000008', '00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000006', 'coda', '2025-01-01', '2025-01-02', '00000000-0000-7000-8000-000000000099', %NOW%)`;

describe('upgrading a database that already holds data (0004 → latest)', () => {
  it('on SQLite keeps every row, adds the new columns and still enforces foreign keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fact-upgrade-'));
    dirs.push(dir);
    const raw = new Database(join(dir, 'db.sqlite'));
    raw.pragma('foreign_keys = ON');
    const db = sqliteDrizzle(raw);
    sqliteMigrate(db, { migrationsFolder: firstMigrations('sqlite', 5) });
    const fill = (s: string) => s.replaceAll('%NOW%', '0').replaceAll('%FALSE%', '0');
    for (const statement of before) raw.exec(fill(statement));

    sqliteMigrate(db, { migrationsFolder: migrationsFolder('sqlite') });

    expect(raw.prepare('select id, status, result from documents').all()).toEqual([{ id: '00000000-0000-7000-8000-000000000005', status: 'stored', result: null }]);
    expect(raw.prepare('select document_id from bank_statements').all()).toEqual([{ document_id: '00000000-0000-7000-8000-000000000005' }]);
    expect(raw.prepare('select role, factor_id from memberships').all()).toEqual([{ role: 'accountant', factor_id: null }]);
    expect(raw.prepare('pragma foreign_key_check').all()).toEqual([]);
    expect(() => raw.exec(fill(dangling))).toThrow(/FOREIGN KEY/);
    expect(() => raw.exec(`update documents set status = 'lost'`)).toThrow(/CHECK/);
    raw.close();
  });

  it('on PostgreSQL (PGlite) keeps every row and adds the new columns', async () => {
    const client = new PGlite();
    const db = pgliteDrizzle(client);
    await pgliteMigrate(db, { migrationsFolder: firstMigrations('pg', 5) });
    const fill = (s: string) => s.replaceAll('%NOW%', 'now()').replaceAll('%FALSE%', 'false');
    for (const statement of before) await client.exec(fill(statement));

    await pgliteMigrate(db, { migrationsFolder: migrationsFolder('pg') });

    expect((await client.query('select id, status from documents')).rows).toEqual([{ id: '00000000-0000-7000-8000-000000000005', status: 'stored' }]);
    expect((await client.query('select role, factor_id from memberships')).rows).toEqual([{ role: 'accountant', factor_id: null }]);
    await expect(client.exec(fill(dangling))).rejects.toThrow(/foreign key/);
    await client.close();
  });
});

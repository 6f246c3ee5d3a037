import { readdirSync, readFileSync } from 'node:fs';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { tables as pgTables } from './pg.js';
import { tables as sqliteTables } from './sqlite.js';

const shape = (cfg: { name: string; columns: { name: string; notNull: boolean }[] }) => ({
  name: cfg.name,
  columns: cfg.columns.map((c) => `${c.name}${c.notNull ? ' not null' : ''}`).sort(),
});

describe('the two dialect schemas', () => {
  it('have the same tables, columns and nullability', () => {
    const s = Object.values(sqliteTables).map((t) => shape(sqliteConfig(t))).sort((a, b) => a.name.localeCompare(b.name));
    const p = Object.values(pgTables).map((t) => shape(pgConfig(t))).sort((a, b) => a.name.localeCompare(b.name));
    expect(p).toEqual(s);
    expect(s.map((t) => t.name)).toContain('invoices');
    expect(s.length).toBeGreaterThanOrEqual(25);
  });

  it('have the same indexes, checks and foreign keys by name', () => {
    for (const key of Object.keys(sqliteTables) as (keyof typeof sqliteTables)[]) {
      const s = sqliteConfig(sqliteTables[key]);
      const p = pgConfig(pgTables[key]);
      const names = (c: { indexes: { config: { name?: string } }[]; checks: { name: string }[]; uniqueConstraints: { name?: string }[] }) => [
        ...c.indexes.map((i) => i.config.name),
        ...c.checks.map((k) => k.name),
        ...c.uniqueConstraints.map((u) => u.name),
      ];
      // SQLite carries extra CHECKs for what PostgreSQL's types already enforce (dates, whole cents).
      const sqliteOnly = (n: string | undefined) => n?.endsWith('_is_day') || n?.endsWith('_is_whole');
      expect(names(p).sort(), key).toEqual(names(s).filter((n) => !sqliteOnly(n)).sort());
      expect(names(s).every((n) => typeof n === 'string'), key).toBe(true);
      expect(p.foreignKeys.length, key).toBe(s.foreignKeys.length);
    }
  });

  it('are written once: every table file is byte-identical in both folders', () => {
    const dir = (d: string) => new URL(`./${d}/`, import.meta.url);
    const files = readdirSync(dir('sqlite')).filter((f) => f.endsWith('.ts') && f !== 'columns.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(new URL(f, dir('pg')), 'utf8'), f).toBe(readFileSync(new URL(f, dir('sqlite')), 'utf8'));
  });
});

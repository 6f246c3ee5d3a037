import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '../client/createDb.js';
import type { DbHandle } from '../client/types.js';

/** A database engine the shared test suite runs on. */
export interface TestTarget {
  name: 'sqlite' | 'pglite' | 'postgres';
  /** Opens a brand-new, migrated database and a function that throws it away. */
  open(): Promise<{ db: DbHandle; dispose: () => Promise<void> }>;
}

/**
 * The engines every data-layer test runs on: SQLite (a temp file, real WAL and two connections),
 * PostgreSQL in-process (PGlite), and a real PostgreSQL server when {@link realPostgresUrl}
 * names one (a throw-away database is created per test file). Each runs the REAL committed
 * migrations, never `push`.
 *
 * @example
 * ```ts
 * describe.each(testTargets())('$name', (target) => { … });
 * ```
 */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      name: 'sqlite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'fact-db-'));
        const db = createDb(`file:${join(dir, 'test.sqlite')}`);
        await db.migrate();
        return { db, dispose: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
      },
    },
    {
      name: 'pglite',
      async open() {
        const db = createDb('pglite://memory');
        await db.migrate();
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const url = realPostgresUrl();
  if (url) {
    targets.push({
      name: 'postgres',
      async open() {
        const name = `fact_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        const db = createDb(u.toString());
        await db.migrate();
        return {
          db,
          dispose: async () => {
            await db.close();
            const a = new pg.Client({ connectionString: url });
            await a.connect();
            await a.query(`DROP DATABASE IF EXISTS ${name}`);
            await a.end();
          },
        };
      },
    });
  }
  return targets;
}

/**
 * The real PostgreSQL server tests may use: `TEST_POSTGRES_URL` (what CI sets, so nothing else
 * mistakes it for the product's database), else a `postgres://` `DATABASE_URL`; undefined when
 * neither names a server. The role must be allowed to create databases.
 *
 * @example
 * ```ts
 * it.skipIf(!realPostgresUrl())('two instances on one server', …);
 * ```
 */
export function realPostgresUrl(): string | undefined {
  for (const url of [process.env.TEST_POSTGRES_URL, process.env.DATABASE_URL]) {
    if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) return url;
  }
  return undefined;
}

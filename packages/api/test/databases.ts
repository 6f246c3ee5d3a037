import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@fact/db';

/** The engines the API suite runs on: SQLite (temp file, real WAL) and PostgreSQL (PGlite). */
export const DIALECTS = ['sqlite', 'pglite'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/**
 * A brand-new database with the real committed migrations applied, and how to throw it away.
 *
 * @example
 * ```ts
 * const { db, dispose } = await freshDatabase('pglite');
 * ```
 */
export async function freshDatabase(dialect: TestDialect): Promise<{ db: DbHandle; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'fact-api-'));
    const db = createDb(`file:${join(dir, 'api.sqlite')}`);
    await db.migrate();
    return {
      db,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const db = createDb('pglite://memory');
  await db.migrate();
  return { db, dispose: () => db.close() };
}

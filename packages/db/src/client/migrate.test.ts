import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../testing/freshDb.js';
import type { DbHandle } from './types.js';

describe.each(testTargets())('migrations on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ db, dispose } = await target.open()));
  afterAll(() => dispose());

  it('create every table of the schema', async () => {
    const rows =
      db.dialect === 'sqlite'
        ? await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`)
        : await db.all<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public'`);
    const names = rows.map((r) => r.name);
    for (const t of Object.values(db.tables)) {
      const name = (t as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')];
      expect(names).toContain(name);
    }
  });

  it('can be applied twice without harm', async () => {
    await db.migrate();
  });
});

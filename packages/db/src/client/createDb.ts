import { openPg, openPglite } from './pg.js';
import { openSqlite } from './sqlite.js';
import type { DbHandle } from './types.js';
import { parseDbUrl } from './url.js';

/**
 * Opens the database named by `url` (default: `process.env.DATABASE_URL`, then the SQLite file
 * `./data/fact.sqlite`). See {@link parseDbUrl} for the URL forms. Call `migrate()` once at
 * start-up and `close()` at shutdown.
 *
 * @example
 * ```ts
 * const db = createDb('pglite://memory');
 * await db.migrate();
 * const firm = await createFirm(db, { name: 'Demo Accountants', country: 'BE' });
 * await db.close();
 * ```
 */
export function createDb(url: string | undefined = process.env.DATABASE_URL): DbHandle {
  const where = parseDbUrl(url);
  switch (where.kind) {
    case 'sqlite':
      return openSqlite(where.path);
    case 'sqlite-memory':
      return openSqlite(':memory:');
    case 'pg':
      return openPg(where.url);
    case 'pglite':
      return openPglite(where.dataDir);
  }
}

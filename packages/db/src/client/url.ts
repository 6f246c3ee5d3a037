import { isAbsolute, resolve } from 'node:path';

/** Where a database lives, read from a URL. */
export type DbLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'sqlite-memory' }
  | { kind: 'pg'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

/** The default embedded database, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/fact.sqlite';

/**
 * Reads a database URL:
 * - nothing, a path, or `file:<path>` → SQLite file (default `./data/fact.sqlite`);
 * - `sqlite::memory:` → SQLite in memory (tests only; one connection);
 * - `postgres://` or `postgresql://` → a PostgreSQL server;
 * - `pglite:` / `pglite://memory` → PGlite in memory; `pglite:<dir>` → PGlite on disk.
 *
 * @example
 * ```ts
 * parseDbUrl('postgres://fact@localhost/fact'); // { kind: 'pg', url: 'postgres://…' }
 * parseDbUrl(undefined); // { kind: 'sqlite', path: '/abs/…/data/fact.sqlite' }
 * ```
 */
export function parseDbUrl(url: string | undefined): DbLocation {
  const u = url?.trim();
  if (!u) return { kind: 'sqlite', path: absolute(DEFAULT_SQLITE_PATH) };
  if (u.startsWith('postgres://') || u.startsWith('postgresql://')) return { kind: 'pg', url: u };
  if (u.startsWith('pglite:')) {
    const rest = u.slice('pglite:'.length).replace(/^\/\//, '');
    return rest === '' || rest === 'memory' ? { kind: 'pglite', dataDir: undefined } : { kind: 'pglite', dataDir: absolute(rest) };
  }
  if (u === 'sqlite::memory:' || u === ':memory:') return { kind: 'sqlite-memory' };
  if (u.startsWith('file:')) return { kind: 'sqlite', path: absolute(u.slice('file:'.length).replace(/^\/\/(?=\/)/, '')) };
  if (u.startsWith('sqlite:')) return { kind: 'sqlite', path: absolute(u.slice('sqlite:'.length)) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) throw new Error(`Unsupported database URL scheme: ${u.split(':')[0]}`);
  return { kind: 'sqlite', path: absolute(u) };
}

function absolute(p: string): string {
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

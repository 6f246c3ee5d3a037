import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';

/** What a backup or a restore did: where, how many pages, how long. */
export interface BackupReport {
  readonly source: string;
  readonly target: string;
  readonly pages: number;
  readonly bytes: number;
  readonly milliseconds: number;
}

/** The table drizzle keeps its applied migrations in: a Fact database always has it. */
const MIGRATIONS_TABLE = '__drizzle_migrations';

function sidecars(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`, `${path}-journal`];
}

/**
 * Checks that a file is a readable SQLite database of Fact: `PRAGMA integrity_check` says `ok`
 * and drizzle's migrations table is there. Throws with the reason otherwise.
 *
 * @example
 * ```ts
 * verifySqliteBackup('./backups/fact-2025-06-30.sqlite'); // { tables: 31, migrations: 4 }
 * ```
 */
export function verifySqliteBackup(path: string): { tables: number; migrations: number } {
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${path}: not a SQLite database (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${path}: integrity check failed: ${String(check)}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) throw new Error(`${path}: not a Fact database (no ${MIGRATIONS_TABLE} table)`);
    const migrations = (db.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
    return { tables: tables.length, migrations };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(path)) throw e;
    throw new Error(`${path}: not a readable database (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    db.close();
  }
}

/**
 * Backs up a SQLite database file while it is in use, with SQLite's online backup API
 * (better-sqlite3 `db.backup()`): a consistent snapshot of committed data, WAL included, without
 * stopping the server (writers are not blocked for more than a step). The copy is written to a
 * temporary name, verified, then renamed, so `target` is either a whole backup or absent.
 * Refuses to overwrite an existing file.
 *
 * @example
 * ```ts
 * await backupSqlite('./data/fact.sqlite', './backups/fact-2025-06-30.sqlite');
 * ```
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupReport> {
  const source = resolve(sourcePath);
  const target = resolve(targetPath);
  if (source === target) throw new Error('the backup file must not be the database itself');
  if (!existsSync(source)) throw new Error(`${source}: no such database`);
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name (a backup never overwrites)`);
  mkdirSync(dirname(target), { recursive: true });
  const started = performance.now();
  const temporary = `${target}.${process.pid}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(temporary, { progress: wholeRemainder });
    verifySqliteBackup(temporary);
    renameSync(temporary, target);
    return { source, target, pages: totalPages, bytes: statSync(target).size, milliseconds: performance.now() - started };
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  } finally {
    db.close();
  }
}

/**
 * After the first step, copy every remaining page in one step. SQLite restarts an online backup
 * whenever another connection writes to the source between steps, so with the default 100 pages
 * per step a busy server could keep a backup from ever finishing; one step reads one consistent
 * snapshot (WAL readers do not block the writer).
 */
function wholeRemainder(): number {
  return 0x7fffffff; // better-sqlite3's largest step: every remaining page
}

/**
 * Restores a backup into a SQLite database file. The backup is verified first; the database is
 * written to a temporary name and renamed over the target, and the target's stale `-wal`/`-shm`
 * files are removed (SQLite would otherwise replay an old WAL onto the restored file).
 * Overwriting an existing database needs `force`; stop the server before restoring over the
 * database it is using.
 *
 * @example
 * ```ts
 * await restoreSqlite('./backups/fact-2025-06-30.sqlite', './data/fact.sqlite', { force: true });
 * ```
 */
export async function restoreSqlite(backupPath: string, targetPath: string, options: { force?: boolean } = {}): Promise<BackupReport> {
  const source = resolve(backupPath);
  const target = resolve(targetPath);
  if (source === target) throw new Error('the backup and the database are the same file');
  verifySqliteBackup(source);
  if (existsSync(target) && !options.force) throw new Error(`${target} exists; pass --force to replace it (stop the server first)`);
  mkdirSync(dirname(target), { recursive: true });
  const started = performance.now();
  const temporary = `${target}.${process.pid}.restoring`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(temporary, { progress: wholeRemainder });
    verifySqliteBackup(temporary);
    for (const file of sidecars(target)) rmSync(file, { force: true });
    renameSync(temporary, target);
    return { source, target, pages: totalPages, bytes: statSync(target).size, milliseconds: performance.now() - started };
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  } finally {
    db.close();
  }
}

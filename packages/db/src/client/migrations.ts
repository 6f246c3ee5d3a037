import { fileURLToPath } from 'node:url';
import type { Dialect } from './types.js';

/**
 * The folder of committed migrations for a dialect (`packages/db/drizzle/<dialect>`), found
 * from this file so it works from sources and from `dist/` alike.
 *
 * @example
 * ```ts
 * migrationsFolder('pg'); // "/…/packages/db/drizzle/pg"
 * ```
 */
export function migrationsFolder(dialect: Dialect): string {
  return fileURLToPath(new URL(`../../drizzle/${dialect}`, import.meta.url));
}

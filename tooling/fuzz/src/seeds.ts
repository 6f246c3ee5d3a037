import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Seed } from './mutate.js';

/**
 * Reads the real fixtures of a folder as seed inputs, at test time (they are never copied into
 * the repository). `folder` is a `file:` URL or a path; `pattern` filters file names.
 *
 * @example
 * ```ts
 * const seeds = readSeeds(new URL('../../../../shared/fixtures/coda/', import.meta.url), /\.cod$/);
 * ```
 */
export function readSeeds(folder: URL | string, pattern: RegExp = /./): Seed[] {
  const dir = typeof folder === 'string' ? folder : fileURLToPath(folder);
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  const names = readdirSync(base)
    .filter((f) => pattern.test(f))
    .sort();
  if (names.length === 0) throw new Error(`readSeeds: no fixtures matching ${pattern} in ${base}`);
  const label = base.split('/').filter(Boolean).pop() ?? '';
  return names.map((name) => ({ name: `${label}/${name}`, bytes: new Uint8Array(readFileSync(`${base}${name}`)) }));
}

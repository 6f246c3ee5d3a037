import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Delivers a package (a file, or its bytes with a file name) to a folder a factor collects from:
 * written under a temporary name, then renamed, so the factor never picks up half a file.
 *
 * @example
 * ```ts
 * await deliverToFolder('out/B-42.zip', '/mnt/factor-inbox'); // "/mnt/factor-inbox/B-42.zip"
 * await deliverToFolder(bytes, '/mnt/factor-inbox', 'B-43.zip');
 * ```
 */
export async function deliverToFolder(source: string | Uint8Array, folder: string, fileName?: string): Promise<string> {
  const name = fileName ?? (typeof source === 'string' ? basename(source) : undefined);
  if (!name || name !== basename(name) || name.startsWith('.')) throw new Error(`deliverToFolder: "${name ?? ''}" is not a plain file name`);
  await mkdir(folder, { recursive: true });
  const target = join(folder, name);
  const partial = `${target}.partial`;
  if (typeof source === 'string') await copyFile(source, partial);
  else await writeFile(partial, source);
  await rename(partial, target);
  return target;
}

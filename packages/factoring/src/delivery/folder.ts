import { copyFile, mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Delivers a package to a folder (a share the factor collects from): copied under a temporary
 * name, then renamed, so the factor never picks up half a file.
 *
 * @example
 * ```ts
 * await deliverToFolder('out/B-42.zip', '/mnt/factor-inbox'); // "/mnt/factor-inbox/B-42.zip"
 * ```
 */
export async function deliverToFolder(path: string, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, basename(path));
  const partial = `${target}.partial`;
  await copyFile(path, partial);
  await rename(partial, target);
  return target;
}

import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/**
 * Letters and registered letters: each letter is written to `<dir>/<date>/<kind>/<key>.pdf`
 * (atomically; the file is the proof), and {@link printBatch} merges a day's letters into one
 * print-ready PDF.
 *
 * @example
 * ```ts
 * await writeLetter('./data/print', '2025-04-10', 'registered', key, pdf);
 * ```
 */
export async function writeLetter(dir: string, date: string, kind: 'letter' | 'registered', key: string, pdf: Uint8Array): Promise<string> {
  const folder = join(dir, date, kind);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${key}.pdf`);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, pdf);
  await rename(tmp, path);
  return path;
}

/** Whether the letter of this key was already written. @example await letterWritten(dir, date, 'letter', key) */
export async function letterWritten(dir: string, date: string, kind: 'letter' | 'registered', key: string): Promise<boolean> {
  try {
    await access(join(dir, date, kind, `${key}.pdf`));
    return true;
  } catch {
    return false;
  }
}

/**
 * Merges a day's letters of one kind into `<dir>/<date>/<kind>-batch.pdf`, in key order, and
 * returns its path and page count (undefined when there is nothing to print).
 *
 * @example
 * ```ts
 * const batch = await printBatch('./data/print', '2025-04-10', 'letter');
 * ```
 */
export async function printBatch(dir: string, date: string, kind: 'letter' | 'registered'): Promise<{ path: string; letters: number; pages: number } | undefined> {
  const folder = join(dir, date, kind);
  let files: string[];
  try {
    files = (await readdir(folder)).filter((f) => f.endsWith('.pdf')).sort();
  } catch {
    return undefined;
  }
  if (files.length === 0) return undefined;
  const batch = await PDFDocument.create();
  for (const f of files) {
    const doc = await PDFDocument.load(await readFile(join(folder, f)));
    for (const page of await batch.copyPages(doc, doc.getPageIndices())) batch.addPage(page);
  }
  const path = join(dir, date, `${kind}-batch.pdf`);
  await writeFile(path, await batch.save());
  return { path, letters: files.length, pages: batch.getPageCount() };
}

import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { renderInvoicePdf } from '@fact/documents';
import { fail } from '../input/fail.js';
import type { DocumentSource } from '../input/parse-batch.js';

/**
 * Reads a document's bytes from where the batch says they are: inline text, base64, a file
 * (relative to `baseDir`, which it may not leave), or, for a PDF, rendered by `@fact/documents`.
 *
 * @example
 * ```ts
 * const xml = await loadDocument({ file: 'ubl/F-1.xml' }, '/data/batch-42', 'invoices[0].documents.ubl');
 * ```
 */
export async function loadDocument(source: DocumentSource, baseDir: string | undefined, field: string): Promise<Uint8Array> {
  if ('text' in source) return Buffer.from(source.text, 'utf8');
  if ('base64' in source) return Buffer.from(source.base64, 'base64');
  if ('render' in source) return renderInvoicePdf(source.render);
  if (baseDir === undefined) return fail('INVALID_ARGUMENT', `${field}.file`, 'a file reference needs the folder of the batch file');
  const path = resolve(baseDir, source.file);
  const rel = relative(resolve(baseDir), path);
  if (rel.startsWith('..') || isAbsolute(rel)) fail('INVALID_ARGUMENT', `${field}.file`, `"${source.file}" is outside the batch folder`);
  try {
    return await readFile(path);
  } catch (e) {
    return fail('INVALID_ARGUMENT', `${field}.file`, `cannot read "${source.file}": ${(e as Error).message}`);
  }
}

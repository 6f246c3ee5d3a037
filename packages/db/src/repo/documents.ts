import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { DocumentKind } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** Where document bytes live by default. */
export const DEFAULT_DOCUMENTS_DIR = './data/documents';

/** A stored file's metadata. */
export interface DocumentMeta {
  id: string;
  companyId: string;
  kind: DocumentKind;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
  uploadedBy: string | null;
  createdAt: Date;
}

/**
 * The path of a content hash under `root`: `ab/cd/<sha256>`, so no folder grows huge.
 *
 * @example
 * ```ts
 * contentPath('/data/documents', 'abcd…'); // "/data/documents/ab/cd/abcd…"
 * ```
 */
export function contentPath(root: string, sha256: string): string {
  return join(resolve(root), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Stores a file: writes the bytes once per content (atomically: temp file, then rename) and
 * adds a metadata row owned by the company. The same bytes uploaded twice share one file.
 *
 * @example
 * ```ts
 * const doc = await storeDocument(db, { companyId }, { kind: 'invoice_pdf', fileName: 'F2025-001.pdf',
 *   mediaType: 'application/pdf', content: bytes }, { root: './data/documents' });
 * ```
 */
export async function storeDocument(
  ex: Executor,
  scope: CompanyScope,
  input: { kind: DocumentKind; fileName: string; mediaType: string; content: Uint8Array; uploadedBy?: string | null },
  options: { root?: string } = {},
): Promise<DocumentMeta> {
  const root = options.root ?? DEFAULT_DOCUMENTS_DIR;
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const path = contentPath(root, sha256);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${newId()}.tmp`;
    await writeFile(tmp, input.content);
    await rename(tmp, path);
  }
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(t.documents)
        .values({ id: newId(), companyId: scope.companyId, kind: input.kind, sha256, sizeBytes: input.content.byteLength, mediaType: input.mediaType, fileName: input.fileName, uploadedBy: input.uploadedBy ?? null })
        .returning(),
    );
    return row as DocumentMeta;
  });
}

/**
 * A document's metadata within the scope, or undefined.
 *
 * @example
 * ```ts
 * await getDocument(db, { companyId }, id);
 * ```
 */
export async function getDocument(ex: Executor, scope: Scope, documentId: string): Promise<DocumentMeta | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.documents).where(and(inScope(t.documents.companyId, scope), eq(t.documents.id, documentId)));
  return row as DocumentMeta | undefined;
}

/**
 * A document's metadata and bytes within the scope, or undefined. The bytes are checked
 * against the stored hash, so a corrupted file is an error, not a silent wrong answer.
 *
 * @example
 * ```ts
 * const file = await readDocument(db, { companyId }, id);
 * ```
 */
export async function readDocument(ex: Executor, scope: Scope, documentId: string, options: { root?: string } = {}): Promise<{ meta: DocumentMeta; content: Buffer } | undefined> {
  const meta = await getDocument(ex, scope, documentId);
  if (!meta) return undefined;
  const content = await readFile(contentPath(options.root ?? DEFAULT_DOCUMENTS_DIR, meta.sha256));
  if (createHash('sha256').update(content).digest('hex') !== meta.sha256) throw new Error(`document ${documentId}: stored bytes do not match their hash`);
  return { meta, content };
}

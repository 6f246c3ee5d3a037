// A batch's package ZIP lives in the content-addressed document store, described by a
// @fact/db `documents` row of kind `factoring_package` that `factoring_batches.document_id`
// points at. Every read checks the bytes against the SHA-256 recorded when it was written.
import { readPackageManifest, type ManifestV1 } from '@fact/factoring';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { sha256Hex, type DocumentStore } from '../../documents/store.js';
import { apiError } from '../../errors/api-error.js';

/** What the documents row of a package says. */
export interface StoredPackage {
  readonly documentId: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly fileName: string;
}

/**
 * Records a package already put in the store, as a document of the company (inside the caller's
 * transaction, with the batch that points at it).
 *
 * @example
 * ```ts
 * const doc = await recordPackageDocument(tx, { companyId, batchId, reference, sha256, sizeBytes, userId });
 * ```
 */
export async function recordPackageDocument(
  tx: Database,
  input: { companyId: string; batchId: string; reference: string; sha256: string; sizeBytes: number; userId: string | null; at: Date },
): Promise<StoredPackage> {
  const id = uuidv7();
  const fileName = `${input.reference}.zip`;
  await tx.db.insert(tx.tables.documents).values({
    id,
    companyId: input.companyId,
    kind: 'factoring_package',
    sha256: input.sha256,
    sizeBytes: input.sizeBytes,
    mediaType: 'application/zip',
    fileName,
    uploadedBy: input.userId,
    status: 'stored',
    result: { records: [{ type: 'factoring_batch', id: input.batchId, label: input.reference }] },
    createdAt: input.at,
  });
  return { documentId: id, sha256: input.sha256, sizeBytes: input.sizeBytes, fileName };
}

/**
 * The documents row of a batch's package, or null when the batch has none (made elsewhere).
 *
 * @example
 * ```ts
 * const stored = await packageOf(db, companyId, batch.documentId);
 * ```
 */
export async function packageOf(db: Database, companyId: string, documentId: string | null): Promise<StoredPackage | null> {
  if (!documentId) return null;
  const d = db.tables.documents;
  const row = (await db.db.select({ id: d.id, sha256: d.sha256, sizeBytes: d.sizeBytes, fileName: d.fileName }).from(d).where(and(eq(d.companyId, companyId), eq(d.id, documentId))).limit(1))[0];
  return row ? { documentId: row.id, sha256: row.sha256, sizeBytes: row.sizeBytes, fileName: row.fileName } : null;
}

/**
 * The package's bytes from the store, refused (PRECONDITION_FAILED) when missing or when they no
 * longer hash to what was recorded: a changed package is never handed out.
 *
 * @example
 * ```ts
 * const bytes = await packageBytes(ctx.documents, stored, 'FB-20250315-1a2b3c4d');
 * ```
 */
export async function packageBytes(store: DocumentStore, stored: StoredPackage, reference: string): Promise<Uint8Array> {
  const bytes = await store.get(stored.sha256);
  if (!bytes) throw apiError.precondition(`The package of batch ${reference} is missing from storage.`);
  const actual = sha256Hex(bytes);
  if (actual !== stored.sha256) throw apiError.precondition(`The package of batch ${reference} was changed in storage (SHA-256 ${actual}, recorded ${stored.sha256}); it is not handed out.`);
  return bytes;
}

/**
 * The manifest of a stored package (its totals, lines and signing key id).
 *
 * @example
 * ```ts
 * const manifest = await packageManifest(ctx.documents, stored, reference);
 * ```
 */
export async function packageManifest(store: DocumentStore, stored: StoredPackage, reference: string): Promise<ManifestV1> {
  return readPackageManifest(await packageBytes(store, stored, reference));
}

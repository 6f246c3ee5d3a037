// Batches already sold: the list, one batch with its invoices, and the package download. A
// factor's user sees only the batches addressed to their factor (`factoring_batches.factor_id`),
// as the tenant guard does for their invoices (authz/db-access.ts).
import { getFactoringBatch } from '@fact/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db.js';
import type { DocumentStore } from '../../documents/store.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { deliveriesOf } from './deliveries.js';
import { packageBytes, packageManifest, packageOf } from './package-store.js';

/** Who is asking: a manager sees every batch of the company, a factor's user those of their factors. */
export type BatchViewer = { readonly kind: 'manager' } | { readonly kind: 'factor'; readonly factorIds: readonly string[] };

const sees = (viewer: BatchViewer, factorId: string | null) => viewer.kind === 'manager' || (factorId !== null && viewer.factorIds.includes(factorId));

/**
 * The company's batches, newest first, with the package's profile and checksum when it was made here.
 *
 * @example
 * ```ts
 * const list = await listBatches(db, companyId, { kind: 'manager' });
 * ```
 */
export async function listBatches(db: Database, companyId: string, viewer: BatchViewer) {
  const b = db.tables.factoringBatches;
  const d = db.tables.documents;
  const conditions = [eq(b.companyId, companyId)];
  if (viewer.kind === 'factor') {
    if (viewer.factorIds.length === 0) return [];
    conditions.push(inArray(b.factorId, [...viewer.factorIds]));
  }
  const rows = await db.db
    .select({ batch: b, sha256: d.sha256 })
    .from(b)
    .leftJoin(d, and(eq(d.companyId, b.companyId), eq(d.id, b.documentId)))
    .where(and(...conditions))
    .orderBy(desc(b.createdOn), desc(b.id));
  return rows.map(({ batch: r, sha256 }) => ({
    batchId: r.id,
    reference: r.reference,
    factorId: r.factorId ?? null,
    factorName: r.factorName,
    status: r.status,
    createdOn: r.createdOn,
    submittedOn: r.submittedOn ?? null,
    total: centsToAmount(r.totalCents),
    profileId: r.profileKey ?? null,
    sha256: sha256 ?? null,
    hasPackage: !!sha256,
  }));
}

async function visibleBatch(db: Database, companyId: string, batchId: string, viewer: BatchViewer) {
  const batch = await getFactoringBatch(db, { companyId }, batchId);
  const b = db.tables.factoringBatches;
  const row = batch && (await db.db.select({ factorId: b.factorId, profileKey: b.profileKey, documentId: b.documentId }).from(b).where(eq(b.id, batch.id)).limit(1))[0];
  if (!batch || !row || !sees(viewer, row.factorId ?? null)) throw apiError.notFound('factoring batch', batchId);
  return { batch, factorId: row.factorId ?? null, profileId: row.profileKey ?? null, stored: await packageOf(db, companyId, row.documentId ?? null) };
}

/**
 * One batch with its invoices, the package's totals and its deliveries. Another company's batch,
 * or one not addressed to the factor asking: NOT_FOUND, worded as for an id that does not exist.
 *
 * @example
 * ```ts
 * const batch = await batchDetail(db, documents, companyId, batchId, { kind: 'factor', factorIds });
 * ```
 */
export async function batchDetail(db: Database, store: DocumentStore, companyId: string, batchId: string, viewer: BatchViewer) {
  const { batch, factorId, profileId, stored } = await visibleBatch(db, companyId, batchId, viewer);
  const manifest = stored ? await packageManifest(store, stored, batch.reference) : null;
  const i = db.tables.invoices;
  const ids = batch.assignments.map((a) => a.invoiceId);
  const numbers = new Map(
    ids.length ? (await db.db.select({ id: i.id, number: i.number }).from(i).where(and(eq(i.companyId, companyId), inArray(i.id, ids)))).map((r) => [r.id, r.number]) : [],
  );
  const lines = new Map((manifest?.invoices ?? []).map((l) => [l.id, l]));
  return {
    batchId: batch.id,
    reference: batch.reference,
    factorId,
    factorName: batch.factorName,
    status: batch.status,
    createdOn: batch.createdOn,
    submittedOn: batch.submittedOn,
    total: batch.total.toFixed(2),
    version: batch.version,
    profileId,
    sha256: stored?.sha256 ?? null,
    sizeBytes: stored?.sizeBytes ?? null,
    keyId: manifest?.signature.keyId ?? null,
    totals: manifest?.totals ?? null,
    deliveries: await deliveriesOf(db, companyId, batch.id),
    invoices: batch.assignments.map((a) => ({
      invoiceId: a.invoiceId,
      number: numbers.get(a.invoiceId) ?? '',
      status: a.status,
      assigned: a.amount.toFixed(2),
      assignedOn: a.assignedOn,
      eligible: lines.get(a.invoiceId)?.eligibleAmount ?? null,
      advance: lines.get(a.invoiceId)?.advanceAmount ?? null,
      fee: lines.get(a.invoiceId)?.feeAmount ?? null,
    })),
  };
}

/**
 * The package ZIP of a batch, checked against the SHA-256 recorded when it was stored.
 *
 * @example
 * ```ts
 * const { contentBase64 } = await downloadPackage(db, documents, companyId, batchId, { kind: 'manager' });
 * ```
 */
export async function downloadPackage(db: Database, store: DocumentStore, companyId: string, batchId: string, viewer: BatchViewer) {
  const { batch, stored } = await visibleBatch(db, companyId, batchId, viewer);
  if (!stored) throw apiError.precondition(`Batch ${batch.reference} has no package on this server.`);
  const bytes = Buffer.from(await packageBytes(store, stored, batch.reference));
  return { batchId: batch.id, reference: batch.reference, fileName: stored.fileName, mediaType: 'application/zip', sizeBytes: bytes.length, sha256: stored.sha256, contentBase64: bytes.toString('base64') };
}

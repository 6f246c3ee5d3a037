// Batches already sold: the list, one batch with its invoices, and the package download. A
// factor's user sees only batches with invoices addressed to it (proposed, assigned, repurchased
// or settled), as for invoices (authz/db-access.ts).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getFactoringBatch } from '@fact/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import type { PackageSideFile } from './create-batch.js';
import { firmOfCompany } from './profiles.js';
import { packagePaths, readJsonFile } from './storage.js';

/** Assignment statuses under which a batch is addressed to the factor (as in authz/db-access.ts). */
const FACTOR_VISIBLE = ['proposed', 'assigned', 'repurchased', 'settled'] as const;

/** Who is asking: a manager sees every batch of the company, a factor only those addressed to it. */
export type BatchViewer = 'manager' | 'factor';

async function visibleBatchIds(db: Database, companyId: string, viewer: BatchViewer): Promise<Set<string> | null> {
  if (viewer === 'manager') return null;
  const a = db.tables.factoringAssignments;
  const rows = await db.db
    .selectDistinct({ batchId: a.batchId })
    .from(a)
    .where(and(eq(a.companyId, companyId), inArray(a.status, [...FACTOR_VISIBLE])));
  return new Set(rows.map((r) => r.batchId));
}

async function sideFile(firmId: string, companyId: string, reference: string): Promise<PackageSideFile | null> {
  try {
    return await readJsonFile<PackageSideFile>(packagePaths(firmId, companyId, reference).meta);
  } catch {
    return null; // a reference made elsewhere (not a safe file name) has no package here
  }
}

/**
 * The company's batches, newest first, with the package's profile and checksum when it was made here.
 *
 * @example
 * ```ts
 * const list = await listBatches(db, companyId, 'manager');
 * ```
 */
export async function listBatches(db: Database, companyId: string, viewer: BatchViewer) {
  const b = db.tables.factoringBatches;
  const rows = await db.db.select().from(b).where(eq(b.companyId, companyId)).orderBy(desc(b.createdOn), desc(b.id));
  const visible = await visibleBatchIds(db, companyId, viewer);
  const firmId = await firmOfCompany(db, companyId);
  const out = [];
  for (const r of rows) {
    if (visible && !visible.has(r.id)) continue;
    const side = await sideFile(firmId, companyId, r.reference);
    out.push({
      batchId: r.id,
      reference: r.reference,
      factorName: r.factorName,
      status: r.status,
      createdOn: r.createdOn,
      submittedOn: r.submittedOn ?? null,
      total: centsToAmount(r.totalCents),
      profileId: side?.profileId ?? null,
      sha256: side?.sha256 ?? null,
      hasPackage: side !== null,
    });
  }
  return out;
}

/**
 * One batch with its invoices and the package's totals. Another company's batch, or one not
 * addressed to the factor asking: NOT_FOUND, worded as for an id that does not exist.
 *
 * @example
 * ```ts
 * const batch = await batchDetail(db, companyId, batchId, 'factor');
 * ```
 */
export async function batchDetail(db: Database, companyId: string, batchId: string, viewer: BatchViewer) {
  const batch = await getFactoringBatch(db, { companyId }, batchId);
  const visible = await visibleBatchIds(db, companyId, viewer);
  if (!batch || (visible && !visible.has(batch.id))) throw apiError.notFound('factoring batch', batchId);
  const firmId = await firmOfCompany(db, companyId);
  const side = await sideFile(firmId, companyId, batch.reference);
  const i = db.tables.invoices;
  const ids = batch.assignments.map((a) => a.invoiceId);
  const numbers = new Map(
    ids.length ? (await db.db.select({ id: i.id, number: i.number }).from(i).where(and(eq(i.companyId, companyId), inArray(i.id, ids)))).map((r) => [r.id, r.number]) : [],
  );
  const lines = new Map((side?.manifest.invoices ?? []).map((l) => [l.id, l]));
  return {
    batchId: batch.id,
    reference: batch.reference,
    factorName: batch.factorName,
    status: batch.status,
    createdOn: batch.createdOn,
    submittedOn: batch.submittedOn,
    total: batch.total.toFixed(2),
    version: batch.version,
    profileId: side?.profileId ?? null,
    sha256: side?.sha256 ?? null,
    keyId: side?.keyId ?? null,
    totals: side?.manifest.totals ?? null,
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
 * The package ZIP of a batch, checked against the SHA-256 recorded when it was written.
 *
 * @example
 * ```ts
 * const { contentBase64 } = await downloadPackage(db, companyId, batchId, 'manager');
 * ```
 */
export async function downloadPackage(db: Database, companyId: string, batchId: string, viewer: BatchViewer) {
  const detail = await batchDetail(db, companyId, batchId, viewer);
  const firmId = await firmOfCompany(db, companyId);
  if (!detail.sha256) throw apiError.precondition(`Batch ${detail.reference} has no package on this server.`);
  let bytes: Buffer;
  try {
    bytes = await readFile(packagePaths(firmId, companyId, detail.reference).zip);
  } catch {
    throw apiError.precondition(`The package of batch ${detail.reference} is missing from storage.`);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== detail.sha256) throw apiError.precondition(`The package of batch ${detail.reference} was changed on disk (SHA-256 ${actual}, recorded ${detail.sha256}); it is not handed out.`);
  return { batchId: detail.batchId, reference: detail.reference, fileName: `${detail.reference}.zip`, mediaType: 'application/zip', sizeBytes: bytes.length, sha256: actual, contentBase64: bytes.toString('base64') };
}

// Selling the accountant's selection: the signed package is streamed to a temporary file, put in
// the content-addressed document store, then the batch (addressed to the profile's factor), its
// package document and its assignments are recorded in one transaction. From then on the dunning
// planner skips the invoices ('assigned-to-factor') and the next preview finds them ALREADY_ASSIGNED.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, type CalendarDate } from '@fact/core';
import { createFactoringBatch, isDbError, setFactoringBatchStatus, translateDbError } from '@fact/db';
import { evaluateEligibility, writeFactoringPackage } from '@fact/factoring';
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import type { DocumentStore } from '../../documents/store.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { ledgerFactoringBatch, packageDocuments } from './ledger-batch.js';
import { recordPackageDocument } from './package-store.js';
import { firmOfCompany, loadProfile } from './profiles.js';
import { readSeller } from './seller.js';
import { firmSigningKey } from './signing-keys.js';

/** What createBatch needs from the request. */
export interface CreateBatchRequest {
  readonly companyId: string;
  readonly profileId: string;
  readonly invoiceIds: readonly string[];
  readonly asOf: CalendarDate;
  readonly payables: ReadonlyMap<string, number>;
}

const list = (items: readonly string[]) => (items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', '));

/**
 * Checks the selection, writes the package and records the sale. Refusals, with nothing written:
 * an invoice of another company or unknown (NOT_FOUND), not open (PRECONDITION_FAILED), already
 * live in a batch (CONFLICT), ineligible under the profile or missing a postal address needed for
 * the notice (PRECONDITION_FAILED, naming the invoices and reasons).
 *
 * @example
 * ```ts
 * const sold = await createFactoringPackageBatch({ db, documents, userId, now, keySecret }, { companyId, profileId, invoiceIds, asOf, payables: new Map() });
 * sold.sha256; // of the ZIP
 * ```
 */
export async function createFactoringPackageBatch(
  env: { readonly db: Database; readonly documents: DocumentStore; readonly userId: string; readonly now: Date; readonly keySecret?: string | null },
  request: CreateBatchRequest,
) {
  const { db } = env;
  const { companyId } = request;
  const selection = new Set(request.invoiceIds.map((id) => id.toLowerCase()));
  const i = db.tables.invoices;
  const rows = await db.db
    .select({ id: i.id, number: i.number, kind: i.kind, status: i.status, openAmountCents: i.openAmountCents })
    .from(i)
    .where(and(eq(i.companyId, companyId), inArray(i.id, [...selection])));
  const found = new Set(rows.map((r) => r.id));
  const unknown = [...selection].find((id) => !found.has(id));
  // An invoice of another company the caller may see elsewhere still reads as "not found" here.
  if (unknown) throw apiError.notFound('invoice', unknown);
  const notOpen = rows.filter((r) => r.kind !== 'invoice' || r.status !== 'open' || r.openAmountCents <= 0).map((r) => r.number);
  if (notOpen.length) throw apiError.precondition(`Only open invoices with an amount due can be sold; not: ${list(notOpen)}.`);

  const firmId = await firmOfCompany(db, companyId);
  const { profile, factorId } = await loadProfile(db, firmId, request.profileId);
  const seller = await readSeller(db, companyId);
  const reference = `FB-${request.asOf.replaceAll('-', '')}-${uuidv7().replaceAll('-', '').slice(-8)}`;
  const ledger = await ledgerFactoringBatch(db, companyId, { batchId: reference, seller, payables: request.payables, selection });

  const taken = rows.filter((r) => ledger.liveAssignments.has(r.id)).map((r) => `${r.number} (${ledger.liveAssignments.get(r.id)})`);
  if (taken.length) throw apiError.conflict(`These invoices are already assigned: ${list(taken)}. Nothing was changed.`);
  const report = evaluateEligibility(ledger.batch, profile, request.asOf);
  const refused = report.invoices.filter((v) => selection.has(v.invoiceId) && v.status === 'ineligible').map((v) => `${v.number}: ${v.reasons.map((r) => r.code).join(', ')}`);
  if (refused.length) throw apiError.precondition(`The factor does not buy these invoices under profile ${profile.id}: ${list(refused)}. Take them out of the selection.`);
  if (!seller) throw apiError.precondition('The company’s postal address for factoring is not recorded yet (factoring.seller.save); the notice of assignment needs it.');
  const debtorsOfSelection = new Set(ledger.batch.invoices.filter((v) => selection.has(v.id)).map((v) => v.debtorId));
  const noAddress = ledger.batch.debtors.filter((d) => debtorsOfSelection.has(d.id) && ledger.debtorsWithoutAddress.has(d.id)).map((d) => d.name);
  if (noAddress.length) throw apiError.precondition(`These debtors have no complete postal address for the notice of assignment: ${list(noAddress)}.`);

  // Document bytes only for what is sold, one invoice at a time.
  const sold = new Set(report.invoices.filter((v) => selection.has(v.invoiceId) && v.eligible.gt(0)).map((v) => v.invoiceId));
  const invoices = [];
  for (const inv of ledger.batch.invoices) invoices.push(sold.has(inv.id) ? { ...inv, documents: await packageDocuments(db, inv.id, ledger.storedDocuments.get(inv.id), env.documents) } : inv);
  const batchToWrite = { ...ledger.batch, invoices };

  const key = await firmSigningKey(db, firmId, env.keySecret, env.now);
  const workDir = await mkdtemp(join(tmpdir(), 'fact-package-'));
  try {
    const temporary = join(workDir, `${reference}.zip`);
    const built = await writeFactoringPackage({ batch: batchToWrite, profile, asOf: request.asOf, privateKey: key.privateKeyPem }, createWriteStream(temporary));
    // Content-addressed: an orphan blob left by a failed transaction below is harmless.
    const stored = await env.documents.put(await readFile(temporary));
    if (stored !== built.sha256) throw new Error(`the stored package hashes to ${stored}, the writer reported ${built.sha256}`);
    const lines = built.manifest.invoices;
    const batch = await db.transaction(async (tx) => {
      const draft = await createFactoringBatch(
        tx,
        { companyId },
        {
          factorName: profile.factor.name,
          reference,
          createdOn: request.asOf,
          advanceRate: profile.advancePercent.div(100).toString(),
          feeRate: profile.feePercent.div(100).toString(),
          // The whole claim is assigned, not only the part the factor advances on.
          invoices: lines.map((l) => ({ invoiceId: l.id, amount: money(l.outstanding) })),
          createdBy: env.userId,
        },
      );
      const document = await recordPackageDocument(tx, { companyId, batchId: draft.id, reference, sha256: built.sha256, sizeBytes: built.bytes, userId: env.userId, at: env.now });
      const b = tx.tables.factoringBatches;
      await tx.db.update(b).set({ factorId, profileKey: profile.id, documentId: document.documentId }).where(and(eq(b.companyId, companyId), eq(b.id, draft.id)));
      const submitted = await setFactoringBatchStatus(tx, { companyId }, draft.id, { version: draft.version, status: 'submitted', on: request.asOf });
      const accepted = await setFactoringBatchStatus(tx, { companyId }, draft.id, { version: submitted.version, status: 'accepted', on: request.asOf });
      await appendAudit(tx, {
        companyId,
        actorUserId: env.userId,
        action: 'factoring.batch.create',
        entityType: 'factoring_batch',
        entityId: draft.id,
        at: env.now,
        after: { reference, profileId: profile.id, factorId, factorName: profile.factor.name, documentId: document.documentId, sha256: built.sha256, keyId: key.keyId, invoiceIds: lines.map((l) => l.id), totals: built.manifest.totals },
      });
      return accepted;
    });
    return {
      batchId: batch.id,
      reference,
      status: batch.status,
      factorId,
      sha256: built.sha256,
      bytes: built.bytes,
      keyId: key.keyId,
      invoiceCount: lines.length,
      totals: built.manifest.totals,
    };
  } catch (error) {
    if (isDbError(translateDbError(error), 'DUPLICATE')) throw apiError.conflict('One of these invoices was assigned by someone else meanwhile. Nothing was changed; preview again.');
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

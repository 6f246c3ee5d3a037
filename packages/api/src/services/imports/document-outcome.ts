import { isFactError } from '@fact/core';
import { TRPCError } from '@trpc/server';
import { and, eq, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';

/** What a document became: one ledger record, with the words to show for it. */
export interface DocumentRecord {
  type: 'invoice' | 'credit_note' | 'statement' | 'payment' | 'debtor';
  id: string;
  /** Invoice number, debtor name, statement number and account, or what a payment paid. */
  label: string;
  /** A payment's amount (a returned one negative), a decimal string. */
  amount?: string;
  /** For a payment: the invoice it went to, so the portal can link to it. */
  invoiceId?: string;
  /** For a payment the bank returned (negative `amount`): the ISO return reason, when given. */
  returnReason?: string;
}

/** Why a document was refused, per line (`line 12`) or element (`/Invoice/cac:TaxTotal`). */
export interface DocumentIssue {
  where: string;
  rule?: string;
  message: string;
}

/** Why a document was kept without importing anything. */
export type DocumentNote = 'no_einvoice' | 'needs_mapping' | 'not_importable';

/**
 * `documents.result`: the records a document became (at most {@link MAX_RECORDS}, `omitted`
 * counts the rest), why it was refused, or why it was only kept.
 */
export type DocumentResult =
  | { records: DocumentRecord[]; omitted?: number; counts?: Partial<Record<DocumentRecord['type'], number>>; warnings?: string[] }
  | { issues: DocumentIssue[] }
  | { note: { code: DocumentNote; message: string } };

/** Records listed on a document; a statement of 10,000 payments lists the first ones and counts the rest. */
export const MAX_RECORDS = 200;

/** The records of an import as `documents.result`. @example importedResult([{ type: 'invoice', id, label: 'F1' }]) */
export function importedResult(records: DocumentRecord[], warnings: string[] = []): DocumentResult {
  const counts: Partial<Record<DocumentRecord['type'], number>> = {};
  for (const r of records) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return {
    records: records.slice(0, MAX_RECORDS),
    ...(records.length > MAX_RECORDS ? { omitted: records.length - MAX_RECORDS } : {}),
    counts,
    ...(warnings.length ? { warnings: warnings.slice(0, 50) } : {}),
  };
}

type Ctx = Pick<Context, 'db' | 'documents' | 'clock'> & { user: { id: string } };

/** Sets a document's status, result and processing time (inside the caller's transaction). */
export async function setDocumentStatus(tx: Database, companyId: string, documentId: string, status: 'stored' | 'imported' | 'refused', result: DocumentResult, now: Date): Promise<void> {
  const d = tx.tables.documents;
  await tx.db
    .update(d)
    .set({ status, result: result as unknown as Record<string, unknown>, processedAt: now })
    .where(and(eq(d.id, documentId), eq(d.companyId, companyId)));
}

/** The bytes of a file sent with an import call, as the documents table keeps them. */
export interface NewDocument {
  bytes: Uint8Array;
  fileName: string;
  kind: 'ubl' | 'invoice_pdf' | 'bank_statement' | 'spreadsheet';
  mediaType: string;
}

/**
 * The document row for a file sent with an import call (not uploaded before): the same bytes of
 * the same kind in this company reuse their row (a refused file sent again is the same
 * document), otherwise the bytes are stored and a row is inserted. Runs inside the caller's
 * transaction; returns the row's id and whether it was imported before.
 *
 * @example
 * ```ts
 * const { id } = await documentForFile(ctx, tx, companyId, { bytes, fileName, kind: 'ubl', mediaType: 'application/xml' });
 * ```
 */
export async function documentForFile(ctx: Ctx, tx: Database, companyId: string, file: NewDocument): Promise<{ id: string; importedBefore: boolean }> {
  const sha256 = await ctx.documents.put(file.bytes);
  const d = tx.tables.documents;
  const existing = (await tx.db.select({ id: d.id, status: d.status }).from(d).where(and(eq(d.companyId, companyId), eq(d.sha256, sha256), eq(d.kind, file.kind))).limit(1))[0];
  if (existing) return { id: existing.id, importedBefore: existing.status === 'imported' };
  const id = uuidv7();
  await tx.db.insert(d).values({ id, companyId, kind: file.kind, sha256, sizeBytes: file.bytes.length, mediaType: file.mediaType, fileName: file.fileName, uploadedBy: ctx.user.id, createdAt: ctx.clock() });
  return { id, importedBefore: false };
}

/** A stored document that was imported already may not be imported again. */
export async function refuseIfImported(db: Database, companyId: string, documentId: string): Promise<void> {
  const d = db.tables.documents;
  const row = (await db.db.select({ status: d.status, result: d.result }).from(d).where(and(eq(d.id, documentId), eq(d.companyId, companyId))).limit(1))[0];
  if (row?.status !== 'imported') return;
  const records = ((row.result as { records?: DocumentRecord[] } | null)?.records ?? []).slice(0, 3).map((r) => `${r.type.replace('_', ' ')} ${r.label}`);
  throw Object.assign(apiError.conflict(`This document was imported already${records.length ? ` (${records.join(', ')})` : ''}; it is not imported twice.`), { alreadyImported: true });
}

/**
 * The issues of a refusal, per line or element: from a UBL/CII refusal (`findings`), input
 * issues (`cause.issues`, e.g. CSV rows), a `FactError` or an error naming its `field`. Only
 * refusals of the file itself: BAD_REQUEST, CONFLICT (a duplicate) and PRECONDITION_FAILED;
 * anything else (a crash, a lost connection) is not the file's fault and gives null.
 *
 * @example
 * ```ts
 * issuesOf(apiError.badInput('/Invoice/cbc:ID', 'is missing')); // [{ where: '/Invoice/cbc:ID', message: 'is missing' }]
 * ```
 */
export function issuesOf(error: unknown): DocumentIssue[] | null {
  if (isFactError(error)) return [{ where: error.field ?? 'file', rule: error.code, message: error.message }];
  if (!(error instanceof TRPCError) || !['BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE'].includes(error.code)) return null;
  const extra = error as TRPCError & { findings?: { rule: string; element: string; message: string }[]; field?: string; factCode?: string; line?: number; rule?: string };
  if (extra.findings?.length) return extra.findings.map((f) => ({ where: f.element, rule: f.rule, message: f.message }));
  const cause = error.cause as { issues?: { path?: unknown[]; message: string; rule?: string }[] } | undefined;
  if (cause?.issues?.length) return cause.issues.map((i) => ({ where: String(i.path?.[0] ?? 'file'), ...(i.rule ? { rule: i.rule } : {}), message: i.message }));
  const where = extra.line ? `line ${extra.line}` : (extra.field ?? 'file');
  const message = extra.field && error.message.startsWith(`${extra.field}: `) ? error.message.slice(extra.field.length + 2) : error.message;
  const rule = extra.rule ?? extra.factCode ?? (error.code === 'CONFLICT' ? 'DUPLICATE' : undefined);
  return [{ where, ...(rule ? { rule } : {}), message }];
}

/**
 * Records that a document was refused, with its issues, in one transaction with the audit entry
 * `document.import_refused`. Nothing else is written: the import itself rolled back. A document
 * imported before keeps its status (a second import attempt is refused, not the document).
 *
 * @example
 * ```ts
 * await markRefused(ctx, companyId, documentId, issuesOf(error)!);
 * ```
 */
export async function markRefused(ctx: Ctx, companyId: string, documentId: string, issues: DocumentIssue[]): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const d = tx.tables.documents;
    const changed = await tx.db
      .update(d)
      .set({ status: 'refused', result: { issues } as unknown as Record<string, unknown>, processedAt: now })
      .where(and(eq(d.id, documentId), eq(d.companyId, companyId), ne(d.status, 'imported')))
      .returning({ id: d.id });
    if (changed.length === 0) return;
    await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'document.import_refused', entityType: 'document', entityId: documentId, at: now, after: { status: 'refused', issues } });
  });
}

/**
 * Runs an import and, when the file itself is refused, keeps the document with status
 * `refused` and the issues (for a file sent with the call, storing it first), then rethrows.
 * `documentOf` says which document the file is, once known.
 */
export async function recordingRefusal<T>(ctx: Ctx, companyId: string, target: { documentId: string | null; file?: NewDocument }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const issues = issuesOf(error);
    if (issues && !(error as { alreadyImported?: boolean }).alreadyImported) {
      const documentId = target.documentId ?? (target.file ? await ctx.db.transaction(async (tx) => (await documentForFile(ctx, tx, companyId, target.file!)).id) : null);
      if (documentId) await markRefused(ctx, companyId, documentId, issues);
    }
    throw error;
  }
}

import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { importStatementFile } from './bank-import.js';
import { issuesOf, setDocumentStatus, type DocumentResult } from './document-outcome.js';
import { importEInvoice } from './ubl-import.js';

type Ctx = Pick<Context, 'db' | 'documents' | 'settings' | 'logger' | 'clock'> & { user: { id: string } };

/** What processing a document did: its status and result afterwards. */
export interface ProcessOutcome {
  documentId: string;
  status: 'stored' | 'imported' | 'refused';
  result: DocumentResult | null;
  processedAt: string | null;
}

/** What a stored file is, by its content first (the kind and name only break ties). */
export function formatOf(bytes: Uint8Array, row: { kind: string; mediaType: string; fileName: string }): 'einvoice-pdf' | 'einvoice-xml' | 'statement' | 'csv' | 'other' {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'einvoice-pdf';
  if (head.trimStart().startsWith('<')) return /urn:iso:std:iso:20022:tech:xsd:camt\.053/.test(head) ? 'statement' : 'einvoice-xml';
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  if (/^0000\d/.test(first) && first.length === 128) return 'statement';
  if (row.mediaType === 'text/csv' || row.kind === 'spreadsheet' || /\.csv$/i.test(row.fileName)) return 'csv';
  return 'other';
}

/**
 * Turns a stored document into what it holds, and records that on the document: an e-invoice
 * (UBL, CII, or a Factur-X / ZUGFeRD PDF) becomes an invoice or credit note, a CODA or camt.053
 * statement becomes bank lines and payments; the document is then `imported` with those
 * records, or `refused` with the issues per line or element (nothing imported). A plain PDF, a
 * CSV (it needs a column mapping: `imports.invoicesCsv` / `debtorsCsv`) or an image stays
 * `stored`, with a note saying why. A refusal is an outcome here, not an error.
 *
 * @example
 * ```ts
 * const outcome = await processDocument(ctx, companyId, documentId);
 * outcome.status; // "imported"
 * ```
 */
export async function processDocument(ctx: Ctx, companyId: string, documentId: string, options: { acceptUnbalanced?: boolean } = {}): Promise<ProcessOutcome> {
  const d = ctx.db.tables.documents;
  const row = (await ctx.db.db.select().from(d).where(and(eq(d.id, documentId), eq(d.companyId, companyId))).limit(1))[0];
  if (!row) throw apiError.notFound('document', documentId);
  if (row.status === 'imported') throw apiError.conflict('This document was imported already; it is not imported twice.');
  const bytes = await ctx.documents.get(row.sha256);
  if (!bytes) throw apiError.precondition('The file of this document is missing from storage; please upload it again.');
  const format = formatOf(bytes, row);
  try {
    if (format === 'einvoice-pdf' || format === 'einvoice-xml') await importEInvoice(ctx, companyId, { documentId });
    else if (format === 'statement') await importStatementFile(ctx, companyId, { documentId, acceptUnbalanced: options.acceptUnbalanced });
    else {
      const note =
        format === 'csv'
          ? { code: 'needs_mapping' as const, message: 'A CSV file needs its columns chosen before it can become invoices or debtors; it is kept as a document.' }
          : { code: 'not_importable' as const, message: 'This file holds nothing to import; it is kept as a document.' };
      await ctx.db.transaction((tx) => setDocumentStatus(tx, companyId, documentId, 'stored', { note }, ctx.clock()));
    }
  } catch (error) {
    // The importers have kept the refusal on the document; anything else is not the file's fault.
    if (!issuesOf(error)) throw error;
  }
  const after = (await ctx.db.db.select().from(d).where(eq(d.id, documentId)).limit(1))[0]!;
  return { documentId, status: after.status, result: (after.result as DocumentResult | null) ?? null, processedAt: after.processedAt?.toISOString() ?? null };
}

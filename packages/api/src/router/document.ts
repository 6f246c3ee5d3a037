import { DOCUMENT_KINDS } from '@fact/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId } from '../schemas/ids.js';
import { appendAudit } from '../services/audit.js';
import type { DocumentResult } from '../services/imports/document-outcome.js';
import { processDocument } from '../services/imports/process-document.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { documentGet } from './document-get.js';

/** What may be uploaded: the formats invoices, letters and bank statements come in. */
const MEDIA_TYPES = ['application/pdf', 'application/xml', 'text/xml', 'text/csv', 'text/plain', 'image/png', 'image/jpeg'] as const;

type DocumentRow = { id: string; companyId: string; kind: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; createdAt: Date; status?: string; result?: unknown; processedAt?: Date | null };

/** A document as the API shows it: what it is, and what became of it (`status`, `result`). */
function documentView(row: DocumentRow) {
  return {
    id: row.id,
    companyId: row.companyId,
    kind: row.kind,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.createdAt.toISOString(),
    status: (row.status ?? 'stored') as 'stored' | 'imported' | 'refused',
    result: (row.result ?? null) as DocumentResult | null,
    processedAt: row.processedAt ? row.processedAt.toISOString() : null,
  };
}

/** Files of a company: upload (optionally attached to an invoice, optionally processed), list, download, process. */
export const documentRouter = router({
  get: documentGet,
  upload: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        invoiceId: recordId.optional().meta({ description: 'Attach the file to this invoice' }),
        kind: z.enum(DOCUMENT_KINDS),
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .refine((n) => !/[/\\\0]/.test(n), 'must be a file name, not a path'),
        mediaType: z.enum(MEDIA_TYPES),
        contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
        process: z.boolean().default(false).meta({ description: 'Turn the file into what it holds (an e-invoice into an invoice, a statement into payments) and record the outcome on the document' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const limit = ctx.settings.maxUploadBytes;
      // Refuse before decoding: the decoded size is 3/4 of the base64 length.
      const approx = Math.floor((input.contentBase64.length * 3) / 4);
      if (approx - 2 > limit) {
        throw Object.assign(
          new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `contentBase64: the file is about ${Math.round(approx / 1024)} KiB; the limit is ${Math.round(limit / 1024)} KiB.` }),
          { field: 'contentBase64' },
        );
      }
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
      if (bytes.length === 0) throw apiError.badInput('contentBase64', 'the file is empty');
      if (bytes.length > limit) throw Object.assign(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `contentBase64: the file is ${bytes.length} bytes; the limit is ${limit}.` }), { field: 'contentBase64' });
      if (input.invoiceId && (await ctx.access.companyOf('invoiceId', input.invoiceId)) !== input.companyId) throw apiError.notFound('invoice', input.invoiceId);
      const sha256 = await ctx.documents.put(bytes);
      const id = uuidv7();
      const now = ctx.clock();
      const values = { id, companyId: input.companyId, kind: input.kind, sha256, sizeBytes: bytes.length, mediaType: input.mediaType, fileName: input.fileName, uploadedBy: ctx.user.id, createdAt: now };
      await ctx.db.transaction(async (tx) => {
        await tx.db.insert(tx.tables.documents).values(values);
        if (input.invoiceId) {
          const i = tx.tables.invoices;
          await tx.db
            .update(i)
            .set({ documentId: id, version: sql`${i.version} + 1`, updatedAt: now })
            .where(and(eq(i.id, input.invoiceId), eq(i.companyId, input.companyId)));
        }
        await appendAudit(tx, { companyId: input.companyId, actorUserId: ctx.user.id, action: 'document.upload', entityType: 'document', entityId: id, at: now, after: { ...values, invoiceId: input.invoiceId ?? null } });
      });
      // A file attached to an invoice is evidence for it, not something to import.
      if (!input.process || input.invoiceId) return documentView(values);
      const outcome = await processDocument(ctx, input.companyId, id);
      return documentView({ ...values, status: outcome.status, result: outcome.result, processedAt: outcome.processedAt ? new Date(outcome.processedAt) : null });
    }),

  process: companyProcedure(...MANAGERS)
    .input(
      z.object({
        documentId: recordId,
        acceptUnbalanced: z.boolean().default(false).meta({ description: 'For a bank statement: keep it even when its balances do not add up (reported as a warning)' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const d = ctx.db.tables.documents;
      const row = (await ctx.db.db.select({ companyId: d.companyId }).from(d).where(eq(d.id, input.documentId)).limit(1))[0];
      if (!row) throw apiError.notFound('document', input.documentId);
      return processDocument(ctx, row.companyId, input.documentId, { acceptUnbalanced: input.acceptUnbalanced });
    }),

  list: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        kind: z.enum(DOCUMENT_KINDS).optional(),
        status: z.enum(['stored', 'imported', 'refused']).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const d = ctx.db.tables.documents;
      const where = [eq(d.companyId, input.companyId)];
      if (input.kind) where.push(eq(d.kind, input.kind));
      if (input.status) where.push(eq(d.status, input.status));
      const rows = await ctx.db.db.select().from(d).where(and(...where)).orderBy(desc(d.createdAt), desc(d.id)).limit(input.limit);
      return rows.map(documentView);
    }),

  download: companyProcedure()
    .input(z.object({ documentId: recordId }))
    .query(async ({ ctx, input }) => {
      const d = ctx.db.tables.documents;
      const row = (await ctx.db.db.select().from(d).where(eq(d.id, input.documentId)).limit(1))[0];
      if (!row) throw apiError.notFound('document', input.documentId);
      const bytes = await ctx.documents.get(row.sha256);
      if (!bytes) {
        ctx.logger.error({ documentId: row.id, sha256: row.sha256 }, 'document bytes missing from the store');
        throw apiError.precondition('The file of this document is missing from storage; please upload it again.');
      }
      return { ...documentView(row), contentBase64: Buffer.from(bytes).toString('base64') };
    }),
});

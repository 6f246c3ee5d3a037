import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId } from '../schemas/ids.js';
import { companyProcedure } from '../trpc.js';
import { documentResult } from './file-outputs.js';

/**
 * The details of one document without its bytes: what it is, its size and hash, when it was
 * uploaded, which invoices it is attached to, and what became of it (`status`: stored, imported
 * or refused; `result`: the records it became or the issues per line or element). `download`
 * gives the bytes.
 *
 * @example
 * ```ts
 * const doc = await caller.document.get({ documentId });
 * doc.invoices; // [{ id, number }]
 * ```
 */
export const documentGet = companyProcedure()
  .input(z.object({ documentId: recordId }))
  .output(
    z.object({
      id: z.string(),
      companyId: z.string(),
      kind: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedAt: z.string(),
      status: z.enum(['stored', 'imported', 'refused']),
      result: documentResult.nullable(),
      processedAt: z.string().nullable(),
      invoices: z.array(z.object({ id: z.string(), number: z.string() })),
    }),
  )
  .query(async ({ ctx, input }) => {
    const t = ctx.db.tables;
    const row = (await ctx.db.db.select().from(t.documents).where(eq(t.documents.id, input.documentId)).limit(1))[0];
    if (!row) throw apiError.notFound('document', input.documentId);
    // A factor reaches a document through the invoice assigned to it; it is not told about others.
    const manager = (ctx.roles ?? []).some((r) => r === 'accountant' || r === 'entrepreneur');
    const invoices = manager ? await ctx.db.db.select({ id: t.invoices.id, number: t.invoices.number }).from(t.invoices).where(eq(t.invoices.documentId, row.id)) : [];
    return {
      id: row.id,
      companyId: row.companyId,
      kind: row.kind,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      uploadedAt: row.createdAt.toISOString(),
      status: row.status,
      result: (row.result as z.infer<typeof documentResult> | null) ?? null,
      processedAt: row.processedAt?.toISOString() ?? null,
      invoices,
    };
  });

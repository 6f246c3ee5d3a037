import type { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { recordId } from '../../schemas/ids.js';

/**
 * Where an imported file comes from: a document already stored for the company (`documentId`),
 * or bytes uploaded with the call (`contentBase64` + `fileName`). Exactly one of the two.
 */
export const fileSource = {
  documentId: recordId.optional().meta({ description: 'A document already uploaded for this company' }),
  contentBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .optional()
    .meta({ description: 'The file itself, base64 (when it was not uploaded before)' }),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((n) => !/[/\\\0]/.test(n), 'must be a file name, not a path')
    .optional(),
};

/** The bytes of an import, and the stored document they came from (if any). */
export interface ImportFile {
  bytes: Uint8Array;
  fileName: string;
  /** Set when the file is a stored document of the company. */
  documentId: string | null;
  sha256: string | null;
}

/**
 * Reads the file of an import: refuses both or neither source, a document of another company
 * (as NOT_FOUND, the same words as an unknown id), an empty or oversized upload, before anything
 * is stored.
 *
 * @example
 * ```ts
 * const file = await readImportFile(ctx, companyId, { documentId }); // { bytes, fileName, documentId }
 * ```
 */
export async function readImportFile(
  ctx: Pick<Context, 'db' | 'documents' | 'settings' | 'logger'>,
  companyId: string,
  input: { documentId?: string | undefined; contentBase64?: string | undefined; fileName?: string | undefined },
  defaultName: string,
): Promise<ImportFile> {
  if (input.documentId && input.contentBase64 !== undefined) throw apiError.badInput('documentId', 'give either a stored document or the file content, not both');
  if (input.documentId) {
    const d = ctx.db.tables.documents;
    const row = (await ctx.db.db.select().from(d).where(and(eq(d.id, input.documentId), eq(d.companyId, companyId))).limit(1))[0];
    if (!row) throw apiError.notFound('document', input.documentId);
    if (row.sizeBytes > ctx.settings.maxUploadBytes) throw tooLarge('documentId', row.sizeBytes, ctx.settings.maxUploadBytes);
    const bytes = await ctx.documents.get(row.sha256);
    if (!bytes) {
      ctx.logger.error({ documentId: row.id, sha256: row.sha256 }, 'document bytes missing from the store');
      throw apiError.precondition('The file of this document is missing from storage; please upload it again.');
    }
    return { bytes, fileName: row.fileName, documentId: row.id, sha256: row.sha256 };
  }
  if (input.contentBase64 === undefined) throw apiError.badInput('contentBase64', 'give the file content (base64) or the id of a stored document');
  const limit = ctx.settings.maxUploadBytes;
  // Refuse before decoding: the decoded size is about 3/4 of the base64 length.
  const approx = Math.floor((input.contentBase64.length * 3) / 4);
  if (approx - 2 > limit) throw tooLarge('contentBase64', approx, limit);
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  if (bytes.length === 0) throw apiError.badInput('contentBase64', 'the file is empty');
  if (bytes.length > limit) throw tooLarge('contentBase64', bytes.length, limit);
  return { bytes, fileName: input.fileName ?? defaultName, documentId: null, sha256: null };
}

// BAD_REQUEST (not 413): an import refuses a file for what it is, like any other bad input.
function tooLarge(field: string, size: number, limit: number): TRPCError {
  return apiError.badInput(field, `the file is too large (about ${Math.round(size / 1024)} KiB; the limit is ${Math.round(limit / 1024)} KiB)`);
}

/**
 * Bytes read as UTF-8 text (a leading BOM dropped); refuses what is not valid UTF-8.
 *
 * @example
 * ```ts
 * utf8Text(new TextEncoder().encode('a;b')); // "a;b"
 * ```
 */
export function utf8Text(bytes: Uint8Array, field: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw apiError.badInput(field, 'the file is not UTF-8 text');
  }
}

// Notes on a debtor (`debtor.notes.*`): what an accountant or the entrepreneur wants to remember
// ("called, pays on Friday"). Appended, never edited; shown in the debtor's timeline.
import { addNote, isDbError, listNotes, NOTE_MAX_LENGTH } from '@fact/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId } from '../schemas/ids.js';
import { appendAudit } from '../services/audit.js';
import { userNames } from '../services/dunning-ui/outbox-history.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import type { Database } from '../db.js';

async function companyOfDebtor(db: Database, debtorId: string): Promise<string> {
  const d = db.tables.debtors;
  const [row] = await db.db.select({ companyId: d.companyId }).from(d).where(eq(d.id, debtorId)).limit(1);
  if (!row) throw apiError.notFound('debtor', debtorId);
  return row.companyId;
}

export const debtorNotesRouter = router({
  /** Adds a note on a debtor, optionally about one of its invoices; audited. */
  add: companyProcedure(...MANAGERS)
    .input(
      z.object({
        debtorId: recordId,
        invoiceId: recordId.optional(),
        body: z.string().trim().min(1, 'is required').max(NOTE_MAX_LENGTH, `has at most ${NOTE_MAX_LENGTH} characters`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const companyId = await companyOfDebtor(ctx.db, input.debtorId);
      const now = ctx.clock();
      try {
        return await ctx.db.transaction(async (tx) => {
          const note = await addNote(tx, { companyId }, { debtorId: input.debtorId, invoiceId: input.invoiceId ?? null, body: input.body, authorUserId: ctx.user.id, at: now });
          await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.note', entityType: 'note', entityId: note.id, at: now, after: { debtorId: note.debtorId, invoiceId: note.invoiceId, body: note.body } });
          return { id: note.id, debtorId: note.debtorId, invoiceId: note.invoiceId, body: note.body, author: ctx.user.name, createdAt: note.createdAt.toISOString() };
        });
      } catch (e) {
        // The invoice exists and is visible (the guard checked it) but belongs to another debtor.
        if (isDbError(e, 'NOT_FOUND')) throw apiError.badInput('invoiceId', 'is not an invoice of this debtor');
        throw e;
      }
    }),

  /** The notes of a debtor (or of one of its invoices), newest first, with their authors. */
  list: companyProcedure(...MANAGERS)
    .input(z.object({ debtorId: recordId, invoiceId: recordId.optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(async ({ ctx, input }) => {
      const companyId = await companyOfDebtor(ctx.db, input.debtorId);
      const notes = await listNotes(ctx.db, { companyId }, { debtorId: input.debtorId, ...(input.invoiceId && { invoiceId: input.invoiceId }), limit: input.limit });
      const names = await userNames(ctx.db, notes.flatMap((n) => (n.authorUserId ? [n.authorUserId] : [])));
      return notes.map((n) => ({ id: n.id, debtorId: n.debtorId, invoiceId: n.invoiceId, body: n.body, author: n.authorUserId ? (names.get(n.authorUserId) ?? null) : null, createdAt: n.createdAt.toISOString() }));
    }),
});

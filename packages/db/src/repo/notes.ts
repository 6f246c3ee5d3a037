import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A note kept on a debtor (optionally about one of its invoices): shown in the debtor's timeline. */
export interface Note {
  id: string;
  companyId: string;
  debtorId: string;
  invoiceId: string | null;
  body: string;
  authorUserId: string | null;
  createdAt: Date;
}

/** The longest note the database accepts (CHECK `notes_body_not_empty`). */
export const NOTE_MAX_LENGTH = 4000;

/**
 * Appends a note to a debtor of the company. Notes are history: they are never edited. The
 * debtor (and the invoice, when given) must belong to the company: the composite foreign keys
 * refuse another company's, and this function reports that as NOT_FOUND.
 *
 * @example
 * ```ts
 * await addNote(db, { companyId }, { debtorId, body: 'Called: pays on Friday', authorUserId: user.id, at: now });
 * ```
 */
export async function addNote(
  ex: Executor,
  scope: CompanyScope,
  input: { debtorId: string; invoiceId?: string | null; body: string; authorUserId?: string | null; at: Date },
): Promise<Note> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > NOTE_MAX_LENGTH) throw new DbError('CONSTRAINT_VIOLATION', `body: a note has 1 to ${NOTE_MAX_LENGTH} characters`, 'body');
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [debtor] = await tx.db.select({ id: t.debtors.id }).from(t.debtors).where(and(eq(t.debtors.companyId, scope.companyId), eq(t.debtors.id, input.debtorId))).limit(1);
    if (!debtor) throw new DbError('NOT_FOUND', 'debtor: not found');
    if (input.invoiceId) {
      const i = t.invoices;
      const [invoice] = await tx.db.select({ id: i.id }).from(i).where(and(eq(i.companyId, scope.companyId), eq(i.id, input.invoiceId), eq(i.debtorId, input.debtorId))).limit(1);
      if (!invoice) throw new DbError('NOT_FOUND', 'invoice: not found');
    }
    const [row] = await guarded(() =>
      tx.db
        .insert(t.notes)
        .values({ id: newId(), companyId: scope.companyId, debtorId: input.debtorId, invoiceId: input.invoiceId ?? null, body, authorUserId: input.authorUserId ?? null, createdAt: input.at })
        .returning(),
    );
    return toNote(row!);
  });
}

/**
 * The notes of a debtor (or of one invoice), newest first, at most `limit`; `before` pages on
 * (the `createdAt` and `id` of the last note seen).
 *
 * @example
 * ```ts
 * const notes = await listNotes(db, { companyId }, { debtorId, limit: 50 });
 * ```
 */
export async function listNotes(
  ex: Executor,
  scope: Scope,
  of: { debtorId: string; invoiceId?: string; limit?: number; before?: { createdAt: Date; id: string } },
): Promise<Note[]> {
  const n = ex.tables.notes;
  const rows = await ex.db
    .select()
    .from(n)
    .where(
      and(
        inScope(n.companyId, scope),
        eq(n.debtorId, of.debtorId),
        of.invoiceId ? eq(n.invoiceId, of.invoiceId) : undefined,
        of.before ? or(lt(n.createdAt, of.before.createdAt), and(eq(n.createdAt, of.before.createdAt), lt(n.id, of.before.id))) : undefined,
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(Math.min(Math.max(of.limit ?? 100, 1), 500));
  return rows.map(toNote);
}

function toNote(r: { id: string; companyId: string; debtorId: string; invoiceId: string | null; body: string; authorUserId: string | null; createdAt: Date }): Note {
  return { id: r.id, companyId: r.companyId, debtorId: r.debtorId, invoiceId: r.invoiceId, body: r.body, authorUserId: r.authorUserId, createdAt: r.createdAt };
}

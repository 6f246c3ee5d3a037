import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { AssignmentStatus, BatchStatus } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { found, versioned } from './locking.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A factoring batch with its assignments. */
export interface FactoringBatch {
  id: string;
  factorName: string;
  reference: string;
  status: BatchStatus;
  createdOn: CalendarDate;
  submittedOn: CalendarDate | null;
  total: Money;
  advanceRate: string | null;
  feeRate: string | null;
  version: number;
  assignments: { id: string; invoiceId: string; amount: Money; status: AssignmentStatus; assignedOn: CalendarDate | null; notifiedOn: CalendarDate | null }[];
}

/**
 * Creates a batch proposing invoices to a factor, in one transaction. An invoice already live
 * in another batch is a `DUPLICATE`.
 *
 * @example
 * ```ts
 * await createFactoringBatch(db, { companyId }, { factorName: 'Demo Factor NV', reference: 'FB-2025-01',
 *   createdOn: '2025-04-01', invoices: [{ invoiceId, amount: money('1210') }] });
 * ```
 */
export async function createFactoringBatch(
  ex: Executor,
  scope: CompanyScope,
  input: { factorName: string; reference: string; createdOn: CalendarDate; advanceRate?: string | null; feeRate?: string | null; invoices: readonly { invoiceId: string; amount: Money }[]; createdBy?: string | null },
): Promise<FactoringBatch> {
  parseDate(input.createdOn, 'createdOn');
  const amounts = input.invoices.map((x, n) => cents(x.amount, `invoices[${n}].amount`));
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const id = newId();
    await guarded(() =>
      tx.db.insert(t.factoringBatches).values({
        id,
        companyId: scope.companyId,
        factorName: input.factorName,
        reference: input.reference,
        status: 'draft',
        createdOn: input.createdOn,
        totalCents: amounts.reduce((a, b) => a + b, 0),
        advanceRate: input.advanceRate ?? null,
        feeRate: input.feeRate ?? null,
        createdBy: input.createdBy ?? null,
      }),
    );
    if (input.invoices.length)
      await guarded(() =>
        tx.db.insert(t.factoringAssignments).values(input.invoices.map((x, n) => ({ id: newId(), companyId: scope.companyId, batchId: id, invoiceId: x.invoiceId, amountCents: amounts[n]!, status: 'proposed' as const }))),
      );
    return found('factoring batch', await getFactoringBatch(tx, scope, id));
  });
}

/**
 * A batch of the scope with its assignments, or undefined.
 *
 * @example
 * ```ts
 * await getFactoringBatch(db, { companyId }, batchId);
 * ```
 */
export async function getFactoringBatch(ex: Executor, scope: Scope, batchId: string): Promise<FactoringBatch | undefined> {
  const t = ex.tables;
  const [b] = await ex.db.select().from(t.factoringBatches).where(and(inScope(t.factoringBatches.companyId, scope), eq(t.factoringBatches.id, batchId)));
  if (!b) return undefined;
  const a = await ex.db.select().from(t.factoringAssignments).where(eq(t.factoringAssignments.batchId, b.id)).orderBy(asc(t.factoringAssignments.id));
  return {
    id: b.id,
    factorName: b.factorName,
    reference: b.reference,
    status: b.status,
    createdOn: b.createdOn,
    submittedOn: b.submittedOn,
    total: money(b.totalCents),
    advanceRate: b.advanceRate,
    feeRate: b.feeRate,
    version: b.version,
    assignments: a.map((x) => ({ id: x.id, invoiceId: x.invoiceId, amount: money(x.amountCents), status: x.status, assignedOn: x.assignedOn, notifiedOn: x.notifiedOn })),
  };
}

/**
 * Moves a batch to a new status (version-checked); submitting stamps `submittedOn`, acceptance
 * turns its proposed assignments into `assigned` on that day, rejection into `rejected`.
 *
 * @example
 * ```ts
 * await setFactoringBatchStatus(db, { companyId }, id, { version: 1, status: 'submitted', on: '2025-04-02' });
 * ```
 */
export async function setFactoringBatchStatus(
  ex: Executor,
  scope: CompanyScope,
  batchId: string,
  input: { version: number; status: BatchStatus; on: CalendarDate },
): Promise<FactoringBatch> {
  parseDate(input.on, 'on');
  const t = ex.tables;
  const b = t.factoringBatches;
  return ex.transaction(async (tx) => {
    const where = and(eq(b.companyId, scope.companyId), eq(b.id, batchId));
    await versioned(
      'factoring batch',
      await tx.db
        .update(b)
        .set({ status: input.status, version: sql`${b.version} + 1`, ...(input.status === 'submitted' ? { submittedOn: input.on } : {}) })
        .where(and(where, eq(b.version, input.version)))
        .returning({ id: b.id }),
      () => tx.db.select({ id: b.id }).from(b).where(where),
    );
    const a = t.factoringAssignments;
    if (input.status === 'accepted' || input.status === 'rejected')
      await tx.db
        .update(a)
        .set(input.status === 'accepted' ? { status: 'assigned', assignedOn: input.on } : { status: 'rejected' })
        .where(and(eq(a.companyId, scope.companyId), eq(a.batchId, batchId), eq(a.status, 'proposed')));
    return found('factoring batch', await getFactoringBatch(tx, scope, batchId));
  });
}

// Disputes: an invoice the debtor contests; dunning stops while one is open.
import { parseDate, type CalendarDate } from '@fact/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { DisputeStatus } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { versioned } from './locking.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A dispute on an invoice. */
export interface Dispute {
  id: string;
  invoiceId: string;
  status: DisputeStatus;
  reason: string;
  description: string | null;
  openedOn: CalendarDate;
  resolvedOn: CalendarDate | null;
  resolution: string | null;
  version: number;
}

/**
 * Opens a dispute on an invoice of the company.
 *
 * @example
 * ```ts
 * await openDispute(db, { companyId }, { invoiceId, reason: 'quality', openedOn: '2025-04-02' });
 * ```
 */
export async function openDispute(
  ex: Executor,
  scope: CompanyScope,
  input: { invoiceId: string; reason: string; description?: string | null; openedOn: CalendarDate; createdBy?: string | null },
): Promise<Dispute> {
  parseDate(input.openedOn, 'openedOn');
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(t.disputes)
        .values({ id: newId(), companyId: scope.companyId, status: 'open', invoiceId: input.invoiceId, reason: input.reason, description: input.description ?? null, openedOn: input.openedOn, createdBy: input.createdBy ?? null })
        .returning(),
    );
    return toDispute(row!);
  });
}

/**
 * Resolves or rejects an open dispute, with a version check.
 *
 * @example
 * ```ts
 * await closeDispute(db, { companyId }, id, { version: 1, status: 'resolved', resolvedOn: '2025-04-20', resolution: 'credit note CN-3' });
 * ```
 */
export async function closeDispute(
  ex: Executor,
  scope: CompanyScope,
  disputeId: string,
  input: { version: number; status: 'resolved' | 'rejected'; resolvedOn: CalendarDate; resolution?: string | null },
): Promise<Dispute> {
  parseDate(input.resolvedOn, 'resolvedOn');
  const d = ex.tables.disputes;
  return ex.transaction(async (tx) => {
    const where = and(eq(d.companyId, scope.companyId), eq(d.id, disputeId));
    const row = await versioned(
      'dispute',
      await guarded(() =>
        tx.db
          .update(d)
          .set({ status: input.status, resolvedOn: input.resolvedOn, resolution: input.resolution ?? null, version: sql`${d.version} + 1` })
          .where(and(where, eq(d.version, input.version), eq(d.status, 'open')))
          .returning(),
      ),
      () => tx.db.select({ id: d.id }).from(d).where(where),
    );
    return toDispute(row);
  });
}

/**
 * Disputes of a scope, optionally of one invoice or only open ones.
 *
 * @example
 * ```ts
 * await listDisputes(db, { companyId }, { invoiceId });
 * ```
 */
export async function listDisputes(ex: Executor, scope: Scope, options: { invoiceId?: string; openOnly?: boolean } = {}): Promise<Dispute[]> {
  const d = ex.tables.disputes;
  const rows = await ex.db
    .select()
    .from(d)
    .where(and(inScope(d.companyId, scope), options.invoiceId ? eq(d.invoiceId, options.invoiceId) : undefined, options.openOnly ? eq(d.status, 'open') : undefined))
    .orderBy(desc(d.openedOn), desc(d.id));
  return rows.map(toDispute);
}

function toDispute(r: Dispute & Record<string, unknown>): Dispute {
  return { id: r.id, invoiceId: r.invoiceId, status: r.status, reason: r.reason, description: r.description, openedOn: r.openedOn, resolvedOn: r.resolvedOn, resolution: r.resolution, version: r.version };
}

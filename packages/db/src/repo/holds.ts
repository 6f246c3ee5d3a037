// Holds: dunning paused for one invoice or a whole debtor, from a date, optionally until one.
import { parseDate, type CalendarDate } from '@fact/core';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { versioned } from './locking.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** Dunning paused for an invoice or a debtor. */
export interface Hold {
  id: string;
  invoiceId: string | null;
  debtorId: string | null;
  reason: string;
  fromDate: CalendarDate;
  untilDate: CalendarDate | null;
  releasedAt: Date | null;
  version: number;
}

/**
 * Puts an invoice or a whole debtor on hold.
 *
 * @example
 * ```ts
 * await placeHold(db, { companyId }, { debtorId, reason: 'restructuring talks', fromDate: '2025-04-01', untilDate: '2025-04-30' });
 * ```
 */
export async function placeHold(
  ex: Executor,
  scope: CompanyScope,
  input: ({ invoiceId: string; debtorId?: undefined } | { debtorId: string; invoiceId?: undefined }) & { reason: string; fromDate: CalendarDate; untilDate?: CalendarDate | null; createdBy?: string | null },
): Promise<Hold> {
  parseDate(input.fromDate, 'fromDate');
  if (input.untilDate) parseDate(input.untilDate, 'untilDate');
  const h = ex.tables.holds;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(h)
        .values({ id: newId(), companyId: scope.companyId, invoiceId: input.invoiceId ?? null, debtorId: input.debtorId ?? null, reason: input.reason, fromDate: input.fromDate, untilDate: input.untilDate ?? null, createdBy: input.createdBy ?? null })
        .returning(),
    );
    return toHold(row!);
  });
}

/**
 * Releases a hold (version-checked).
 *
 * @example
 * ```ts
 * await releaseHold(db, { companyId }, holdId, hold.version);
 * ```
 */
export async function releaseHold(ex: Executor, scope: CompanyScope, holdId: string, version: number, at: Date = new Date()): Promise<Hold> {
  const h = ex.tables.holds;
  return ex.transaction(async (tx) => {
    const where = and(eq(h.companyId, scope.companyId), eq(h.id, holdId));
    const row = await versioned(
      'hold',
      await tx.db
        .update(h)
        .set({ releasedAt: at, version: sql`${h.version} + 1` })
        .where(and(where, eq(h.version, version), isNull(h.releasedAt)))
        .returning(),
      () => tx.db.select({ id: h.id }).from(h).where(where),
    );
    return toHold(row);
  });
}

/**
 * Holds in force on `on` for an invoice (its own, and its debtor's) or a debtor.
 *
 * @example
 * ```ts
 * await activeHolds(db, { companyId }, { invoiceId, debtorId }, '2025-04-15');
 * ```
 */
export async function activeHolds(ex: Executor, scope: Scope, target: { invoiceId?: string; debtorId?: string }, on: CalendarDate): Promise<Hold[]> {
  const h = ex.tables.holds;
  const rows = await ex.db
    .select()
    .from(h)
    .where(
      and(
        inScope(h.companyId, scope),
        isNull(h.releasedAt),
        lte(h.fromDate, on),
        or(isNull(h.untilDate), gt(h.untilDate, on)),
        or(target.invoiceId ? eq(h.invoiceId, target.invoiceId) : undefined, target.debtorId ? eq(h.debtorId, target.debtorId) : undefined) ?? sql`1 = 0`,
      ),
    )
    .orderBy(asc(h.fromDate));
  return rows.map(toHold);
}

function toHold(r: Hold & Record<string, unknown>): Hold {
  return { id: r.id, invoiceId: r.invoiceId, debtorId: r.debtorId, reason: r.reason, fromDate: r.fromDate, untilDate: r.untilDate, releasedAt: r.releasedAt, version: r.version };
}

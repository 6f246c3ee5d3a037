// Promises to pay: an amount the debtor says will arrive by a date.
import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { PromiseStatus } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { versioned } from './locking.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A promise to pay. */
export interface PromiseToPay {
  id: string;
  debtorId: string;
  invoiceId: string | null;
  amount: Money;
  promisedOn: CalendarDate;
  dueOn: CalendarDate;
  status: PromiseStatus;
  note: string | null;
  version: number;
}

/**
 * Records a promise to pay.
 *
 * @example
 * ```ts
 * await recordPromise(db, { companyId }, { debtorId, amount: money('500'), promisedOn: '2025-04-01', dueOn: '2025-04-15' });
 * ```
 */
export async function recordPromise(
  ex: Executor,
  scope: CompanyScope,
  input: { debtorId: string; invoiceId?: string | null; amount: Money; promisedOn: CalendarDate; dueOn: CalendarDate; note?: string | null; createdBy?: string | null },
): Promise<PromiseToPay> {
  parseDate(input.promisedOn, 'promisedOn');
  parseDate(input.dueOn, 'dueOn');
  const p = ex.tables.promisesToPay;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(p)
        .values({ id: newId(), companyId: scope.companyId, debtorId: input.debtorId, invoiceId: input.invoiceId ?? null, amountCents: cents(input.amount, 'amount'), promisedOn: input.promisedOn, dueOn: input.dueOn, status: 'pending', note: input.note ?? null, createdBy: input.createdBy ?? null })
        .returning(),
    );
    return toPromise(row!);
  });
}

/**
 * Marks a pending promise kept, broken or cancelled (version-checked).
 *
 * @example
 * ```ts
 * await settlePromise(db, { companyId }, id, { version: 1, status: 'broken' });
 * ```
 */
export async function settlePromise(ex: Executor, scope: CompanyScope, promiseId: string, input: { version: number; status: Exclude<PromiseStatus, 'pending'> }): Promise<PromiseToPay> {
  const p = ex.tables.promisesToPay;
  return ex.transaction(async (tx) => {
    const where = and(eq(p.companyId, scope.companyId), eq(p.id, promiseId));
    const row = await versioned(
      'promise',
      await tx.db
        .update(p)
        .set({ status: input.status, version: sql`${p.version} + 1` })
        .where(and(where, eq(p.version, input.version), eq(p.status, 'pending')))
        .returning(),
      () => tx.db.select({ id: p.id }).from(p).where(where),
    );
    return toPromise(row);
  });
}

/**
 * Promises of a debtor, newest first.
 *
 * @example
 * ```ts
 * await listPromises(db, { companyId }, debtorId);
 * ```
 */
export async function listPromises(ex: Executor, scope: Scope, debtorId: string): Promise<PromiseToPay[]> {
  const p = ex.tables.promisesToPay;
  const rows = await ex.db.select().from(p).where(and(inScope(p.companyId, scope), eq(p.debtorId, debtorId))).orderBy(desc(p.promisedOn), desc(p.id));
  return rows.map(toPromise);
}

function toPromise(r: { amountCents: number } & Omit<PromiseToPay, 'amount'>): PromiseToPay {
  return { id: r.id, debtorId: r.debtorId, invoiceId: r.invoiceId, amount: money(r.amountCents), promisedOn: r.promisedOn, dueOn: r.dueOn, status: r.status, note: r.note, version: r.version };
}

// Payment plans (afbetalingsplan / plan d'apurement): instalments covering some invoices.
import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { PlanStatus } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { found, versioned } from './locking.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A payment plan with its instalments and invoices. */
export interface PaymentPlan {
  id: string;
  debtorId: string;
  status: PlanStatus;
  agreedOn: CalendarDate;
  total: Money;
  note: string | null;
  version: number;
  installments: { sequence: number; dueOn: CalendarDate; amount: Money; paid: Money }[];
  invoiceIds: string[];
}

/**
 * Creates a payment plan (afbetalingsplan / plan d'apurement) with its instalments and covered
 * invoices in one transaction. The instalments must add up to the total.
 *
 * @example
 * ```ts
 * await createPaymentPlan(db, { companyId }, { debtorId, agreedOn: '2025-04-01', invoiceIds: [id],
 *   installments: [{ dueOn: '2025-05-01', amount: money('100') }, { dueOn: '2025-06-01', amount: money('100') }] });
 * ```
 */
export async function createPaymentPlan(
  ex: Executor,
  scope: CompanyScope,
  input: { debtorId: string; agreedOn: CalendarDate; note?: string | null; invoiceIds: readonly string[]; installments: readonly { dueOn: CalendarDate; amount: Money }[]; createdBy?: string | null },
): Promise<PaymentPlan> {
  parseDate(input.agreedOn, 'agreedOn');
  const amounts = input.installments.map((x, n) => (parseDate(x.dueOn, `installments[${n}].dueOn`), cents(x.amount, `installments[${n}].amount`)));
  const total = amounts.reduce((a, b) => a + b, 0);
  if (amounts.length === 0) throw new DbError('CONSTRAINT_VIOLATION', 'installments: a plan needs at least one instalment', 'installments');
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const id = newId();
    await guarded(() =>
      tx.db.insert(t.paymentPlans).values({ id, companyId: scope.companyId, debtorId: input.debtorId, status: 'active', agreedOn: input.agreedOn, totalCents: total, note: input.note ?? null, createdBy: input.createdBy ?? null }),
    );
    await guarded(() =>
      tx.db.insert(t.paymentPlanInstallments).values(input.installments.map((x, n) => ({ id: newId(), companyId: scope.companyId, planId: id, sequence: n + 1, dueOn: x.dueOn, amountCents: amounts[n]! }))),
    );
    if (input.invoiceIds.length)
      await guarded(() => tx.db.insert(t.paymentPlanInvoices).values(input.invoiceIds.map((invoiceId) => ({ companyId: scope.companyId, planId: id, invoiceId }))));
    return found('payment plan', await getPaymentPlan(tx, scope, id));
  });
}

/**
 * A payment plan of the scope, or undefined.
 *
 * @example
 * ```ts
 * await getPaymentPlan(db, { companyId }, planId);
 * ```
 */
export async function getPaymentPlan(ex: Executor, scope: Scope, planId: string): Promise<PaymentPlan | undefined> {
  const t = ex.tables;
  const [plan] = await ex.db.select().from(t.paymentPlans).where(and(inScope(t.paymentPlans.companyId, scope), eq(t.paymentPlans.id, planId)));
  if (!plan) return undefined;
  const inst = await ex.db.select().from(t.paymentPlanInstallments).where(eq(t.paymentPlanInstallments.planId, plan.id)).orderBy(asc(t.paymentPlanInstallments.sequence));
  const inv = await ex.db.select({ invoiceId: t.paymentPlanInvoices.invoiceId }).from(t.paymentPlanInvoices).where(eq(t.paymentPlanInvoices.planId, plan.id));
  return {
    id: plan.id,
    debtorId: plan.debtorId,
    status: plan.status,
    agreedOn: plan.agreedOn,
    total: money(plan.totalCents),
    note: plan.note,
    version: plan.version,
    installments: inst.map((i) => ({ sequence: i.sequence, dueOn: i.dueOn, amount: money(i.amountCents), paid: money(i.paidCents) })),
    invoiceIds: inv.map((i) => i.invoiceId).sort(),
  };
}

/**
 * Changes a plan's status (completed, defaulted, cancelled), version-checked.
 *
 * @example
 * ```ts
 * await setPaymentPlanStatus(db, { companyId }, planId, { version: 1, status: 'defaulted' });
 * ```
 */
export async function setPaymentPlanStatus(ex: Executor, scope: CompanyScope, planId: string, input: { version: number; status: PlanStatus }): Promise<PaymentPlan> {
  const p = ex.tables.paymentPlans;
  return ex.transaction(async (tx) => {
    const where = and(eq(p.companyId, scope.companyId), eq(p.id, planId));
    await versioned(
      'payment plan',
      await tx.db.update(p).set({ status: input.status, version: sql`${p.version} + 1` }).where(and(where, eq(p.version, input.version))).returning({ id: p.id }),
      () => tx.db.select({ id: p.id }).from(p).where(where),
    );
    return found('payment plan', await getPaymentPlan(tx, scope, planId));
  });
}

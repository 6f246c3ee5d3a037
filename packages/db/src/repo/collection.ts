import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { DisputeStatus, DunningAction, DunningChannel, PlanStatus, PromiseStatus } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { found, versioned } from './locking.js';
import { cents, money } from './rows.js';
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

/** One thing done to get paid (append-only). */
export interface DunningEvent {
  id: string;
  debtorId: string;
  invoiceId: string | null;
  level: number;
  action: DunningAction;
  channel: DunningChannel;
  occurredOn: CalendarDate;
  interest: Money;
  fees: Money;
  explanation: Record<string, unknown> | null;
  documentId: string | null;
  actorUserId: string | null;
  createdAt: Date;
}

/**
 * Appends dunning events (one transaction for the batch). They can never be changed or deleted:
 * the database refuses it.
 *
 * @example
 * ```ts
 * await appendDunningEvents(db, { companyId }, [{ debtorId, invoiceId, level: 1, action: 'reminder', channel: 'email', occurredOn: '2025-04-05' }]);
 * ```
 */
export async function appendDunningEvents(
  ex: Executor,
  scope: CompanyScope,
  events: readonly (Pick<DunningEvent, 'debtorId' | 'level' | 'action' | 'channel' | 'occurredOn'> & Partial<Pick<DunningEvent, 'invoiceId' | 'interest' | 'fees' | 'explanation' | 'documentId' | 'actorUserId'>>)[],
): Promise<DunningEvent[]> {
  if (events.length === 0) return [];
  const d = ex.tables.dunningEvents;
  const values = events.map((e, n) => {
    parseDate(e.occurredOn, `events[${n}].occurredOn`);
    return {
      id: newId(),
      companyId: scope.companyId,
      debtorId: e.debtorId,
      invoiceId: e.invoiceId ?? null,
      level: e.level,
      action: e.action,
      channel: e.channel,
      occurredOn: e.occurredOn,
      interestCents: e.interest ? cents(e.interest, `events[${n}].interest`) : 0,
      feesCents: e.fees ? cents(e.fees, `events[${n}].fees`) : 0,
      explanation: e.explanation ?? null,
      documentId: e.documentId ?? null,
      actorUserId: e.actorUserId ?? null,
    };
  });
  return ex.transaction(async (tx) => (await guarded(() => tx.db.insert(d).values(values).returning())).map(toEvent));
}

/**
 * The dunning history of an invoice or a debtor, oldest first.
 *
 * @example
 * ```ts
 * await listDunningEvents(db, { companyId }, { invoiceId });
 * ```
 */
export async function listDunningEvents(ex: Executor, scope: Scope, of: { invoiceId: string } | { debtorId: string }): Promise<DunningEvent[]> {
  const d = ex.tables.dunningEvents;
  const rows = await ex.db
    .select()
    .from(d)
    .where(and(inScope(d.companyId, scope), 'invoiceId' in of ? eq(d.invoiceId, of.invoiceId) : eq(d.debtorId, of.debtorId)))
    .orderBy(asc(d.occurredOn), asc(d.id));
  return rows.map(toEvent);
}

function toEvent(r: { interestCents: number; feesCents: number; companyId: string } & Omit<DunningEvent, 'interest' | 'fees'>): DunningEvent {
  const { interestCents, feesCents, companyId: _c, ...rest } = r;
  return { ...rest, interest: money(interestCents), fees: money(feesCents) };
}

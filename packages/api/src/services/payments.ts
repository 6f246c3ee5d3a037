import { allocatePayment, fromCents, toCents, type CalendarDate } from '@fact/core';
import { and, asc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db.js';
import { apiError } from '../errors/api-error.js';
import { centsToAmount } from '../schemas/money.js';
import { appendAudit } from './audit.js';

/** An amount put on one invoice, in cents. */
export interface AllocationRequest {
  invoiceId: string;
  cents: number;
}

interface Actor {
  userId: string;
  now: Date;
}

async function openInvoices(tx: Database, companyId: string, ids: string[]) {
  const i = tx.tables.invoices;
  if (ids.length === 0) return new Map();
  const rows = await tx.db.select().from(i).where(and(eq(i.companyId, companyId), inArray(i.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Checks requested allocations against the invoices' open balances (all refused together, the
 * first problem named with its field) and applies them: lowers each invoice's open amount
 * (paid when it reaches zero) and records the allocation rows. Call inside a transaction.
 */
async function applyAllocations(
  tx: Database,
  payment: { id: string; companyId: string; debtorId: string | null; date: CalendarDate; availableCents: number },
  requests: AllocationRequest[],
  actor: Actor,
): Promise<number> {
  const seen = new Set<string>();
  requests.forEach((r, k) => {
    if (seen.has(r.invoiceId)) throw apiError.badInput(`allocations[${k}].invoiceId`, 'names the same invoice twice; combine the amounts');
    seen.add(r.invoiceId);
  });
  const invoices = await openInvoices(tx, payment.companyId, requests.map((r) => r.invoiceId));
  let total = 0;
  for (const [k, r] of requests.entries()) {
    const inv = invoices.get(r.invoiceId);
    if (!inv) throw apiError.notFound('invoice', r.invoiceId);
    if (inv.kind !== 'invoice') throw apiError.badInput(`allocations[${k}].invoiceId`, `${inv.number} is a credit note; payments go to invoices`);
    if (payment.debtorId && inv.debtorId !== payment.debtorId) throw apiError.badInput(`allocations[${k}].invoiceId`, `invoice ${inv.number} belongs to another debtor than the payment`);
    if (inv.status !== 'open') throw apiError.badInput(`allocations[${k}].invoiceId`, `invoice ${inv.number} is ${inv.status.replace('_', ' ')}, not open`);
    if (r.cents > inv.openAmountCents) {
      throw apiError.badInput(`allocations[${k}].amount`, `${centsToAmount(r.cents)} is more than the open balance ${centsToAmount(inv.openAmountCents)} of invoice ${inv.number}`);
    }
    total += r.cents;
  }
  if (total > payment.availableCents) {
    throw apiError.badInput('allocations', `together they come to ${centsToAmount(total)}, more than the ${centsToAmount(payment.availableCents)} of the payment still to allocate`);
  }
  const i = tx.tables.invoices;
  for (const r of requests) {
    const updated = await tx.db
      .update(i)
      .set({
        openAmountCents: sql`${i.openAmountCents} - ${r.cents}`,
        status: sql`case when ${i.openAmountCents} - ${r.cents} = 0 then 'paid' else ${i.status} end`,
        version: sql`${i.version} + 1`,
        updatedAt: actor.now,
      })
      .where(and(eq(i.id, r.invoiceId), gte(i.openAmountCents, r.cents)))
      .returning({ id: i.id });
    // Another transaction paid it meanwhile: refuse rather than go below zero.
    if (updated.length === 0) throw apiError.conflict('An invoice was paid by someone else meanwhile; reload and try again.');
    await tx.db.insert(tx.tables.allocations).values({
      id: uuidv7(),
      companyId: payment.companyId,
      invoiceId: r.invoiceId,
      paymentId: payment.id,
      amountCents: r.cents,
      allocatedOn: payment.date,
      createdAt: actor.now,
    });
  }
  return total;
}

/**
 * Spreads an amount over a debtor's open invoices with @fact/core's allocation rules (art. 6:43
 * BW: oldest due first when the debtor named none). Refuses more than the debtor owes.
 */
async function automaticAllocation(tx: Database, companyId: string, debtorId: string, paymentId: string, date: CalendarDate, cents: number): Promise<AllocationRequest[]> {
  const i = tx.tables.invoices;
  const open = await tx.db
    .select()
    .from(i)
    .where(and(eq(i.companyId, companyId), eq(i.debtorId, debtorId), eq(i.kind, 'invoice'), eq(i.status, 'open'), gt(i.openAmountCents, 0)))
    .orderBy(asc(i.dueDate));
  const owed = open.reduce((s, r) => s + r.openAmountCents, 0);
  if (cents > owed) {
    throw apiError.badInput('amount', `${centsToAmount(cents)} is more than the open balance ${centsToAmount(owed)} of this debtor's invoices; record the payment without allocation to keep the difference as credit`);
  }
  const result = allocatePayment(
    { id: paymentId, date, amount: fromCents(cents) },
    open.map((r) => ({ id: r.id, kind: 'invoice' as const, debtorId, issueDate: r.issueDate, dueDate: r.dueDate, amount: fromCents(r.openAmountCents) })),
  );
  const perInvoice = new Map<string, number>();
  for (const a of result.allocations) perInvoice.set(a.itemId, (perInvoice.get(a.itemId) ?? 0) + toCents(a.amount));
  return [...perInvoice].map(([invoiceId, c]) => ({ invoiceId, cents: c }));
}

/** What the API receives to record a payment (amounts already in cents). */
export interface RecordPaymentInput {
  companyId: string;
  debtorId: string | null;
  cents: number;
  receivedOn: CalendarDate;
  method: 'bank_transfer' | 'direct_debit' | 'card' | 'cash' | 'other';
  reference: string | null;
  communication: string | null;
  allocations: AllocationRequest[] | 'auto' | 'none';
}

/**
 * Records a payment and its allocations in one transaction: the payment row, each allocation,
 * the invoices' new open amounts and the audit entry. Nothing is written when any part fails.
 *
 * @example
 * ```ts
 * const id = await recordPayment(db, { companyId, debtorId, cents: 12100, receivedOn: '2025-03-14', method: 'bank_transfer', reference: null, communication: null, allocations: 'auto' }, actor);
 * ```
 */
export async function recordPayment(db: Database, input: RecordPaymentInput, actor: Actor): Promise<string> {
  const id = uuidv7();
  return db.transaction(async (tx) => {
    let requests: AllocationRequest[] = [];
    if (input.allocations === 'auto') {
      if (!input.debtorId) throw apiError.badInput('debtorId', 'is needed to allocate automatically');
      requests = await automaticAllocation(tx, input.companyId, input.debtorId, id, input.receivedOn, input.cents);
    } else if (input.allocations !== 'none') requests = input.allocations;
    const values = {
      id,
      companyId: input.companyId,
      debtorId: input.debtorId,
      amountCents: input.cents,
      receivedOn: input.receivedOn,
      method: input.method,
      reference: input.reference,
      communication: input.communication,
      unallocatedCents: input.cents,
      createdBy: actor.userId,
      createdAt: actor.now,
    };
    await tx.db.insert(tx.tables.payments).values(values);
    const allocated = await applyAllocations(tx, { id, companyId: input.companyId, debtorId: input.debtorId, date: input.receivedOn, availableCents: input.cents }, requests, actor);
    const p = tx.tables.payments;
    await tx.db.update(p).set({ unallocatedCents: input.cents - allocated }).where(eq(p.id, id));
    await appendAudit(tx, { companyId: input.companyId, actorUserId: actor.userId, action: 'payment.record', entityType: 'payment', entityId: id, at: actor.now, after: { ...values, allocations: requests } });
    return id;
  });
}

async function loadPayment(tx: Database, id: string) {
  const p = tx.tables.payments;
  const row = (await tx.db.select().from(p).where(eq(p.id, id)).limit(1))[0];
  if (!row) throw apiError.notFound('payment', id);
  return row;
}

/**
 * Allocates (more of) a payment's unallocated amount to invoices, in one transaction.
 *
 * @example
 * ```ts
 * await allocateExisting(db, paymentId, [{ invoiceId, cents: 5000 }], actor);
 * ```
 */
export async function allocateExisting(db: Database, paymentId: string, requests: AllocationRequest[], actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const payment = await loadPayment(tx, paymentId);
    if (payment.reversedAt) throw apiError.precondition('This payment was reversed; it cannot be allocated.');
    if (payment.unallocatedCents === 0) throw apiError.precondition('This payment is fully allocated already.');
    const allocated = await applyAllocations(
      tx,
      { id: payment.id, companyId: payment.companyId, debtorId: payment.debtorId ?? null, date: payment.receivedOn, availableCents: payment.unallocatedCents },
      requests,
      actor,
    );
    const p = tx.tables.payments;
    const updated = await tx.db
      .update(p)
      .set({ unallocatedCents: sql`${p.unallocatedCents} - ${allocated}` })
      .where(and(eq(p.id, paymentId), gte(p.unallocatedCents, allocated)))
      .returning({ id: p.id });
    if (updated.length === 0) throw apiError.conflict('This payment was allocated by someone else meanwhile; reload and try again.');
    await appendAudit(tx, { companyId: payment.companyId, actorUserId: actor.userId, action: 'payment.allocate', entityType: 'payment', entityId: paymentId, at: actor.now, after: { allocations: requests } });
  });
}

/**
 * Reverses a payment (a returned transfer, a bounced direct debit): the payment and each live
 * allocation are marked reversed, never deleted, and the invoices are open again, in one
 * transaction.
 *
 * @example
 * ```ts
 * await reversePaymentRecord(db, paymentId, 'returned by the bank', actor);
 * ```
 */
export async function reversePaymentRecord(db: Database, paymentId: string, reason: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const payment = await loadPayment(tx, paymentId);
    if (payment.reversedAt) throw apiError.precondition('This payment was already reversed.');
    const a = tx.tables.allocations;
    const live = await tx.db.select().from(a).where(and(eq(a.paymentId, paymentId), isNull(a.reversedAt)));
    const i = tx.tables.invoices;
    for (const alloc of live) {
      await tx.db
        .update(i)
        .set({
          openAmountCents: sql`${i.openAmountCents} + ${alloc.amountCents}`,
          status: sql`case when ${i.status} = 'paid' then 'open' else ${i.status} end`,
          version: sql`${i.version} + 1`,
          updatedAt: actor.now,
        })
        .where(eq(i.id, alloc.invoiceId));
    }
    await tx.db.update(a).set({ reversedAt: actor.now }).where(and(eq(a.paymentId, paymentId), isNull(a.reversedAt)));
    const p = tx.tables.payments;
    const updated = await tx.db
      .update(p)
      .set({ reversedAt: actor.now, reversalReason: reason })
      .where(and(eq(p.id, paymentId), isNull(p.reversedAt)))
      .returning({ id: p.id });
    if (updated.length === 0) throw apiError.conflict('This payment was reversed by someone else meanwhile.');
    await appendAudit(tx, { companyId: payment.companyId, actorUserId: actor.userId, action: 'payment.reverse', entityType: 'payment', entityId: paymentId, at: actor.now, before: payment, after: { reason, reopened: live.map((x) => ({ invoiceId: x.invoiceId, cents: x.amountCents })) } });
  });
}

/** A payment as the API shows it. @example paymentView(row) */
export function paymentView(row: Awaited<ReturnType<typeof loadPayment>>) {
  return {
    id: row.id,
    companyId: row.companyId,
    debtorId: row.debtorId ?? null,
    amount: centsToAmount(row.amountCents),
    unallocated: centsToAmount(row.unallocatedCents),
    receivedOn: row.receivedOn,
    method: row.method,
    reference: row.reference ?? null,
    communication: row.communication ?? null,
    reversed: row.reversedAt != null,
    reversalReason: row.reversalReason ?? null,
  };
}

export { loadPayment };

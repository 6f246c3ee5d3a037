import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { PaymentMethod } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { found } from './locking.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** Money received. */
export interface Payment {
  id: string;
  companyId: string;
  debtorId: string | null;
  amount: Money;
  unallocated: Money;
  receivedOn: CalendarDate;
  method: PaymentMethod;
  reference: string | null;
  communication: string | null;
  bankTransactionId: string | null;
  reversedAt: Date | null;
  reversalReason: string | null;
  createdAt: Date;
}

/** Part of a payment or of a credit note set against an invoice. */
export interface Allocation {
  id: string;
  invoiceId: string;
  paymentId: string | null;
  creditNoteId: string | null;
  amount: Money;
  allocatedOn: CalendarDate;
  reversedAt: Date | null;
}

/** How much of a payment goes to which invoice. */
export interface AllocationInput {
  invoiceId: string;
  amount: Money;
}

type PaymentRow = Omit<Payment, 'amount' | 'unallocated'> & { amountCents: number; unallocatedCents: number; createdBy: string | null };

function toPayment(row: PaymentRow): Payment {
  const { amountCents, unallocatedCents, createdBy: _c, ...rest } = row;
  return { ...rest, amount: money(amountCents), unallocated: money(unallocatedCents) };
}

function toAllocation(row: { id: string; invoiceId: string; paymentId: string | null; creditNoteId: string | null; amountCents: number; allocatedOn: string; reversedAt: Date | null }): Allocation {
  return { id: row.id, invoiceId: row.invoiceId, paymentId: row.paymentId, creditNoteId: row.creditNoteId, amount: money(row.amountCents), allocatedOn: row.allocatedOn, reversedAt: row.reversedAt };
}

/**
 * Takes `amountCents` off an open invoice's open amount, atomically: the UPDATE only matches
 * when the invoice is open, of the company, and has at least that much open, so two concurrent
 * allocations can never drive it below zero. Marks it paid at zero.
 */
async function reduceOpenAmount(tx: Executor, companyId: string, invoiceId: string, amountCents: number, kind: 'invoice' | 'credit_note', field: string): Promise<void> {
  const i = tx.tables.invoices;
  const rows = await tx.db
    .update(i)
    .set({
      openAmountCents: sql`${i.openAmountCents} - ${amountCents}`,
      status: kind === 'invoice' ? sql`case when ${i.openAmountCents} = ${amountCents} then 'paid' else ${i.status} end` : i.status,
      updatedAt: new Date(),
    })
    .where(and(eq(i.companyId, companyId), eq(i.id, invoiceId), eq(i.kind, kind), eq(i.status, 'open'), gte(i.openAmountCents, amountCents)))
    .returning({ id: i.id });
  if (rows.length) return;
  const [inv] = await tx.db.select({ id: i.id, status: i.status, kind: i.kind }).from(i).where(and(eq(i.companyId, companyId), eq(i.id, invoiceId)));
  if (!inv) throw new DbError('NOT_FOUND', `${field}: invoice not found`, field);
  if (inv.kind !== kind) throw new DbError('INVALID_STATE', `${field}: is a ${inv.kind.replace('_', ' ')}`, field);
  if (inv.status !== 'open') throw new DbError('INVALID_STATE', `${field}: invoice is ${inv.status}`, field);
  throw new DbError('INVALID_STATE', `${field}: more than the open amount`, field);
}

async function allocate(tx: Executor, companyId: string, source: { paymentId: string } | { creditNoteId: string }, on: CalendarDate, items: readonly AllocationInput[]): Promise<number> {
  let total = 0;
  for (const [n, a] of items.entries()) {
    const amountCents = cents(a.amount, `allocations[${n}].amount`);
    if (amountCents <= 0) throw new DbError('CONSTRAINT_VIOLATION', `allocations[${n}].amount: must be positive`, `allocations[${n}].amount`);
    await reduceOpenAmount(tx, companyId, a.invoiceId, amountCents, 'invoice', `allocations[${n}].invoiceId`);
    await guarded(() =>
      tx.db.insert(tx.tables.allocations).values({
        id: newId(),
        companyId,
        invoiceId: a.invoiceId,
        paymentId: 'paymentId' in source ? source.paymentId : null,
        creditNoteId: 'creditNoteId' in source ? source.creditNoteId : null,
        amountCents,
        allocatedOn: on,
      }),
    );
    total += amountCents;
  }
  return total;
}

/**
 * Records a payment and, in the same transaction, allocates it to invoices (lowering their
 * `open_amount_cents`, marking them paid at zero). The rest stays `unallocated`. A `reference`
 * the company already used is a `DUPLICATE`; allocating more than an invoice's open amount or
 * than the payment is `INVALID_STATE`, and nothing is written.
 *
 * @example
 * ```ts
 * await recordPayment(db, { companyId }, { amount: money('121'), receivedOn: '2025-04-02', method: 'bank_transfer',
 *   reference: 'BANK-2025-000123', allocations: [{ invoiceId, amount: money('121') }] });
 * ```
 */
export async function recordPayment(
  ex: Executor,
  scope: CompanyScope,
  input: {
    id?: string;
    debtorId?: string | null;
    amount: Money;
    receivedOn: CalendarDate;
    method: PaymentMethod;
    reference?: string | null;
    communication?: string | null;
    bankTransactionId?: string | null;
    createdBy?: string | null;
    allocations?: readonly AllocationInput[];
  },
): Promise<Payment> {
  parseDate(input.receivedOn, 'receivedOn');
  const amountCents = cents(input.amount, 'amount');
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const id = input.id ?? newId();
    await guarded(() =>
      tx.db.insert(t.payments).values({
        id,
        companyId: scope.companyId,
        debtorId: input.debtorId ?? null,
        amountCents,
        unallocatedCents: amountCents,
        receivedOn: input.receivedOn,
        method: input.method,
        reference: input.reference ?? null,
        communication: input.communication ?? null,
        bankTransactionId: input.bankTransactionId ?? null,
        createdBy: input.createdBy ?? null,
      }),
    );
    if (input.allocations?.length) await allocatePayment(tx, scope, id, input.allocations, input.receivedOn);
    return found('payment', await getPayment(tx, scope, id));
  });
}

/**
 * Allocates (more of) a payment's unallocated amount to invoices, in one transaction.
 *
 * @example
 * ```ts
 * await allocatePayment(db, { companyId }, paymentId, [{ invoiceId, amount: money('50') }], '2025-04-03');
 * ```
 */
export async function allocatePayment(ex: Executor, scope: CompanyScope, paymentId: string, items: readonly AllocationInput[], on: CalendarDate): Promise<Payment> {
  parseDate(on, 'on');
  const p = ex.tables.payments;
  return ex.transaction(async (tx) => {
    const payment = found('payment', await getPayment(tx, scope, paymentId));
    if (payment.reversedAt) throw new DbError('INVALID_STATE', 'payment: reversed', 'paymentId');
    const total = await allocate(tx, scope.companyId, { paymentId }, on, items);
    const rows = await tx.db
      .update(p)
      .set({ unallocatedCents: sql`${p.unallocatedCents} - ${total}` })
      .where(and(eq(p.companyId, scope.companyId), eq(p.id, paymentId), gte(p.unallocatedCents, total)))
      .returning({ id: p.id });
    if (!rows.length) throw new DbError('INVALID_STATE', 'allocations: more than the payment', 'allocations');
    return found('payment', await getPayment(tx, scope, paymentId));
  });
}

/**
 * Sets (part of) a credit note against an open invoice of the same company: both open
 * amounts drop by `amount` in one transaction.
 *
 * @example
 * ```ts
 * await applyCreditNote(db, { companyId }, creditNoteId, invoiceId, money('60.50'), '2025-04-10');
 * ```
 */
export async function applyCreditNote(ex: Executor, scope: CompanyScope, creditNoteId: string, invoiceId: string, amount: Money, on: CalendarDate): Promise<void> {
  parseDate(on, 'on');
  const amountCents = cents(amount, 'amount');
  await ex.transaction(async (tx) => {
    await reduceOpenAmount(tx, scope.companyId, creditNoteId, amountCents, 'credit_note', 'creditNoteId');
    await allocate(tx, scope.companyId, { creditNoteId }, on, [{ invoiceId, amount }]);
  });
}

/**
 * Reverses a payment (a bounced direct debit, a mistaken entry): marks it and its allocations
 * reversed and gives the invoices their open amounts back, in one transaction. Nothing is
 * deleted. Reversing twice is `INVALID_STATE`.
 *
 * @example
 * ```ts
 * await reversePayment(db, { companyId }, paymentId, 'direct debit returned (MD06)');
 * ```
 */
export async function reversePayment(ex: Executor, scope: CompanyScope, paymentId: string, reason: string, at: Date = new Date()): Promise<Payment> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const rows = await tx.db
      .update(t.payments)
      .set({ reversedAt: at, reversalReason: reason })
      .where(and(eq(t.payments.companyId, scope.companyId), eq(t.payments.id, paymentId), isNull(t.payments.reversedAt)))
      .returning({ id: t.payments.id });
    if (!rows.length) {
      found('payment', await getPayment(tx, scope, paymentId));
      throw new DbError('INVALID_STATE', 'payment: already reversed', 'paymentId');
    }
    const live = await tx.db
      .update(t.allocations)
      .set({ reversedAt: at })
      .where(and(eq(t.allocations.companyId, scope.companyId), eq(t.allocations.paymentId, paymentId), isNull(t.allocations.reversedAt)))
      .returning({ invoiceId: t.allocations.invoiceId, amountCents: t.allocations.amountCents });
    const i = t.invoices;
    for (const a of live) {
      await tx.db
        .update(i)
        .set({
          openAmountCents: sql`${i.openAmountCents} + ${a.amountCents}`,
          status: sql`case when ${i.status} = 'paid' then 'open' else ${i.status} end`,
          updatedAt: at,
        })
        .where(and(eq(i.companyId, scope.companyId), eq(i.id, a.invoiceId)));
    }
    await tx.db
      .update(t.payments)
      .set({ unallocatedCents: t.payments.amountCents })
      .where(and(eq(t.payments.companyId, scope.companyId), eq(t.payments.id, paymentId)));
    return found('payment', await getPayment(tx, scope, paymentId));
  });
}

/**
 * A payment of the scope, or undefined.
 *
 * @example
 * ```ts
 * await getPayment(db, { companyId }, id);
 * ```
 */
export async function getPayment(ex: Executor, scope: Scope, paymentId: string): Promise<Payment | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.payments).where(and(inScope(t.payments.companyId, scope), eq(t.payments.id, paymentId))).limit(1);
  return row ? toPayment(row) : undefined;
}

/**
 * Payments of a scope, newest first, optionally of one debtor and within dates.
 *
 * @example
 * ```ts
 * await listPayments(db, { companyId }, { from: '2025-01-01', limit: 100 });
 * ```
 */
export async function listPayments(
  ex: Executor,
  scope: Scope,
  options: { debtorId?: string; from?: CalendarDate; to?: CalendarDate; limit?: number; offset?: number } = {},
): Promise<Payment[]> {
  const p = ex.tables.payments;
  const rows = await ex.db
    .select()
    .from(p)
    .where(
      and(
        inScope(p.companyId, scope),
        options.debtorId ? eq(p.debtorId, options.debtorId) : undefined,
        options.from ? gte(p.receivedOn, options.from) : undefined,
        options.to ? lte(p.receivedOn, options.to) : undefined,
      ),
    )
    .orderBy(desc(p.receivedOn), desc(p.id))
    .limit(Math.min(options.limit ?? 100, 1000))
    .offset(options.offset ?? 0);
  return rows.map(toPayment);
}

/**
 * The allocations made to an invoice (reversed ones included, marked), oldest first.
 *
 * @example
 * ```ts
 * await listAllocations(db, { companyId }, { invoiceId });
 * ```
 */
export async function listAllocations(ex: Executor, scope: Scope, of: { invoiceId: string } | { paymentId: string } | { creditNoteId: string }): Promise<Allocation[]> {
  const a = ex.tables.allocations;
  const match = 'invoiceId' in of ? eq(a.invoiceId, of.invoiceId) : 'paymentId' in of ? eq(a.paymentId, of.paymentId) : eq(a.creditNoteId, of.creditNoteId);
  const rows = await ex.db.select().from(a).where(and(inScope(a.companyId, scope), match)).orderBy(asc(a.createdAt), asc(a.id));
  return rows.map(toAllocation);
}

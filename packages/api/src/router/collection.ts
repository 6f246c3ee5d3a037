import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Database } from '../db.js';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { centsToAmount, positiveAmountInput } from '../schemas/money.js';
import { appendAudit } from '../services/audit.js';
import { whyNotUpdated } from '../services/versioned.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { promiseRouter } from './promise.js';

async function invoiceOf(db: Database, invoiceId: string) {
  const i = db.tables.invoices;
  const row = (await db.db.select().from(i).where(eq(i.id, invoiceId)).limit(1))[0];
  if (!row) throw apiError.notFound('invoice', invoiceId);
  return row;
}

const disputeRouter = router({
  /** The debtor contests an invoice (betwisting / contestation): dunning pauses while it is open. */
  open: companyProcedure(...MANAGERS)
    .input(z.object({ invoiceId: recordId, reason: z.string().trim().min(3).max(200), description: z.string().trim().max(2000).optional(), openedOn: calendarDateInput }))
    .mutation(async ({ ctx, input }) => {
      const id = uuidv7();
      const now = ctx.clock();
      await ctx.db.transaction(async (tx) => {
        const invoice = await invoiceOf(tx, input.invoiceId);
        if (input.openedOn < invoice.issueDate) throw apiError.badInput('openedOn', `is before the invoice date ${invoice.issueDate}`, { code: 'BEFORE_INVOICE_DATE', params: { date: invoice.issueDate } });
        const d = tx.tables.disputes;
        const already = await tx.db.select({ id: d.id }).from(d).where(and(eq(d.invoiceId, invoice.id), eq(d.status, 'open'))).limit(1);
        if (already.length > 0) throw apiError.conflict(`Invoice ${invoice.number} already has an open dispute; resolve it first.`, { code: 'DISPUTE_ALREADY_OPEN', params: { number: invoice.number } });
        const values = { id, companyId: invoice.companyId, invoiceId: invoice.id, status: 'open' as const, reason: input.reason, description: input.description ?? null, openedOn: input.openedOn, createdBy: ctx.user.id, createdAt: now };
        await tx.db.insert(d).values(values);
        await appendAudit(tx, { companyId: invoice.companyId, actorUserId: ctx.user.id, action: 'dispute.open', entityType: 'dispute', entityId: id, at: now, after: values });
      });
      return { id, version: 1 };
    }),

  resolve: companyProcedure(...MANAGERS)
    .input(
      z.object({
        disputeId: recordId,
        version: recordVersion,
        outcome: z.enum(['resolved', 'rejected']),
        resolution: z.string().trim().min(3).max(2000),
        resolvedOn: calendarDateInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      return ctx.db.transaction(async (tx) => {
        const d = tx.tables.disputes;
        const before = (await tx.db.select().from(d).where(eq(d.id, input.disputeId)).limit(1))[0];
        if (!before) throw apiError.notFound('dispute', input.disputeId);
        if (before.status !== 'open') throw apiError.precondition(`This dispute is already ${before.status}.`);
        if (input.resolvedOn < before.openedOn) throw apiError.badInput('resolvedOn', `is before the dispute was opened (${before.openedOn})`);
        const updated = await tx.db
          .update(d)
          .set({ status: input.outcome, resolution: input.resolution, resolvedOn: input.resolvedOn, version: sql`${d.version} + 1` })
          .where(and(eq(d.id, input.disputeId), eq(d.version, input.version)))
          .returning({ id: d.id, version: d.version });
        if (updated.length === 0) throw await whyNotUpdated('dispute', input.disputeId, input.version, async () => before.version);
        await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'dispute.resolve', entityType: 'dispute', entityId: before.id, at: now, before, after: input });
        return updated[0]!;
      });
    }),
});

const holdRouter = router({
  /** Pauses dunning for one invoice or a whole debtor, from a date, until a date or until released. */
  place: companyProcedure(...MANAGERS)
    .input(
      z
        .object({
          invoiceId: recordId.optional(),
          debtorId: recordId.optional(),
          reason: z.string().trim().min(3).max(500),
          fromDate: calendarDateInput,
          untilDate: calendarDateInput.optional(),
        })
        .refine((v) => (v.invoiceId === undefined) !== (v.debtorId === undefined), { message: 'give exactly one of invoiceId or debtorId', path: ['invoiceId'] }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.untilDate && input.untilDate < input.fromDate) throw apiError.badInput('untilDate', `is before fromDate ${input.fromDate}`, { code: 'BEFORE_START', params: { date: input.fromDate } });
      const key = input.invoiceId ? 'invoiceId' : 'debtorId';
      const companyId = (await ctx.access.companyOf(key, (input.invoiceId ?? input.debtorId)!))!;
      const id = uuidv7();
      const now = ctx.clock();
      const values = { id, companyId, invoiceId: input.invoiceId ?? null, debtorId: input.debtorId ?? null, reason: input.reason, fromDate: input.fromDate, untilDate: input.untilDate ?? null, createdBy: ctx.user.id, createdAt: now };
      await ctx.db.transaction(async (tx) => {
        await tx.db.insert(tx.tables.holds).values(values);
        await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'hold.place', entityType: 'hold', entityId: id, at: now, after: values });
      });
      return { id, version: 1 };
    }),

  release: companyProcedure(...MANAGERS)
    .input(z.object({ holdId: recordId, version: recordVersion }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      return ctx.db.transaction(async (tx) => {
        const h = tx.tables.holds;
        const before = (await tx.db.select().from(h).where(eq(h.id, input.holdId)).limit(1))[0];
        if (!before) throw apiError.notFound('hold', input.holdId);
        if (before.releasedAt) throw apiError.precondition('This hold was already released.');
        const updated = await tx.db
          .update(h)
          .set({ releasedAt: now, version: sql`${h.version} + 1` })
          .where(and(eq(h.id, input.holdId), eq(h.version, input.version), isNull(h.releasedAt)))
          .returning({ id: h.id, version: h.version });
        if (updated.length === 0) throw await whyNotUpdated('hold', input.holdId, input.version, async () => before.version);
        await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'hold.release', entityType: 'hold', entityId: before.id, at: now, before });
        return updated[0]!;
      });
    }),
});

const paymentPlanRouter = router({
  /** An agreed schedule of instalments (afbetalingsplan / plan d'apurement) for invoices of one debtor. */
  create: companyProcedure(...MANAGERS)
    .input(
      z.object({
        debtorId: recordId,
        invoiceIds: z.array(recordId).min(1).max(100),
        agreedOn: calendarDateInput,
        installments: z.array(z.object({ dueOn: calendarDateInput, amount: positiveAmountInput })).min(1).max(120),
        note: z.string().trim().max(2000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const id = uuidv7();
      const now = ctx.clock();
      await ctx.db.transaction(async (tx) => {
        const i = tx.tables.invoices;
        const invoices = await tx.db.select().from(i).where(inArray(i.id, input.invoiceIds));
        const companyId = (await ctx.access.companyOf('debtorId', input.debtorId))!;
        for (const [k, invoiceId] of input.invoiceIds.entries()) {
          const inv = invoices.find((x) => x.id === invoiceId);
          if (!inv) throw apiError.notFound('invoice', invoiceId);
          if (inv.debtorId !== input.debtorId) throw apiError.badInput(`invoiceIds[${k}]`, `invoice ${inv.number} belongs to another debtor`);
          if (inv.status !== 'open' || inv.openAmountCents === 0) throw apiError.badInput(`invoiceIds[${k}]`, `invoice ${inv.number} has nothing open`);
        }
        const open = invoices.reduce((s, x) => s + x.openAmountCents, 0);
        const total = input.installments.reduce((s, x) => s + x.amount, 0);
        if (total !== open) {
          throw apiError.badInput('installments', `add up to ${centsToAmount(total)} but the invoices have ${centsToAmount(open)} open; the plan must cover exactly the open amount`);
        }
        const dates = input.installments.map((x) => x.dueOn);
        for (let k = 1; k < dates.length; k++) {
          if (dates[k]! <= dates[k - 1]!) throw apiError.badInput(`installments[${k}].dueOn`, 'must come after the previous instalment');
        }
        if (dates[0]! < input.agreedOn) throw apiError.badInput('installments[0].dueOn', `is before the agreement date ${input.agreedOn}`);
        const plan = { id, companyId, debtorId: input.debtorId, status: 'active' as const, agreedOn: input.agreedOn, totalCents: total, note: input.note ?? null, createdBy: ctx.user.id, createdAt: now };
        await tx.db.insert(tx.tables.paymentPlans).values(plan);
        await tx.db
          .insert(tx.tables.paymentPlanInstallments)
          .values(input.installments.map((x, k) => ({ id: uuidv7(), companyId, planId: id, sequence: k + 1, dueOn: x.dueOn, amountCents: x.amount })));
        await tx.db.insert(tx.tables.paymentPlanInvoices).values(input.invoiceIds.map((invoiceId) => ({ companyId, planId: id, invoiceId })));
        await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'payment_plan.create', entityType: 'payment_plan', entityId: id, at: now, after: { ...plan, installments: input.installments, invoiceIds: input.invoiceIds } });
      });
      return { id, version: 1 };
    }),

  cancel: companyProcedure(...MANAGERS)
    .input(z.object({ paymentPlanId: recordId, version: recordVersion }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      return ctx.db.transaction(async (tx) => {
        const p = tx.tables.paymentPlans;
        const before = (await tx.db.select().from(p).where(eq(p.id, input.paymentPlanId)).limit(1))[0];
        if (!before) throw apiError.notFound('payment plan', input.paymentPlanId);
        if (before.status !== 'active') throw apiError.precondition(`This payment plan is ${before.status}, not active.`);
        const updated = await tx.db
          .update(p)
          .set({ status: 'cancelled', version: sql`${p.version} + 1` })
          .where(and(eq(p.id, input.paymentPlanId), eq(p.version, input.version)))
          .returning({ id: p.id, version: p.version });
        if (updated.length === 0) throw await whyNotUpdated('payment plan', input.paymentPlanId, input.version, async () => before.version);
        await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'payment_plan.cancel', entityType: 'payment_plan', entityId: before.id, at: now, before });
        return updated[0]!;
      });
    }),
});

/** Everything that pauses or reshapes collection of an invoice: disputes, holds, payment plans. */
export const collectionRouter = router({
  dispute: disputeRouter,
  hold: holdRouter,
  paymentPlan: paymentPlanRouter,
  promise: promiseRouter,
  /** What currently affects collection of one invoice. */
  forInvoice: companyProcedure(...MANAGERS)
    .input(z.object({ invoiceId: recordId }))
    .query(async ({ ctx, input }) => {
      const invoice = await invoiceOf(ctx.db, input.invoiceId);
      const t = ctx.db.tables;
      const disputes = await ctx.db.db.select().from(t.disputes).where(eq(t.disputes.invoiceId, invoice.id)).orderBy(asc(t.disputes.openedOn));
      const holds = await ctx.db.db
        .select()
        .from(t.holds)
        .where(and(eq(t.holds.companyId, invoice.companyId), sql`(${t.holds.invoiceId} = ${invoice.id} or ${t.holds.debtorId} = ${invoice.debtorId})`))
        .orderBy(asc(t.holds.fromDate));
      const plans = await ctx.db.db
        .select({ plan: t.paymentPlans })
        .from(t.paymentPlanInvoices)
        .innerJoin(t.paymentPlans, eq(t.paymentPlans.id, t.paymentPlanInvoices.planId))
        .where(eq(t.paymentPlanInvoices.invoiceId, invoice.id));
      return {
        disputes: disputes.map((d) => ({ id: d.id, status: d.status, reason: d.reason, openedOn: d.openedOn, resolvedOn: d.resolvedOn ?? null, version: d.version })),
        holds: holds.map((h) => ({ id: h.id, reason: h.reason, fromDate: h.fromDate, untilDate: h.untilDate ?? null, released: h.releasedAt != null, scope: h.invoiceId ? 'invoice' : 'debtor', version: h.version })),
        paymentPlans: plans.map(({ plan }) => ({ id: plan.id, status: plan.status, agreedOn: plan.agreedOn, total: centsToAmount(plan.totalCents), version: plan.version })),
      };
    }),
});

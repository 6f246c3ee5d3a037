import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { amountOutput, centsToAmount, positiveAmountInput } from '../schemas/money.js';
import { isUniqueViolation } from '../services/db-errors.js';
import { decodeCursor, encodeCursor, pageInput } from '../services/pagination.js';
import { allocateExisting, loadPayment, paymentView, recordPayment, reversePaymentRecord } from '../services/payments.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { paymentForInvoice } from './invoice-payments.js';

const allocationInput = z.object({ invoiceId: recordId, amount: positiveAmountInput });

const paymentOutput = z.object({
  id: z.string(),
  companyId: z.string(),
  debtorId: z.string().nullable(),
  amount: amountOutput,
  unallocated: amountOutput,
  receivedOn: z.string(),
  method: z.string(),
  reference: z.string().nullable(),
  communication: z.string().nullable(),
  reversed: z.boolean(),
  reversalReason: z.string().nullable(),
});

/** Money received: record (and allocate), allocate later, reverse. */
export const paymentRouter = router({
  forInvoice: paymentForInvoice,
  list: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, debtorId: recordId.optional(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      const p = ctx.db.tables.payments;
      const where = [eq(p.companyId, input.companyId)];
      if (input.debtorId) where.push(eq(p.debtorId, input.debtorId));
      if (input.cursor) {
        const at = decodeCursor(input.cursor, 'string');
        where.push(or(lt(p.receivedOn, String(at.value)), and(eq(p.receivedOn, String(at.value)), lt(p.id, at.id)))!);
      }
      const rows = await ctx.db.db.select().from(p).where(and(...where)).orderBy(desc(p.receivedOn), desc(p.id)).limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return { items: page.map(paymentView), nextCursor: rows.length > input.limit && last ? encodeCursor({ value: last.receivedOn, id: last.id }) : null };
    }),

  get: companyProcedure(...MANAGERS)
    .input(z.object({ paymentId: recordId }))
    .query(async ({ ctx, input }) => {
      const payment = await loadPayment(ctx.db, input.paymentId);
      const a = ctx.db.tables.allocations;
      const allocations = await ctx.db.db.select().from(a).where(eq(a.paymentId, payment.id));
      return {
        ...paymentView(payment),
        allocations: allocations.map((x) => ({ invoiceId: x.invoiceId, amount: centsToAmount(x.amountCents), allocatedOn: x.allocatedOn, reversed: x.reversedAt != null })),
      };
    }),

  record: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'POST', path: '/companies/{companyId}/payments', tags: ['payment'], summary: 'Record a payment and allocate it to invoices' } })
    .input(
      z.object({
        companyId: recordId,
        debtorId: recordId.optional(),
        amount: positiveAmountInput,
        receivedOn: calendarDateInput,
        method: z.enum(['bank_transfer', 'direct_debit', 'card', 'cash', 'other']).default('bank_transfer'),
        reference: z.string().trim().min(1).max(100).optional().meta({ description: 'The bank entry reference; unique per company' }),
        communication: z.string().trim().max(200).optional(),
        allocations: z.array(allocationInput).max(500).optional(),
        autoAllocate: z.boolean().default(false).meta({ description: "Spread the amount over the debtor's open invoices, oldest due first" }),
      }),
    )
    .output(paymentOutput)
    .mutation(async ({ ctx, input }) => {
      if (input.autoAllocate && input.allocations?.length) throw apiError.badInput('autoAllocate', 'give either allocations or autoAllocate, not both');
      if (input.debtorId && (await ctx.access.companyOf('debtorId', input.debtorId)) !== input.companyId) throw apiError.notFound('debtor', input.debtorId);
      try {
        const id = await recordPayment(
          ctx.db,
          {
            companyId: input.companyId,
            debtorId: input.debtorId ?? null,
            cents: input.amount,
            receivedOn: input.receivedOn,
            method: input.method,
            reference: input.reference ?? null,
            communication: input.communication ?? null,
            allocations: input.autoAllocate ? 'auto' : input.allocations ? input.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: a.amount })) : 'none',
          },
          { userId: ctx.user.id, now: ctx.clock() },
        );
        return paymentView(await loadPayment(ctx.db, id));
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError.conflict(`A payment with reference "${input.reference}" is already recorded for this company.`);
        throw error;
      }
    }),

  allocate: companyProcedure(...MANAGERS)
    .input(z.object({ paymentId: recordId, allocations: z.array(allocationInput).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      await allocateExisting(ctx.db, input.paymentId, input.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: a.amount })), { userId: ctx.user.id, now: ctx.clock() });
      return paymentView(await loadPayment(ctx.db, input.paymentId));
    }),

  reverse: companyProcedure(...MANAGERS)
    .input(z.object({ paymentId: recordId, reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) }))
    .mutation(async ({ ctx, input }) => {
      await reversePaymentRecord(ctx.db, input.paymentId, input.reason, { userId: ctx.user.id, now: ctx.clock() });
      return paymentView(await loadPayment(ctx.db, input.paymentId));
    }),
});

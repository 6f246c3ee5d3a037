import { fromCents } from '@fact/core';
import { isDbError, listPromises, recordPromise, settlePromise, type PromiseToPay } from '@fact/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { amountOutput, positiveAmountInput } from '../schemas/money.js';
import { appendAudit } from '../services/audit.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

const promiseOutput = z.object({
  id: z.string(),
  debtorId: z.string(),
  invoiceId: z.string().nullable(),
  amount: amountOutput,
  promisedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['pending', 'kept', 'broken', 'cancelled']),
  note: z.string().nullable(),
  version: z.number(),
});

function promiseView(p: PromiseToPay): z.infer<typeof promiseOutput> {
  return { id: p.id, debtorId: p.debtorId, invoiceId: p.invoiceId, amount: p.amount.toFixed(2), promisedOn: p.promisedOn, dueOn: p.dueOn, status: p.status, note: p.note, version: p.version };
}

/**
 * Promises to pay (betalingsbelofte / promesse de paiement): the debtor says it will pay an
 * amount by a date. While a promise on an invoice runs (pending, due date not passed), the
 * dashboard does not count that invoice among the reminders due.
 */
export const promiseRouter = router({
  /** Records a promise of a debtor, optionally for one of its invoices. */
  record: companyProcedure(...MANAGERS)
    .input(
      z.object({
        debtorId: recordId,
        invoiceId: recordId.optional(),
        amount: positiveAmountInput,
        promisedOn: calendarDateInput.meta({ description: 'The day the debtor made the promise' }),
        dueOn: calendarDateInput.meta({ description: 'The day by which the debtor promised to pay' }),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .output(promiseOutput)
    .mutation(async ({ ctx, input }) => {
      if (input.dueOn < input.promisedOn) throw apiError.badInput('dueOn', `is before the day of the promise (${input.promisedOn})`, { code: 'BEFORE_START', params: { date: input.promisedOn } });
      const companyId = (await ctx.access.companyOf('debtorId', input.debtorId))!;
      if (input.invoiceId) {
        const i = ctx.db.tables.invoices;
        const invoice = (await ctx.db.db.select({ debtorId: i.debtorId, number: i.number, status: i.status, open: i.openAmountCents }).from(i).where(eq(i.id, input.invoiceId)).limit(1))[0];
        if (!invoice) throw apiError.notFound('invoice', input.invoiceId);
        if (invoice.debtorId !== input.debtorId) throw apiError.badInput('invoiceId', `invoice ${invoice.number} belongs to another debtor`);
        if (invoice.status !== 'open' || invoice.open === 0) throw apiError.badInput('invoiceId', `invoice ${invoice.number} has nothing open`, { code: 'NOTHING_OPEN', params: { number: invoice.number } });
      }
      const now = ctx.clock();
      const promise = await ctx.db.transaction(async (tx) => {
        const created = await recordPromise(tx, { companyId }, {
          debtorId: input.debtorId,
          invoiceId: input.invoiceId ?? null,
          amount: fromCents(input.amount),
          promisedOn: input.promisedOn,
          dueOn: input.dueOn,
          note: input.note ?? null,
          createdBy: ctx.user.id,
        });
        await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'promise.record', entityType: 'promise_to_pay', entityId: created.id, at: now, after: promiseView(created) });
        return created;
      });
      return promiseView(promise);
    }),

  /** Marks a pending promise kept, broken or cancelled (version-checked). */
  settle: companyProcedure(...MANAGERS)
    .input(z.object({ debtorId: recordId, promiseId: recordId, version: recordVersion, status: z.enum(['kept', 'broken', 'cancelled']) }))
    .output(promiseOutput)
    .mutation(async ({ ctx, input }) => {
      const companyId = (await ctx.access.companyOf('debtorId', input.debtorId))!;
      const p = ctx.db.tables.promisesToPay;
      // The guard checked the debtor; the promise must be one of that debtor's, else it "does not exist".
      const before = (await ctx.db.db.select().from(p).where(and(eq(p.id, input.promiseId), eq(p.companyId, companyId), eq(p.debtorId, input.debtorId))).limit(1))[0];
      if (!before) throw apiError.notFound('promise to pay', input.promiseId);
      if (before.status !== 'pending') throw apiError.precondition(`This promise is already ${before.status}.`);
      const now = ctx.clock();
      try {
        const settled = await ctx.db.transaction(async (tx) => {
          const after = await settlePromise(tx, { companyId }, input.promiseId, { version: input.version, status: input.status });
          await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'promise.settle', entityType: 'promise_to_pay', entityId: after.id, at: now, before, after: promiseView(after) });
          return after;
        });
        return promiseView(settled);
      } catch (error) {
        if (isDbError(error) && error.code === 'STALE_VERSION') throw apiError.staleVersion('promise to pay', input.version, before.version);
        throw error;
      }
    }),

  /** Promises of a debtor, newest first. */
  list: companyProcedure(...MANAGERS)
    .input(z.object({ debtorId: recordId }))
    .output(z.array(promiseOutput))
    .query(async ({ ctx, input }) => {
      const companyId = (await ctx.access.companyOf('debtorId', input.debtorId))!;
      return (await listPromises(ctx.db, { companyId }, input.debtorId)).map(promiseView);
    }),
});


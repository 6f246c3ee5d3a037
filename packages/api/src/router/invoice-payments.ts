import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId } from '../schemas/ids.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { companyProcedure, MANAGERS } from '../trpc.js';

const settlement = z.object({
  allocationId: z.string(),
  source: z.enum(['payment', 'credit_note']),
  /** The payment, or the credit note, that settled part of the invoice. */
  paymentId: z.string().nullable(),
  creditNoteId: z.string().nullable(),
  creditNoteNumber: z.string().nullable(),
  receivedOn: z.string().nullable(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  allocatedOn: z.string(),
  amount: amountOutput,
  /** The allocation was undone (or its payment reversed): it no longer counts. */
  reversed: z.boolean(),
});

/**
 * What settled one invoice: every allocation of a payment or a credit note to it, oldest first,
 * with the payment's date, method and bank reference. One query; reversed allocations are kept
 * (marked) because accounting history is never rewritten.
 *
 * @example
 * ```ts
 * const { settlements, paid } = await caller.payment.forInvoice({ invoiceId });
 * ```
 */
export const paymentForInvoice = companyProcedure(...MANAGERS)
  .input(z.object({ invoiceId: recordId }))
  .output(z.object({ invoiceId: z.string(), total: amountOutput, open: amountOutput, paid: amountOutput, settlements: z.array(settlement) }))
  .query(async ({ ctx, input }) => {
    const t = ctx.db.tables;
    const invoice = (await ctx.db.db.select({ id: t.invoices.id, total: t.invoices.totalCents, open: t.invoices.openAmountCents }).from(t.invoices).where(eq(t.invoices.id, input.invoiceId)).limit(1))[0];
    if (!invoice) throw apiError.notFound('invoice', input.invoiceId);
    const rows = await ctx.db.db
      .select({ allocation: t.allocations, payment: t.payments, creditNoteNumber: t.invoices.number })
      .from(t.allocations)
      .leftJoin(t.payments, eq(t.payments.id, t.allocations.paymentId))
      .leftJoin(t.invoices, eq(t.invoices.id, t.allocations.creditNoteId))
      .where(eq(t.allocations.invoiceId, invoice.id))
      .orderBy(asc(t.allocations.allocatedOn), asc(t.allocations.id));
    let paid = 0;
    const settlements = rows.map(({ allocation: a, payment: p, creditNoteNumber }) => {
      const reversed = a.reversedAt != null || p?.reversedAt != null;
      if (!reversed) paid += a.amountCents;
      return {
        allocationId: a.id,
        source: a.paymentId ? ('payment' as const) : ('credit_note' as const),
        paymentId: a.paymentId ?? null,
        creditNoteId: a.creditNoteId ?? null,
        creditNoteNumber: a.creditNoteId ? (creditNoteNumber ?? null) : null,
        receivedOn: p?.receivedOn ?? null,
        method: p?.method ?? null,
        reference: p?.reference ?? null,
        allocatedOn: a.allocatedOn,
        amount: centsToAmount(a.amountCents),
        reversed,
      };
    });
    return { invoiceId: invoice.id, total: centsToAmount(invoice.total), open: centsToAmount(invoice.open), paid: centsToAmount(paid), settlements };
  });

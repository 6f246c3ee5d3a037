import { z } from 'zod';
import { recordId } from '../schemas/ids.js';
import { positiveAmountInput } from '../schemas/money.js';
import { importStatementFile } from '../services/imports/bank-import.js';
import { confirmQueued, ignoreQueued, unmatchedQueue } from '../services/imports/bank-queue.js';
import { confirmReturn } from '../services/imports/bank-queue-returns.js';
import { fileSource } from '../services/imports/file-input.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { statementImportOutput } from './file-outputs.js';

// Bank transaction ids are not tenant keys of the guard: every procedure also names the
// company (which the guard checks) and the services look the transaction up within it.
const transactionId = z.uuid({ message: 'must be a bank transaction id (a UUID)' });

/** Bank statements in (CODA, camt.053), reconciled with open invoices; the unmatched queue. */
export const bankRouter = router({
  importStatement: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'POST', path: '/companies/{companyId}/bank/statements', tags: ['bank'], summary: 'Import a CODA or camt.053 statement and reconcile it' } })
    .input(
      z.object({
        companyId: recordId,
        ...fileSource,
        acceptUnbalanced: z.boolean().default(false).meta({ description: 'Keep a statement whose balances do not add up (reported as a warning)' }),
      }),
    )
    .output(statementImportOutput)
    .mutation(({ ctx, input }) => importStatementFile(ctx, input.companyId, input)),

  unmatched: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => unmatchedQueue(ctx.db, input.companyId, input.limit)),

  confirm: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        transactionId,
        allocations: z.array(z.object({ invoiceId: recordId, amount: positiveAmountInput })).max(200),
      }),
    )
    .mutation(({ ctx, input }) =>
      confirmQueued(ctx.db, input.companyId, input.transactionId, input.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: a.amount })), { userId: ctx.user.id, now: ctx.clock() }),
    ),

  confirmReturn: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, transactionId, paymentId: recordId.meta({ description: 'The payment the bank took back' }) }))
    .mutation(({ ctx, input }) => confirmReturn(ctx.db, input.companyId, input.transactionId, input.paymentId, { userId: ctx.user.id, now: ctx.clock() })),

  ignore: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, transactionId, reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) }))
    .mutation(async ({ ctx, input }) => {
      await ignoreQueued(ctx.db, input.companyId, input.transactionId, input.reason, { userId: ctx.user.id, now: ctx.clock() });
      return { transactionId: input.transactionId, matchStatus: 'ignored' as const };
    }),
});

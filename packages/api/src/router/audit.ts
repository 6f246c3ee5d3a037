import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordId } from '../schemas/ids.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

const TARGETS = ['companyId', 'debtorId', 'invoiceId', 'paymentId', 'documentId', 'disputeId', 'holdId', 'paymentPlanId'] as const;
const ENTITY: Record<(typeof TARGETS)[number], string> = {
  companyId: 'company',
  debtorId: 'debtor',
  invoiceId: 'invoice',
  paymentId: 'payment',
  documentId: 'document',
  disputeId: 'dispute',
  holdId: 'hold',
  paymentPlanId: 'payment_plan',
};

/** Who changed what, when: the history of one record, oldest first. */
export const auditRouter = router({
  history: companyProcedure(...MANAGERS)
    .input(
      z
        .object(Object.fromEntries(TARGETS.map((k) => [k, recordId.optional()])) as Record<(typeof TARGETS)[number], z.ZodOptional<typeof recordId>>)
        .refine((v) => TARGETS.filter((k) => v[k] !== undefined).length === 1, { message: `give exactly one of ${TARGETS.join(', ')}`, path: ['invoiceId'] }),
    )
    .query(async ({ ctx, input }) => {
      const key = TARGETS.find((k) => input[k] !== undefined)!;
      const id = input[key]!;
      const companyId = await ctx.access.companyOf(key, id);
      const a = ctx.db.tables.auditLog;
      const u = ctx.db.tables.users;
      const rows = await ctx.db.db
        .select({ id: a.id, action: a.action, at: a.at, before: a.before, after: a.after, actorName: u.name, actorId: a.actorUserId, companyId: a.companyId })
        .from(a)
        .leftJoin(u, eq(u.id, a.actorUserId))
        .where(and(eq(a.entityType, ENTITY[key]), eq(a.entityId, id)))
        .orderBy(asc(a.at), asc(a.id));
      // Defence in depth: only entries of the record's own company.
      return rows
        .filter((r) => r.companyId === companyId)
        .map((r) => ({ id: r.id, action: r.action, at: r.at.toISOString(), actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null, before: r.before ?? null, after: r.after ?? null }));
    }),
});

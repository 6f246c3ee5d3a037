import { parseBic, parseIban, parseVatNumber } from '@fact/core';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { appendAudit } from '../services/audit.js';
import { companyKpis } from '../services/kpis.js';
import { whyNotUpdated } from '../services/versioned.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

const companyOutput = z.object({
  id: z.string(),
  firmId: z.string(),
  legalName: z.string(),
  country: z.string(),
  enterpriseNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  language: z.string(),
  timeZone: z.string(),
  version: z.number(),
  asOf: z.string(),
  kpis: z.object({ openInvoices: z.number(), openAmount: amountOutput, overdueInvoices: z.number(), overdueAmount: amountOutput, openDisputes: z.number() }),
});

/** One company: its details and figures, and editing them. */
export const companyRouter = router({
  get: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'GET', path: '/companies/{companyId}', tags: ['company'], summary: 'A company with its receivable figures' } })
    .input(z.object({ companyId: recordId }))
    .output(companyOutput)
    .query(async ({ ctx, input }) => {
      const c = ctx.db.tables.companies;
      const row = (await ctx.db.db.select().from(c).where(eq(c.id, input.companyId)).limit(1))[0];
      if (!row) throw apiError.notFound('company', input.companyId);
      const asOf = await companyToday(ctx, row.id);
      const k = (await companyKpis(ctx.db, [row.id], new Map([[row.id, asOf]]))).get(row.id)!;
      return {
        id: row.id,
        firmId: row.firmId,
        legalName: row.legalName,
        country: row.country,
        enterpriseNumber: row.enterpriseNumber ?? null,
        vatNumber: row.vatNumber ?? null,
        iban: row.iban ?? null,
        bic: row.bic ?? null,
        language: row.language,
        timeZone: row.timeZone,
        version: row.version,
        asOf,
        kpis: {
          openInvoices: k.openInvoices,
          openAmount: centsToAmount(k.openCents),
          overdueInvoices: k.overdueInvoices,
          overdueAmount: centsToAmount(k.overdueCents),
          openDisputes: k.openDisputes,
        },
      };
    }),

  update: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        version: recordVersion,
        legalName: z.string().trim().min(1).max(200).optional(),
        vatNumber: z.string().trim().max(30).nullable().optional(),
        iban: z.string().trim().max(50).nullable().optional(),
        bic: z.string().trim().max(20).nullable().optional(),
        language: z.enum(['nl', 'fr', 'en', 'de']).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // Identifiers are checked by @fact/core; a bad one is a FactError → BAD_REQUEST naming the field.
      const changes = {
        ...(input.legalName !== undefined && { legalName: input.legalName }),
        ...(input.vatNumber !== undefined && { vatNumber: input.vatNumber === null ? null : parseVatNumber(input.vatNumber, 'vatNumber').vatNumber }),
        ...(input.iban !== undefined && { iban: input.iban === null ? null : parseIban(input.iban, 'iban').electronic }),
        ...(input.bic !== undefined && { bic: input.bic === null ? null : parseBic(input.bic, 'bic') }),
        ...(input.language !== undefined && { language: input.language }),
      };
      const now = ctx.clock();
      return ctx.db.transaction(async (tx) => {
        const c = tx.tables.companies;
        const before = (await tx.db.select().from(c).where(eq(c.id, input.companyId)).limit(1))[0];
        const updated = await tx.db
          .update(c)
          .set({ ...changes, version: sql`${c.version} + 1`, updatedAt: now })
          .where(and(eq(c.id, input.companyId), eq(c.version, input.version)))
          .returning({ id: c.id, version: c.version });
        if (updated.length === 0) throw await whyNotUpdated('company', input.companyId, input.version, async () => before?.version);
        await appendAudit(tx, {
          companyId: input.companyId,
          actorUserId: ctx.user.id,
          action: 'company.update',
          entityType: 'company',
          entityId: input.companyId,
          at: now,
          before,
          after: changes,
        });
        return updated[0]!;
      });
    }),
});

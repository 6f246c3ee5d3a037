import { parseVatNumber } from '@fact/core';
import { and, asc, eq, gt, like, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { centsToAmount, nonNegativeAmountInput } from '../schemas/money.js';
import { appendAudit } from '../services/audit.js';
import { decodeCursor, encodeCursor, pageInput } from '../services/pagination.js';
import { isUniqueViolation } from '../services/db-errors.js';
import { whyNotUpdated } from '../services/versioned.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import type { Database } from '../db.js';
import type { sqliteTables } from '@fact/db';
import { debtorBehaviour } from './debtor-behaviour.js';
import { debtorNotesRouter } from './debtor-notes.js';

const debtorFields = {
  kind: z.enum(['business', 'consumer']),
  name: z.string().trim().min(1, 'is required').max(200),
  language: z.enum(['nl', 'fr', 'en', 'de']),
  street: z.string().trim().max(200).nullable().optional(),
  postalCode: z.string().trim().max(20).nullable().optional(),
  city: z.string().trim().max(100).nullable().optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as BE or NL')
    .transform((c) => c.toUpperCase()),
  vatNumber: z.string().trim().max(30).nullable().optional(),
  externalRef: z.string().trim().max(100).nullable().optional(),
  creditLimit: nonNegativeAmountInput.nullable().optional(),
};

function publicDebtor(row: typeof sqliteTables.debtors.$inferSelect) {
  return {
    id: row.id,
    companyId: row.companyId,
    kind: row.kind,
    name: row.name,
    language: row.language,
    street: row.street ?? null,
    postalCode: row.postalCode ?? null,
    city: row.city ?? null,
    country: row.country,
    vatNumber: row.vatNumber ?? null,
    externalRef: row.externalRef ?? null,
    creditLimit: row.creditLimitCents == null ? null : centsToAmount(row.creditLimitCents),
    version: row.version,
  };
}

async function loadDebtor(db: Database, id: string) {
  const d = db.tables.debtors;
  const row = (await db.db.select().from(d).where(eq(d.id, id)).limit(1))[0];
  if (!row) throw apiError.notFound('debtor', id);
  return row;
}

/** Debtors of a company: list, read, create, edit. */
export const debtorRouter = router({
  behaviour: debtorBehaviour,
  notes: debtorNotesRouter,
  list: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, search: z.string().trim().max(100).optional(), ...pageInput }))
    .query(async ({ ctx, input }) => {
      const d = ctx.db.tables.debtors;
      const conditions = [eq(d.companyId, input.companyId)];
      if (input.search) {
        const pattern = `%${input.search.toLowerCase().replace(/[%_\\]/g, '')}%`;
        conditions.push(or(like(sql`lower(${d.name})`, pattern), like(sql`lower(coalesce(${d.externalRef}, ''))`, pattern))!);
      }
      if (input.cursor) {
        const at = decodeCursor(input.cursor, 'string');
        conditions.push(or(gt(d.name, String(at.value)), and(eq(d.name, String(at.value)), gt(d.id, at.id)))!);
      }
      const rows = await ctx.db.db
        .select()
        .from(d)
        .where(and(...conditions))
        .orderBy(asc(d.name), asc(d.id))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return { items: page.map(publicDebtor), nextCursor: rows.length > input.limit && last ? encodeCursor({ value: last.name, id: last.id }) : null };
    }),

  get: companyProcedure()
    .input(z.object({ debtorId: recordId }))
    .query(async ({ ctx, input }) => publicDebtor(await loadDebtor(ctx.db, input.debtorId))),

  create: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, ...debtorFields }))
    .mutation(async ({ ctx, input }) => {
      const id = uuidv7();
      const now = ctx.clock();
      const { creditLimit, vatNumber, companyId, ...rest } = input;
      const values = {
        id,
        companyId,
        ...rest,
        vatNumber: vatNumber ? parseVatNumber(vatNumber, 'vatNumber').vatNumber : null,
        creditLimitCents: creditLimit ?? null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.db.insert(tx.tables.debtors).values(values);
          await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.create', entityType: 'debtor', entityId: id, at: now, after: values });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError.conflict(`A debtor with customer number "${input.externalRef}" already exists in this company.`);
        throw error;
      }
      return publicDebtor(await loadDebtor(ctx.db, id));
    }),

  update: companyProcedure(...MANAGERS)
    .input(z.object({ debtorId: recordId, version: recordVersion, ...z.object(debtorFields).partial().shape }))
    .mutation(async ({ ctx, input }) => {
      const { debtorId, version, creditLimit, vatNumber, ...rest } = input;
      const changes = {
        ...rest,
        ...(vatNumber !== undefined && { vatNumber: vatNumber ? parseVatNumber(vatNumber, 'vatNumber').vatNumber : null }),
        ...(creditLimit !== undefined && { creditLimitCents: creditLimit }),
      };
      const now = ctx.clock();
      try {
        await ctx.db.transaction(async (tx) => {
          const d = tx.tables.debtors;
          const before = await loadDebtor(tx, debtorId);
          const updated = await tx.db
            .update(d)
            .set({ ...changes, version: sql`${d.version} + 1`, updatedAt: now })
            .where(and(eq(d.id, debtorId), eq(d.version, version)))
            .returning({ id: d.id });
          if (updated.length === 0) throw await whyNotUpdated('debtor', debtorId, version, async () => before.version);
          await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'debtor.update', entityType: 'debtor', entityId: debtorId, at: now, before, after: changes });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError.conflict(`Another debtor of this company already has customer number "${input.externalRef}".`);
        throw error;
      }
      return publicDebtor(await loadDebtor(ctx.db, debtorId));
    }),
});

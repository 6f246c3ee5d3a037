import { parsePaymentReference, VAT_CATEGORIES, type Country, type VatCategory } from '@fact/core';
import { and, asc, desc, eq, gt, gte, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Database } from '../db.js';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { appendAudit } from '../services/audit.js';
import { isUniqueViolation } from '../services/db-errors.js';
import { storedTotals, type LineInput } from '../services/invoice-totals.js';
import { invoiceView } from '../services/invoice-view.js';
import { decodeCursor, encodeCursor, pageInput } from '../services/pagination.js';
import { whyNotUpdated } from '../services/versioned.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
const lineInput = z.object({
  description: z.string().trim().min(1, 'is required').max(500),
  quantity: z.string().regex(DECIMAL, 'must be a decimal number with a dot, e.g. "2" or "1.5"'),
  unitPrice: z.string().regex(DECIMAL, 'must be a decimal amount with a dot and up to 6 decimals, e.g. "12.50"'),
  vatRate: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage such as "21", "6" or "0"'),
  vatCategory: z.enum(VAT_CATEGORIES as [VatCategory, ...VatCategory[]]),
});
const invoiceNumber = z.string().trim().min(1, 'is required').max(50);

const invoiceOutput = z.object({
  id: z.string(),
  companyId: z.string(),
  debtorId: z.string(),
  debtorName: z.string().optional(),
  kind: z.string(),
  number: z.string(),
  status: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  net: amountOutput,
  vat: amountOutput,
  total: amountOutput,
  open: amountOutput,
  paymentReference: z.string().nullable(),
  creditsInvoiceId: z.string().nullable(),
  partlyPaid: z.boolean(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  asOf: z.string(),
  version: z.number(),
});

const SORTS = {
  dueDate: { type: 'string' },
  issueDate: { type: 'string' },
  number: { type: 'string' },
  total: { type: 'number' },
  open: { type: 'number' },
} as const;
type SortField = keyof typeof SORTS;

function sortColumn(db: Database, field: SortField) {
  const i = db.tables.invoices;
  return { dueDate: i.dueDate, issueDate: i.issueDate, number: i.number, total: i.totalCents, open: i.openAmountCents }[field];
}

async function loadInvoice(db: Database, id: string) {
  const i = db.tables.invoices;
  const row = (await db.db.select().from(i).where(eq(i.id, id)).limit(1))[0];
  if (!row) throw apiError.notFound('invoice', id);
  return row;
}

async function companyCountry(db: Database, companyId: string): Promise<Country> {
  const c = db.tables.companies;
  const row = (await db.db.select({ country: c.country }).from(c).where(eq(c.id, companyId)).limit(1))[0];
  if (!row) throw apiError.notFound('company', companyId);
  return row.country;
}

function checkDates(issueDate: string, dueDate: string) {
  if (dueDate < issueDate) throw apiError.badInput('dueDate', `${dueDate} is before the issue date ${issueDate}`);
}

function normaliseReference(reference: string | null | undefined): string | null {
  return reference ? parsePaymentReference(reference, 'paymentReference').electronic : null;
}

function duplicateMessage(number: string) {
  return `An invoice or credit note with number "${number}" (or the same payment reference) already exists in this company. Use the next number.`;
}

/** Invoices and credit notes: create, edit (with version), cancel, find. */
export const invoiceRouter = router({
  list: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'GET', path: '/companies/{companyId}/invoices', tags: ['invoice'], summary: 'Search, filter and sort invoices, a page at a time' } })
    .input(
      z.object({
        companyId: recordId,
        search: z.string().trim().max(100).optional().meta({ description: 'Part of the invoice number or the debtor name' }),
        status: z.enum(['draft', 'open', 'paid', 'cancelled', 'written_off']).optional(),
        kind: z.enum(['invoice', 'credit_note']).optional(),
        debtorId: recordId.optional(),
        overdueOnly: z.coerce.boolean().optional(),
        dueFrom: calendarDateInput.optional(),
        dueTo: calendarDateInput.optional(),
        sort: z.enum(['dueDate', 'issueDate', 'number', 'total', 'open']).default('dueDate'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: pageInput.cursor,
      }),
    )
    .output(z.object({ items: z.array(invoiceOutput), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const i = ctx.db.tables.invoices;
      const d = ctx.db.tables.debtors;
      const asOf = await companyToday(ctx, input.companyId);
      const where: SQL[] = [eq(i.companyId, input.companyId)];
      if (input.status) where.push(eq(i.status, input.status));
      if (input.kind) where.push(eq(i.kind, input.kind));
      if (input.debtorId) where.push(eq(i.debtorId, input.debtorId));
      if (input.dueFrom) where.push(gte(i.dueDate, input.dueFrom));
      if (input.dueTo) where.push(lte(i.dueDate, input.dueTo));
      if (input.overdueOnly) where.push(eq(i.status, 'open'), lt(i.dueDate, asOf), gt(i.openAmountCents, 0));
      if (input.search) {
        const pattern = `%${input.search.toLowerCase().replace(/[%_\\]/g, '')}%`;
        where.push(or(like(sql`lower(${i.number})`, pattern), like(sql`lower(${d.name})`, pattern))!);
      }
      const column = sortColumn(ctx.db, input.sort);
      const after = input.direction === 'asc' ? gt : lt;
      if (input.cursor) {
        const at = decodeCursor(input.cursor, SORTS[input.sort].type);
        where.push(or(after(column, at.value as never), and(eq(column, at.value as never), after(i.id, at.id)))!);
      }
      const order = input.direction === 'asc' ? [asc(column), asc(i.id)] : [desc(column), desc(i.id)];
      const rows = await ctx.db.db
        .select({ invoice: i, debtorName: d.name })
        .from(i)
        .innerJoin(d, eq(d.id, i.debtorId))
        .where(and(...where))
        .orderBy(...order)
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1)?.invoice;
      const cursorValue = last && { dueDate: last.dueDate, issueDate: last.issueDate, number: last.number, total: last.totalCents, open: last.openAmountCents }[input.sort];
      return {
        items: page.map((r) => invoiceView(r.invoice, asOf, r.debtorName)),
        nextCursor: rows.length > input.limit && last && cursorValue !== undefined ? encodeCursor({ value: cursorValue, id: last.id }) : null,
      };
    }),

  get: companyProcedure()
    .meta({ openapi: { method: 'GET', path: '/invoices/{invoiceId}', tags: ['invoice'], summary: 'One invoice with its lines' } })
    .input(z.object({ invoiceId: recordId }))
    .output(invoiceOutput.extend({ lines: z.array(z.object({ position: z.number(), description: z.string(), quantity: z.string(), unitPrice: z.string(), vatRate: z.string(), vatCategory: z.string(), net: amountOutput, vat: amountOutput })) }))
    .query(async ({ ctx, input }) => {
      const row = await loadInvoice(ctx.db, input.invoiceId);
      const l = ctx.db.tables.invoiceLines;
      const lines = await ctx.db.db.select().from(l).where(eq(l.invoiceId, row.id)).orderBy(asc(l.position));
      const asOf = await companyToday(ctx, row.companyId);
      return {
        ...invoiceView(row, asOf),
        lines: lines.map((x) => ({
          position: x.position,
          description: x.description,
          quantity: String(x.quantity),
          unitPrice: String(x.unitPrice),
          vatRate: String(x.vatRate),
          vatCategory: x.vatCategory,
          net: centsToAmount(x.netCents),
          vat: centsToAmount(x.vatCents),
        })),
      };
    }),

  create: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'POST', path: '/companies/{companyId}/invoices', tags: ['invoice'], summary: 'Create an invoice or credit note' } })
    .input(
      z.object({
        companyId: recordId,
        debtorId: recordId,
        kind: z.enum(['invoice', 'credit_note']).default('invoice'),
        number: invoiceNumber,
        issueDate: calendarDateInput,
        dueDate: calendarDateInput,
        status: z.enum(['draft', 'open']).default('open'),
        paymentReference: z.string().trim().max(40).nullable().optional(),
        creditsInvoiceId: recordId.optional(),
        lines: z.array(lineInput).min(1, 'an invoice needs at least one line').max(500),
      }),
    )
    .output(invoiceOutput)
    .mutation(async ({ ctx, input }) => {
      checkDates(input.issueDate, input.dueDate);
      const debtorCompany = await ctx.access.companyOf('debtorId', input.debtorId);
      // The guard has shown both are visible; they must also belong together.
      if (debtorCompany !== input.companyId) throw apiError.notFound('debtor', input.debtorId);
      let corrects: string | undefined;
      if (input.creditsInvoiceId) {
        if (input.kind !== 'credit_note') throw apiError.badInput('creditsInvoiceId', 'only a credit note corrects another invoice');
        const credited = await loadInvoice(ctx.db, input.creditsInvoiceId);
        if (credited.companyId !== input.companyId || credited.debtorId !== input.debtorId) throw apiError.badInput('creditsInvoiceId', 'must be an invoice of the same debtor');
        corrects = credited.number;
      }
      const country = await companyCountry(ctx.db, input.companyId);
      const totals = storedTotals({ kind: input.kind, number: input.number, issueDate: input.issueDate, country, lines: input.lines as LineInput[], ...(corrects ? { correctsInvoice: corrects } : {}) });
      const id = uuidv7();
      const now = ctx.clock();
      const values = {
        id,
        companyId: input.companyId,
        debtorId: input.debtorId,
        kind: input.kind,
        number: input.number,
        status: input.status,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        currency: 'EUR',
        netCents: totals.netCents,
        vatCents: totals.vatCents,
        totalCents: totals.totalCents,
        openAmountCents: totals.totalCents,
        paymentReference: normaliseReference(input.paymentReference),
        creditsInvoiceId: input.creditsInvoiceId ?? null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.db.insert(tx.tables.invoices).values(values);
          await tx.db.insert(tx.tables.invoiceLines).values(totals.lines.map((l) => ({ id: uuidv7(), companyId: input.companyId, invoiceId: id, ...l })));
          await appendAudit(tx, { companyId: input.companyId, actorUserId: ctx.user.id, action: 'invoice.create', entityType: 'invoice', entityId: id, at: now, after: { ...values, lines: totals.lines } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError.conflict(duplicateMessage(input.number));
        throw error;
      }
      return invoiceView(await loadInvoice(ctx.db, id), await companyToday(ctx, input.companyId));
    }),

  update: companyProcedure(...MANAGERS)
    .input(
      z.object({
        invoiceId: recordId,
        version: recordVersion,
        number: invoiceNumber.optional(),
        issueDate: calendarDateInput.optional(),
        dueDate: calendarDateInput.optional(),
        paymentReference: z.string().trim().max(40).nullable().optional(),
        lines: z.array(lineInput).min(1).max(500).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      try {
        const id = await ctx.db.transaction(async (tx) => {
          const before = await loadInvoice(tx, input.invoiceId);
          if (before.version !== input.version) throw apiError.staleVersion('invoice', input.version, before.version);
          if (before.status === 'cancelled' || before.status === 'paid' || before.status === 'written_off') {
            throw apiError.precondition(`Invoice ${before.number} is ${before.status.replace('_', ' ')} and can no longer be changed; issue a credit note instead.`);
          }
          const paid = before.totalCents - before.openAmountCents;
          const issueDate = input.issueDate ?? before.issueDate;
          const dueDate = input.dueDate ?? before.dueDate;
          checkDates(issueDate, dueDate);
          const changes: Record<string, unknown> = {
            ...(input.number !== undefined && { number: input.number }),
            ...(input.issueDate !== undefined && { issueDate }),
            ...(input.dueDate !== undefined && { dueDate }),
            ...(input.paymentReference !== undefined && { paymentReference: normaliseReference(input.paymentReference) }),
          };
          let totals: ReturnType<typeof storedTotals> | undefined;
          if (input.lines) {
            if (paid > 0) throw apiError.precondition(`Invoice ${before.number} already has payments set against it; its lines cannot change. Issue a credit note instead.`);
            totals = storedTotals({ kind: before.kind, number: input.number ?? before.number, issueDate, country: await companyCountry(tx, before.companyId), lines: input.lines as LineInput[] });
            Object.assign(changes, { netCents: totals.netCents, vatCents: totals.vatCents, totalCents: totals.totalCents, openAmountCents: totals.totalCents });
          }
          const i = tx.tables.invoices;
          const updated = await tx.db
            .update(i)
            .set({ ...changes, version: sql`${i.version} + 1`, updatedAt: now })
            .where(and(eq(i.id, input.invoiceId), eq(i.version, input.version)))
            .returning({ id: i.id });
          if (updated.length === 0) throw await whyNotUpdated('invoice', input.invoiceId, input.version, async () => (await loadInvoice(tx, input.invoiceId)).version);
          if (totals) {
            const l = tx.tables.invoiceLines;
            await tx.db.delete(l).where(eq(l.invoiceId, input.invoiceId));
            await tx.db.insert(l).values(totals.lines.map((x) => ({ id: uuidv7(), companyId: before.companyId, invoiceId: input.invoiceId, ...x })));
          }
          await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'invoice.update', entityType: 'invoice', entityId: input.invoiceId, at: now, before, after: { ...changes, ...(totals && { lines: totals.lines }) } });
          return before.companyId;
        });
        return invoiceView(await loadInvoice(ctx.db, input.invoiceId), await companyToday(ctx, id));
      } catch (error) {
        if (isUniqueViolation(error)) throw apiError.conflict(duplicateMessage(input.number ?? ''));
        throw error;
      }
    }),

  cancel: companyProcedure(...MANAGERS)
    .input(z.object({ invoiceId: recordId, version: recordVersion, reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500) }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      const companyId = await ctx.db.transaction(async (tx) => {
        const before = await loadInvoice(tx, input.invoiceId);
        if (before.version !== input.version) throw apiError.staleVersion('invoice', input.version, before.version);
        if (before.status === 'cancelled') throw apiError.precondition(`Invoice ${before.number} is already cancelled.`);
        if (before.status !== 'open' && before.status !== 'draft') throw apiError.precondition(`Invoice ${before.number} is ${before.status.replace('_', ' ')}; only open or draft invoices can be cancelled.`);
        if (before.openAmountCents < before.totalCents) {
          throw apiError.precondition(`Invoice ${before.number} has payments set against it; reverse or re-allocate them before cancelling, or issue a credit note.`);
        }
        const i = tx.tables.invoices;
        const updated = await tx.db
          .update(i)
          .set({ status: 'cancelled', openAmountCents: 0, version: sql`${i.version} + 1`, updatedAt: now })
          .where(and(eq(i.id, input.invoiceId), eq(i.version, input.version)))
          .returning({ id: i.id });
        if (updated.length === 0) throw await whyNotUpdated('invoice', input.invoiceId, input.version, async () => (await loadInvoice(tx, input.invoiceId)).version);
        await appendAudit(tx, { companyId: before.companyId, actorUserId: ctx.user.id, action: 'invoice.cancel', entityType: 'invoice', entityId: input.invoiceId, at: now, before, after: { status: 'cancelled', reason: input.reason } });
        return before.companyId;
      });
      return invoiceView(await loadInvoice(ctx.db, input.invoiceId), await companyToday(ctx, companyId));
    }),
});

import { parseDate, sumMoney, type CalendarDate, type Money } from '@fact/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { InvoiceKind, InvoiceStatus } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { found, versioned } from './locking.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** One invoice line. Quantity, unit price and rate are exact decimal strings; net and VAT are rounded amounts. */
export interface InvoiceLine {
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percentage, e.g. `"21"`. */
  vatRate: string;
  /** EN 16931 category: S, Z, E, AE, K, G, O. */
  vatCategory: string;
  net: Money;
  vat: Money;
}

/** An invoice or credit note. Amounts are positive for both kinds. */
export interface Invoice {
  id: string;
  companyId: string;
  debtorId: string;
  kind: InvoiceKind;
  number: string;
  status: InvoiceStatus;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  net: Money;
  vat: Money;
  total: Money;
  /** Still to be paid (invoice) or still to be used (credit note). */
  openAmount: Money;
  paymentReference: string | null;
  creditsInvoiceId: string | null;
  documentId: string | null;
  meta: Record<string, unknown> | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** An invoice with its lines. */
export interface InvoiceWithLines extends Invoice {
  lines: InvoiceLine[];
}

/** What creating an invoice or credit note takes. Totals are the sums of the lines. */
export interface InvoiceInput {
  id?: string;
  debtorId: string;
  kind?: InvoiceKind;
  number: string;
  /** `open` (default) or `draft`. */
  status?: 'open' | 'draft';
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  paymentReference?: string | null;
  creditsInvoiceId?: string | null;
  documentId?: string | null;
  meta?: Record<string, unknown> | null;
  lines: InvoiceLine[];
}

type InvoiceRow = {
  netCents: number;
  vatCents: number;
  totalCents: number;
  openAmountCents: number;
} & Omit<Invoice, 'net' | 'vat' | 'total' | 'openAmount'>;

/** @internal */
export function toInvoice(row: InvoiceRow): Invoice {
  const { netCents, vatCents, totalCents, openAmountCents, ...rest } = row;
  return { ...rest, net: money(netCents), vat: money(vatCents), total: money(totalCents), openAmount: money(openAmountCents) };
}

function totals(lines: readonly InvoiceLine[]) {
  if (lines.length === 0) throw new DbError('CONSTRAINT_VIOLATION', 'lines: an invoice needs at least one line', 'lines');
  const net = sumMoney(lines.map((l) => l.net));
  const vat = sumMoney(lines.map((l) => l.vat));
  return { netCents: cents(net, 'lines.net'), vatCents: cents(vat, 'lines.vat'), totalCents: cents(net.plus(vat), 'total') };
}

async function insertLines(tx: Executor, companyId: string, invoiceId: string, lines: readonly InvoiceLine[]): Promise<void> {
  const t = tx.tables;
  await guarded(() =>
    tx.db.insert(t.invoiceLines).values(
      lines.map((l, position) => ({
        id: newId(),
        companyId,
        invoiceId,
        position,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        vatRate: l.vatRate,
        vatCategory: l.vatCategory,
        netCents: cents(l.net, `lines[${position}].net`),
        vatCents: cents(l.vat, `lines[${position}].vat`),
      })),
    ),
  );
}

/**
 * Creates an invoice (or, with `kind: 'credit_note'`, a credit note) with its lines in one
 * transaction. Totals are the sums of the line amounts; the open amount starts at the total.
 * A number already used by the company for that kind is a `DUPLICATE`.
 *
 * @example
 * ```ts
 * const inv = await createInvoice(db, { companyId }, { debtorId, number: '2025-0001', issueDate: '2025-03-01',
 *   dueDate: '2025-03-31', lines: [{ description: 'Advies', quantity: '1', unitPrice: '100', vatRate: '21',
 *   vatCategory: 'S', net: money('100'), vat: money('21') }] });
 * ```
 */
export async function createInvoice(ex: Executor, scope: CompanyScope, input: InvoiceInput): Promise<InvoiceWithLines> {
  const t = ex.tables;
  parseDate(input.issueDate, 'issueDate');
  parseDate(input.dueDate, 'dueDate');
  const sums = totals(input.lines);
  return ex.transaction(async (tx) => {
    const id = input.id ?? newId();
    await guarded(() =>
      tx.db.insert(t.invoices).values({
        id,
        companyId: scope.companyId,
        debtorId: input.debtorId,
        kind: input.kind ?? 'invoice',
        number: input.number,
        status: input.status ?? 'open',
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        ...sums,
        openAmountCents: sums.totalCents,
        paymentReference: input.paymentReference ?? null,
        creditsInvoiceId: input.creditsInvoiceId ?? null,
        documentId: input.documentId ?? null,
        meta: input.meta ?? null,
      }),
    );
    await insertLines(tx, scope.companyId, id, input.lines);
    return found('invoice', await getInvoice(tx, scope, id));
  });
}

/**
 * Creates a credit note (creditnota / note de crédit), optionally for one invoice of the same
 * company. Applying it to invoices is {@link applyCreditNote} in payments.ts.
 *
 * @example
 * ```ts
 * await createCreditNote(db, { companyId }, { debtorId, number: 'CN-2025-01', creditsInvoiceId: inv.id, … });
 * ```
 */
export function createCreditNote(ex: Executor, scope: CompanyScope, input: Omit<InvoiceInput, 'kind'>): Promise<InvoiceWithLines> {
  return createInvoice(ex, scope, { ...input, kind: 'credit_note' });
}

/**
 * An invoice of the scope with its lines, or undefined (also for another company's invoice).
 *
 * @example
 * ```ts
 * const inv = await getInvoice(db, { companyId }, id);
 * ```
 */
export async function getInvoice(ex: Executor, scope: Scope, invoiceId: string): Promise<InvoiceWithLines | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.invoices).where(and(inScope(t.invoices.companyId, scope), eq(t.invoices.id, invoiceId))).limit(1);
  if (!row) return undefined;
  const lines = await ex.db
    .select()
    .from(t.invoiceLines)
    .where(and(eq(t.invoiceLines.companyId, row.companyId), eq(t.invoiceLines.invoiceId, row.id)))
    .orderBy(asc(t.invoiceLines.position));
  return {
    ...toInvoice(row),
    lines: lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      vatRate: l.vatRate,
      vatCategory: l.vatCategory,
      net: money(l.netCents),
      vat: money(l.vatCents),
    })),
  };
}

/**
 * Several invoices of the scope by id (without lines); ids outside the scope are left out.
 *
 * @example
 * ```ts
 * await getInvoices(db, { companyId }, [a, b]);
 * ```
 */
export async function getInvoices(ex: Executor, scope: Scope, ids: readonly string[]): Promise<Invoice[]> {
  if (ids.length === 0) return [];
  const t = ex.tables;
  const rows = await ex.db.select().from(t.invoices).where(and(inScope(t.invoices.companyId, scope), inArray(t.invoices.id, [...ids])));
  return rows.map(toInvoice);
}

/** What may change on an invoice. Lines may only be replaced while nothing is allocated to it. */
export interface InvoicePatch {
  version: number;
  debtorId?: string;
  number?: string;
  issueDate?: CalendarDate;
  dueDate?: CalendarDate;
  paymentReference?: string | null;
  documentId?: string | null;
  meta?: Record<string, unknown> | null;
  /** `draft` → `open` only. */
  status?: 'open';
  lines?: InvoiceLine[];
}

/**
 * Updates an invoice with an optimistic version check, in one transaction. Throws
 * `STALE_VERSION` if it changed since read, `NOT_FOUND` outside the scope, `INVALID_STATE` when
 * replacing lines of an invoice that already has payments or credit allocated, or editing a
 * cancelled one.
 *
 * @example
 * ```ts
 * await updateInvoice(db, { companyId }, id, { version: inv.version, dueDate: '2025-04-30' });
 * ```
 */
export async function updateInvoice(ex: Executor, scope: CompanyScope, invoiceId: string, patch: InvoicePatch): Promise<InvoiceWithLines> {
  const t = ex.tables;
  const { version, lines, ...fields } = patch;
  if (fields.issueDate !== undefined) parseDate(fields.issueDate, 'issueDate');
  if (fields.dueDate !== undefined) parseDate(fields.dueDate, 'dueDate');
  return ex.transaction(async (tx) => {
    const current = found('invoice', await getInvoice(tx, scope, invoiceId));
    if (current.status === 'cancelled' || current.status === 'written_off')
      throw new DbError('INVALID_STATE', `invoice: a ${current.status.replace('_', ' ')} invoice cannot be edited`, 'status');
    if (fields.status === 'open' && current.status !== 'draft') throw new DbError('INVALID_STATE', 'status: only a draft can be opened', 'status');
    let sums = {};
    if (lines) {
      if (!current.openAmount.equals(current.total)) throw new DbError('INVALID_STATE', 'lines: payments or credit are allocated to this invoice', 'lines');
      const s = totals(lines);
      sums = { ...s, openAmountCents: s.totalCents };
    }
    const where = and(eq(t.invoices.companyId, scope.companyId), eq(t.invoices.id, invoiceId));
    await versioned(
      'invoice',
      await guarded(() =>
        tx.db
          .update(t.invoices)
          .set({ ...fields, ...sums, version: sql`${t.invoices.version} + 1`, updatedAt: new Date() })
          .where(and(where, eq(t.invoices.version, version)))
          .returning({ id: t.invoices.id }),
      ),
      () => tx.db.select({ id: t.invoices.id }).from(t.invoices).where(where),
    );
    if (lines) {
      await tx.db.delete(t.invoiceLines).where(and(eq(t.invoiceLines.companyId, scope.companyId), eq(t.invoiceLines.invoiceId, invoiceId)));
      await insertLines(tx, scope.companyId, invoiceId, lines);
    }
    return found('invoice', await getInvoice(tx, scope, invoiceId));
  });
}

/**
 * Cancels (or writes off) an invoice with a version check. Cancelling needs nothing allocated
 * to it (reverse the payments first); writing off keeps its history and zeroes nothing.
 *
 * @example
 * ```ts
 * await cancelInvoice(db, { companyId }, id, inv.version);
 * await cancelInvoice(db, { companyId }, id, inv.version, 'written_off');
 * ```
 */
export async function cancelInvoice(
  ex: Executor,
  scope: CompanyScope,
  invoiceId: string,
  version: number,
  to: 'cancelled' | 'written_off' = 'cancelled',
): Promise<Invoice> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const current = found('invoice', await getInvoice(tx, scope, invoiceId));
    if (current.version !== version) throw new DbError('STALE_VERSION', 'invoice: changed since it was read; reload and try again', 'version');
    if (current.status === 'cancelled' || current.status === 'written_off' || current.status === 'paid')
      throw new DbError('INVALID_STATE', `status: a ${current.status.replace('_', ' ')} invoice cannot be ${to.replace('_', ' ')}`, 'status');
    if (to === 'cancelled' && !current.openAmount.equals(current.total))
      throw new DbError('INVALID_STATE', 'status: reverse the allocations before cancelling', 'status');
    const where = and(eq(t.invoices.companyId, scope.companyId), eq(t.invoices.id, invoiceId));
    const row = await versioned(
      'invoice',
      await tx.db
        .update(t.invoices)
        .set({ status: to, version: sql`${t.invoices.version} + 1`, updatedAt: new Date() })
        .where(and(where, eq(t.invoices.version, version)))
        .returning(),
      () => tx.db.select({ id: t.invoices.id }).from(t.invoices).where(where),
    );
    return toInvoice(row);
  });
}

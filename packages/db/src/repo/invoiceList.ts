import { toCents, type CalendarDate, type Money } from '@fact/core';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Executor } from '../client/types.js';
import type { InvoiceKind, InvoiceStatus } from '../schema/enums.js';
import { DbError } from './errors.js';
import { toInvoice, type Invoice } from './invoices.js';
import { inScope, type Scope } from './scope.js';

/** Columns an invoice list can be sorted by. */
export const INVOICE_SORT_KEYS = ['issueDate', 'dueDate', 'number', 'total', 'openAmount', 'debtorName'] as const;
export type InvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];

/** Filters, sort and page of an invoice list. All filters combine with AND. */
export interface InvoiceListQuery {
  status?: readonly InvoiceStatus[];
  kind?: InvoiceKind;
  debtorId?: string;
  /** Open invoices whose due date is before this day. */
  overdueOn?: CalendarDate;
  issuedFrom?: CalendarDate;
  issuedTo?: CalendarDate;
  dueFrom?: CalendarDate;
  dueTo?: CalendarDate;
  minTotal?: Money;
  maxTotal?: Money;
  /** Case-insensitive part of the number, the payment reference or the debtor's name. */
  search?: string;
  sort?: InvoiceSortKey;
  direction?: 'asc' | 'desc';
  /** 1‥200, default 50. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** An invoice in a list, with its debtor's name. */
export interface InvoiceListItem extends Invoice {
  debtorName: string;
}

/** One page; `nextCursor` is null on the last page. */
export interface InvoicePage {
  items: InvoiceListItem[];
  nextCursor: string | null;
}

function sortColumn(ex: Executor, key: InvoiceSortKey): SQLiteColumn {
  const t = ex.tables;
  switch (key) {
    case 'issueDate':
      return t.invoices.issueDate;
    case 'dueDate':
      return t.invoices.dueDate;
    case 'number':
      return t.invoices.number;
    case 'total':
      return t.invoices.totalCents;
    case 'openAmount':
      return t.invoices.openAmountCents;
    case 'debtorName':
      return t.debtors.name;
  }
}

function sortValue(item: InvoiceListItem, key: InvoiceSortKey): string | number {
  switch (key) {
    case 'issueDate':
      return item.issueDate;
    case 'dueDate':
      return item.dueDate;
    case 'number':
      return item.number;
    case 'total':
      return toCents(item.total);
    case 'openAmount':
      return toCents(item.openAmount);
    case 'debtorName':
      return item.debtorName;
  }
}

function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new DbError('CONSTRAINT_VIOLATION', 'cursor: not a cursor of this list', 'cursor');
}

/**
 * Lists invoices of a scope: filtered, sorted (ties broken by id) and paged with a keyset
 * cursor, so page N costs the same as page 1 and rows inserted meanwhile do not shift pages.
 *
 * @example
 * ```ts
 * const page = await listInvoices(db, { companyId }, { status: ['open'], sort: 'dueDate', limit: 50 });
 * const next = await listInvoices(db, { companyId }, { status: ['open'], sort: 'dueDate', cursor: page.nextCursor! });
 * ```
 */
export async function listInvoices(ex: Executor, scope: Scope, query: InvoiceListQuery = {}): Promise<InvoicePage> {
  const t = ex.tables;
  const i = t.invoices;
  const key = query.sort ?? 'issueDate';
  const dir = query.direction ?? 'desc';
  const limit = Math.max(1, Math.min(query.limit ?? 50, 200));
  const col = sortColumn(ex, key);
  const search = query.search?.trim().toLowerCase();
  const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;

  const filters: (SQL | undefined)[] = [
    inScope(i.companyId, scope),
    query.status?.length ? inArray(i.status, [...query.status]) : undefined,
    query.kind ? eq(i.kind, query.kind) : undefined,
    query.debtorId ? eq(i.debtorId, query.debtorId) : undefined,
    query.overdueOn ? and(eq(i.status, 'open'), lt(i.dueDate, query.overdueOn)) : undefined,
    query.issuedFrom ? gte(i.issueDate, query.issuedFrom) : undefined,
    query.issuedTo ? lte(i.issueDate, query.issuedTo) : undefined,
    query.dueFrom ? gte(i.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(i.dueDate, query.dueTo) : undefined,
    query.minTotal ? gte(i.totalCents, toCents(query.minTotal, 'minTotal')) : undefined,
    query.maxTotal ? lte(i.totalCents, toCents(query.maxTotal, 'maxTotal')) : undefined,
    like
      ? or(
          sql`lower(${i.number}) like ${like} escape '\\'`,
          sql`lower(${i.paymentReference}) like ${like} escape '\\'`,
          sql`lower(${t.debtors.name}) like ${like} escape '\\'`,
        )
      : undefined,
  ];
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    const after = dir === 'asc' ? sql`>` : sql`<`;
    // A row-value comparison, so the (…, sort column, id) index seeks straight to the cursor
    // instead of reading and discarding the earlier pages.
    filters.push(sql`(${col}, ${i.id}) ${after} (${value}, ${id})`);
  }
  const order = dir === 'asc' ? [asc(col), asc(i.id)] : [desc(col), desc(i.id)];
  const rows = await ex.db
    .select({ invoice: i, debtorName: t.debtors.name })
    .from(i)
    .innerJoin(t.debtors, and(eq(t.debtors.companyId, i.companyId), eq(t.debtors.id, i.debtorId)))
    .where(and(...filters))
    .orderBy(...order)
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ ...toInvoice(r.invoice), debtorName: r.debtorName }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(sortValue(last, key), last.id) : null };
}

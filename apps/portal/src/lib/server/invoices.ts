import type { RouterInputs, RouterOutputs } from '@fact/api';
import { parseTypedAmount, toCents } from '../money.js';
import type { Api } from './api.js';
import { isCalendarDate } from './dates.js';

type ListInput = RouterInputs['invoice']['list'];
export type InvoiceItem = RouterOutputs['invoice']['list']['items'][number];

const STATUSES = ['open', 'paid', 'cancelled', 'draft', 'written_off'] as const;
const SORTS = ['dueDate', 'issueDate', 'number', 'total', 'open'] as const;
const PAGE = 50;

/** The invoice filters as typed in the form (kept to show them back) and as sent to the API. */
export interface InvoiceFilters {
  values: Record<string, string>;
  errors: Record<string, string>;
  input: Omit<ListInput, 'companyId'>;
  min: bigint | null;
  max: bigint | null;
  /** Cursors of the pages before this one ('' is the first page). */
  prev: string[];
}

/** Reads the filter form of an invoice table from the query string. Bad values are named, not guessed. */
export function readInvoiceFilters(params: URLSearchParams): InvoiceFilters {
  const get = (k: string) => (params.get(k) ?? '').trim();
  const values: Record<string, string> = {};
  for (const k of ['status', 'debtorId', 'dueFrom', 'dueTo', 'min', 'max', 'q', 'sort', 'dir', 'overdue']) values[k] = get(k);
  const errors: Record<string, string> = {};
  const input: Omit<ListInput, 'companyId'> = { limit: PAGE, sort: 'dueDate', direction: 'asc' };
  if ((STATUSES as readonly string[]).includes(values.status!)) input.status = values.status as (typeof STATUSES)[number];
  if (/^[0-9a-f-]{36}$/i.test(values.debtorId!)) input.debtorId = values.debtorId!;
  for (const k of ['dueFrom', 'dueTo'] as const) {
    const v = values[k]!;
    if (!v) continue;
    if (isCalendarDate(v)) input[k] = v;
    else errors[k] = 'validation.date';
  }
  if (input.dueFrom && input.dueTo && input.dueTo < input.dueFrom) errors.dueTo = 'validation.order';
  if (values.q) input.search = values.q.slice(0, 100);
  if (values.overdue === '1') input.overdueOnly = true;
  if ((SORTS as readonly string[]).includes(values.sort!)) input.sort = values.sort as (typeof SORTS)[number];
  if (values.dir === 'desc') input.direction = 'desc';
  const amount = (k: 'min' | 'max') => {
    if (!values[k]) return null;
    const parsed = parseTypedAmount(values[k]!);
    if (parsed === null) errors[k] = 'validation.amount';
    return parsed === null ? null : toCents(parsed);
  };
  const min = amount('min');
  const max = amount('max');
  const cursor = get('cursor');
  if (cursor) input.cursor = cursor;
  const prev = params.has('prev') ? get('prev').split('.') : [];
  if (errors.dueTo === 'validation.order') delete input.dueTo;
  return { values, errors, input, min, max, prev };
}

/**
 * A page of invoices. The API filters everything but the open amount; with an amount range the
 * portal reads on (200 at a time, at most 2 000 rows) until the page is full.
 */
export async function invoicePage(api: Api, companyId: string, f: InvoiceFilters): Promise<{ items: InvoiceItem[]; nextCursor: string | null }> {
  if (f.min === null && f.max === null) return api.invoice.list({ ...f.input, companyId });
  const items: InvoiceItem[] = [];
  let cursor = f.input.cursor;
  for (let round = 0; round < 10; round++) {
    const page = await api.invoice.list({ ...f.input, companyId, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const it of page.items) {
      const open = toCents(it.open);
      if ((f.min === null || open >= f.min) && (f.max === null || open <= f.max)) items.push(it);
    }
    cursor = page.nextCursor ?? undefined;
    if (!cursor || items.length >= PAGE) break;
  }
  return { items, nextCursor: cursor ?? null };
}

/** Query strings for the next and previous pages, keeping the filters. */
export function pageLinks(params: URLSearchParams, f: InvoiceFilters, nextCursor: string | null) {
  const base = new URLSearchParams(params);
  base.delete('cursor');
  base.delete('prev');
  const current = f.input.cursor ?? '';
  let next: string | null = null;
  if (nextCursor) {
    const p = new URLSearchParams(base);
    p.set('cursor', nextCursor);
    p.set('prev', [...f.prev, current].join('.'));
    next = `?${p}`;
  }
  let previous: string | null = null;
  if (f.input.cursor) {
    const p = new URLSearchParams(base);
    const back = f.prev.at(-1) ?? '';
    if (back) p.set('cursor', back);
    if (f.prev.length > 1) p.set('prev', f.prev.slice(0, -1).join('.'));
    previous = `?${p}`;
  }
  return { next, previous };
}

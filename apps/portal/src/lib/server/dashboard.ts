import type { Api } from './api.js';
import { percentOf, sumAmounts } from '../money.js';
import { SORT_KEYS, type CompanyExtras, type CompanyLine, type SortKey } from '../dashboard-types.js';

export { SORT_KEYS };
export type { CompanyExtras, CompanyLine, SortKey };

/** The VAT return period a date falls in, as the API names it: quarterly returns ("2025-Q2"). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** Outstanding and overdue for every company of the firm: one grouped query in the API. */
export async function firmCompanies(api: Api, search: string): Promise<CompanyLine[]> {
  const companies = await api.firm.companies(search ? { search } : undefined);
  return companies.map((c) => ({
    id: c.id,
    name: c.legalName,
    country: c.country,
    asOf: c.asOf,
    outstanding: c.openAmount,
    overdue: c.overdueAmount,
    overduePct: percentOf(c.overdueAmount, c.openAmount),
    dso: null,
    remindersToday: 0,
    vatRelief: '0.00',
    openDisputes: c.openDisputes,
  }));
}

const EXTRAS_TTL_MS = 5 * 60_000;
const extrasCache = new Map<string, { at: number; value: Promise<Record<string, CompanyExtras>> }>();

/**
 * DSO, today's reminders and reclaimable VAT per company. The API has no firm-wide procedure for
 * these, so this calls the per-company reports (about 2 s for 200 companies) and keeps the result
 * for five minutes per user, so sorting and searching do not pay it again.
 */
export function firmExtras(api: Api, userId: string, now: number): Promise<Record<string, CompanyExtras>> {
  const key = userId;
  const cached = extrasCache.get(key);
  if (cached && now - cached.at < EXTRAS_TTL_MS) return cached.value;
  // Start after the page that asked has had time to render and flush.
  const value = new Promise<void>((resolve) => setTimeout(resolve, 25))
    .then(() => firmCompanies(api, ''))
    .then((all) => computeExtras(api, all));
  extrasCache.set(key, { at: now, value });
  value.catch(() => extrasCache.delete(key));
  return value;
}

/**
 * Gives way to responses and other requests: SQLite calls are synchronous, so without a pause
 * between companies this background work would hold the page it belongs to (and every other
 * request) until it is done.
 */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 2));

async function computeExtras(api: Api, lines: readonly CompanyLine[]): Promise<Record<string, CompanyExtras>> {
  // Company by company (not dunning.firmPreview, which plans the whole firm in one synchronous
  // stretch of about 1.5 s for 200 companies), pausing in between.
  const out: Record<string, CompanyExtras> = {};
  for (const c of lines) {
    await breathe();
    const preview = await api.dunning.preview({ companyId: c.id });
    const dso = await api.reports.dso({ companyId: c.id });
    const vat = await api.reports.vatRelief({ companyId: c.id, period: quarterOf(c.asOf) });
    out[c.id] = { dso: dso.days, remindersToday: preview.actions.length, vatRelief: vat.reclaimableVatTotal };
  }
  return out;
}

/** Lines with their extras filled in. */
export function withExtras(lines: readonly CompanyLine[], extras: Record<string, CompanyExtras>): CompanyLine[] {
  return lines.map((l) => ({ ...l, ...extras[l.id] }));
}

function numeric(value: string | null): number {
  // Only for ordering rows; the figures shown stay exact strings.
  return value === null ? Number.NEGATIVE_INFINITY : Number(value);
}

/** Orders the lines by a column; ties by name. */
export function sortLines(lines: CompanyLine[], key: SortKey, direction: 'asc' | 'desc'): CompanyLine[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...lines].sort((a, b) => {
    const by = key === 'name' ? a.name.localeCompare(b.name) : key === 'remindersToday' ? a.remindersToday - b.remindersToday : numeric(a[key]) - numeric(b[key]);
    return by * sign || a.name.localeCompare(b.name);
  });
}

/** Totals over the firm. */
export function firmTotals(lines: CompanyLine[]) {
  const outstanding = sumAmounts(lines.map((l) => l.outstanding));
  const overdue = sumAmounts(lines.map((l) => l.overdue));
  return {
    outstanding,
    overdue,
    overduePct: percentOf(overdue, outstanding),
    remindersToday: lines.reduce((s, l) => s + l.remindersToday, 0),
    vatRelief: sumAmounts(lines.map((l) => l.vatRelief)),
  };
}

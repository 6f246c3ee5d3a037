import type { Api } from './api.js';
import { percentOf, sumAmounts } from '../money.js';
import { SORT_KEYS, type CompanyLine, type SortKey } from '../dashboard-types.js';

export { SORT_KEYS };
export type { CompanyLine, SortKey };

/** The VAT return period a date falls in, as the API names it: quarterly returns ("2025-Q2"). */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/**
 * Every company of the firm with all its figures — outstanding, overdue (amount and %), DSO,
 * reminders due today and reclaimable VAT — from one API call (overview.firm), filtered by name.
 */
export async function firmCompanies(api: Api, search: string): Promise<CompanyLine[]> {
  const { companies } = await api.overview.firm();
  const needle = search.toLowerCase();
  return companies
    .filter((c) => !needle || c.legalName.toLowerCase().includes(needle))
    .map((c) => ({
      id: c.companyId,
      name: c.legalName,
      country: c.country,
      asOf: c.asOf,
      outstanding: c.outstanding,
      overdue: c.overdue,
      overduePct: c.overduePercent,
      dso: c.dso,
      remindersToday: c.remindersDue,
      vatRelief: c.reclaimableVat,
    }));
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

// Shapes of the firm dashboard, shared by the server load and the table component.

/** One line of the firm dashboard. Amounts are API decimal strings. */
export interface CompanyLine {
  id: string;
  name: string;
  country: string;
  asOf: string;
  outstanding: string;
  overdue: string;
  overduePct: string | null;
  dso: string | null;
  remindersToday: number;
  vatRelief: string;
  openDisputes: number;
}

export const SORT_KEYS = ['name', 'outstanding', 'overdue', 'overduePct', 'dso', 'remindersToday', 'vatRelief'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The figures that cost a report per company: filled in after the first paint. */
export interface CompanyExtras {
  dso: string | null;
  remindersToday: number;
  vatRelief: string;
}


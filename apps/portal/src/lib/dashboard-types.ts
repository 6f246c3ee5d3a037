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
}

export const SORT_KEYS = ['name', 'outstanding', 'overdue', 'overduePct', 'dso', 'remindersToday', 'vatRelief'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

// Running totals behind the dashboards. Triggers on `invoices` (hand-written migration
// 0004_receivable_totals) keep them equal to a full recomputation, in the same transaction as
// every write to an invoice, whoever makes it (repositories, imports, raw SQL).
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { cents, day, id, int, primaryKey, table } from './columns.js';
import { companies } from './tenancy.js';

/**
 * Open receivables of a company per due date: what `status = 'open'` invoices still owe
 * (`open_cents`, `open_count`) and what open credit notes still offer (`credit_cents`). A row
 * that falls to zero is deleted, so a company has one row per due date with something open.
 * "Overdue on D" is the sum of `open_cents` over `due_date < D`.
 */
export const receivableDueTotals = table(
  'receivable_due_totals',
  {
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    dueDate: day('due_date').notNull(),
    openCents: cents('open_cents').notNull(),
    openCount: int('open_count').notNull(),
    creditCents: cents('credit_cents').notNull(),
  },
  (t) => [primaryKey({ name: 'receivable_due_totals_pk', columns: [t.companyId, t.dueDate] })],
);

/**
 * Sales of a company per issue date: invoice totals minus credit-note totals of documents that
 * are open, paid or written off (drafts and cancelled ones are no sale). DSO reads a window.
 */
export const salesDayTotals = table(
  'sales_day_totals',
  {
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    issueDate: day('issue_date').notNull(),
    salesCents: cents('sales_cents').notNull(),
  },
  (t) => [primaryKey({ name: 'sales_day_totals_pk', columns: [t.companyId, t.issueDate] })],
);

import { daysBetween, type CalendarDate } from '@fact/core';
import type { sqliteTables } from '@fact/db';
import { centsToAmount } from '../schemas/money.js';

type InvoiceRow = typeof sqliteTables.invoices.$inferSelect;

/**
 * An invoice as the API shows it: amounts as decimal strings and what it means as of a date
 * (overdue for how many days, partly paid).
 *
 * @example
 * ```ts
 * invoiceView(row, '2025-03-15').daysOverdue; // 14
 * ```
 */
export function invoiceView(row: InvoiceRow, asOf: CalendarDate, debtorName?: string) {
  const overdue = row.status === 'open' && row.openAmountCents > 0 && row.dueDate < asOf;
  return {
    id: row.id,
    companyId: row.companyId,
    debtorId: row.debtorId,
    ...(debtorName !== undefined && { debtorName }),
    kind: row.kind,
    number: row.number,
    status: row.status,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    net: centsToAmount(row.netCents),
    vat: centsToAmount(row.vatCents),
    total: centsToAmount(row.totalCents),
    open: centsToAmount(row.openAmountCents),
    paymentReference: row.paymentReference ?? null,
    creditsInvoiceId: row.creditsInvoiceId ?? null,
    partlyPaid: row.status === 'open' && row.openAmountCents > 0 && row.openAmountCents < row.totalCents,
    overdue,
    daysOverdue: overdue ? daysBetween(row.dueDate, asOf) : 0,
    asOf,
    version: row.version,
  };
}

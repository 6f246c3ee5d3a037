import { ageing, daysBetween, fromCents, type CalendarDate } from '@fact/core';
import { toCsv, toXlsx, xlsxSheet, type ExportColumn } from '@fact/spreadsheets';
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { centsToAmount } from '../../schemas/money.js';
import { openInvoicesOf } from '../receivables.js';

/** A file handed out by an export procedure: its bytes as base64, with name and media type. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
  rows: number;
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface AgeingRow {
  debtor: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  daysOverdue: number;
  bucket: string;
  open: string;
}

const AGEING_COLUMNS: ExportColumn<AgeingRow>[] = [
  { kind: 'text', header: 'Debtor', value: (r) => r.debtor, width: 32 },
  { kind: 'text', header: 'Invoice', value: (r) => r.number, width: 16 },
  { kind: 'date', header: 'Issue date', value: (r) => r.issueDate },
  { kind: 'date', header: 'Due date', value: (r) => r.dueDate },
  { kind: 'integer', header: 'Days overdue', value: (r) => r.daysOverdue },
  { kind: 'text', header: 'Bucket', value: (r) => r.bucket },
  { kind: 'money', header: 'Open', value: (r) => r.open },
];

/** The ageing rows of a company as of a date: each open invoice with its bucket (@fact/core). */
async function ageingRows(db: Database, companyId: string, asOf: CalendarDate): Promise<AgeingRow[]> {
  const open = await openInvoicesOf(db, companyId);
  const report = ageing(
    open.map(({ invoice }) => ({
      item: { id: invoice.id, kind: 'invoice' as const, debtorId: invoice.debtorId, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: fromCents(invoice.totalCents) },
      open: fromCents(invoice.openAmountCents),
    })),
    asOf,
  );
  const bucketOf = new Map(report.buckets.flatMap((b) => b.itemIds.map((id) => [id, b.label] as const)));
  return open
    .map(({ invoice, debtorName }) => ({
      debtor: debtorName,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      daysOverdue: invoice.dueDate < asOf ? daysBetween(invoice.dueDate, asOf) : 0,
      bucket: bucketOf.get(invoice.id) ?? '',
      open: centsToAmount(invoice.openAmountCents),
    }))
    .sort((a, b) => a.debtor.localeCompare(b.debtor) || a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
}

/**
 * The ageing list (open invoices by days past due) as CSV or XLSX, formula-injection safe
 * (@fact/spreadsheets): a debtor named `=HYPERLINK(…)` stays text.
 *
 * @example
 * ```ts
 * const file = await ageingExport(db, companyId, '2025-03-15', 'csv');
 * ```
 */
export async function ageingExport(db: Database, companyId: string, asOf: CalendarDate, format: 'csv' | 'xlsx', csv: { delimiter: ',' | ';'; decimalSeparator: '.' | ',' }): Promise<ExportFile> {
  const rows = await ageingRows(db, companyId, asOf);
  return fileOf(`ageing-${asOf}`, format, 'Ageing', AGEING_COLUMNS, rows, csv);
}

interface InvoiceRow {
  number: string;
  kind: string;
  debtor: string;
  status: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  net: string;
  vat: string;
  total: string;
  open: string;
  reference: string | null;
}

const INVOICE_COLUMNS: ExportColumn<InvoiceRow>[] = [
  { kind: 'text', header: 'Number', value: (r) => r.number, width: 16 },
  { kind: 'text', header: 'Kind', value: (r) => r.kind },
  { kind: 'text', header: 'Debtor', value: (r) => r.debtor, width: 32 },
  { kind: 'text', header: 'Status', value: (r) => r.status },
  { kind: 'date', header: 'Issue date', value: (r) => r.issueDate },
  { kind: 'date', header: 'Due date', value: (r) => r.dueDate },
  { kind: 'text', header: 'Currency', value: (r) => r.currency },
  { kind: 'money', header: 'Net', value: (r) => r.net },
  { kind: 'money', header: 'VAT', value: (r) => r.vat },
  { kind: 'money', header: 'Total', value: (r) => r.total },
  { kind: 'money', header: 'Open', value: (r) => r.open },
  { kind: 'text', header: 'Payment reference', value: (r) => r.reference, width: 22 },
];

/**
 * The company's invoices and credit notes (optionally by status and issue-date range) as CSV or
 * XLSX, formula-injection safe.
 *
 * @example
 * ```ts
 * const file = await invoicesExport(db, companyId, { status: 'open' }, 'xlsx', csvStyle);
 * ```
 */
export async function invoicesExport(
  db: Database,
  companyId: string,
  filter: { status?: 'draft' | 'open' | 'paid' | 'cancelled' | 'written_off' | undefined; issuedFrom?: string | undefined; issuedTo?: string | undefined },
  format: 'csv' | 'xlsx',
  csv: { delimiter: ',' | ';'; decimalSeparator: '.' | ',' },
): Promise<ExportFile> {
  const i = db.tables.invoices;
  const d = db.tables.debtors;
  const where: SQL[] = [eq(i.companyId, companyId)];
  if (filter.status) where.push(eq(i.status, filter.status));
  if (filter.issuedFrom) where.push(gte(i.issueDate, filter.issuedFrom));
  if (filter.issuedTo) where.push(lte(i.issueDate, filter.issuedTo));
  const rows = await db.db
    .select({ invoice: i, debtor: d.name })
    .from(i)
    .innerJoin(d, eq(d.id, i.debtorId))
    .where(and(...where))
    .orderBy(asc(i.issueDate), asc(i.number));
  const data = rows.map(({ invoice, debtor }) => ({
    number: invoice.number,
    kind: invoice.kind,
    debtor,
    status: invoice.status,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    net: centsToAmount(invoice.netCents),
    vat: centsToAmount(invoice.vatCents),
    total: centsToAmount(invoice.totalCents),
    open: centsToAmount(invoice.openAmountCents),
    reference: invoice.paymentReference ?? null,
  }));
  return fileOf('invoices', format, 'Invoices', INVOICE_COLUMNS, data, csv);
}

async function fileOf<R>(name: string, format: 'csv' | 'xlsx', sheet: string, columns: ExportColumn<R>[], rows: R[], csv: { delimiter: ',' | ';'; decimalSeparator: '.' | ',' }): Promise<ExportFile> {
  if (format === 'csv') {
    return { fileName: `${name}.csv`, mediaType: CSV, contentBase64: Buffer.from(toCsv(columns, rows, csv), 'utf8').toString('base64'), rows: rows.length };
  }
  const bytes = await toXlsx([xlsxSheet(sheet, columns, rows)]);
  return { fileName: `${name}.xlsx`, mediaType: XLSX, contentBase64: bytes.toString('base64'), rows: rows.length };
}

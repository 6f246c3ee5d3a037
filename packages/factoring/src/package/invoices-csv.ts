import type { Money } from '@fact/core';
import { toCsv, type ExportColumn } from '@fact/spreadsheets';

/** One line of `invoices.csv`. */
export interface CsvInvoiceRow {
  readonly number: string;
  readonly debtorId: string;
  readonly debtorName: string;
  readonly debtorVat: string | undefined;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly gross: Money;
  readonly outstanding: Money;
  readonly eligible: Money;
  readonly advance: Money;
  readonly fee: Money;
  readonly paymentReference: string | undefined;
  readonly purchaseOrder: string | undefined;
}

const COLUMNS: readonly ExportColumn<CsvInvoiceRow>[] = [
  { kind: 'text', header: 'invoice_number', value: (r) => r.number },
  { kind: 'text', header: 'debtor_id', value: (r) => r.debtorId },
  { kind: 'text', header: 'debtor_name', value: (r) => r.debtorName },
  { kind: 'text', header: 'debtor_vat', value: (r) => r.debtorVat },
  { kind: 'date', header: 'issue_date', value: (r) => r.issueDate },
  { kind: 'date', header: 'due_date', value: (r) => r.dueDate },
  { kind: 'money', header: 'gross_amount', value: (r) => r.gross },
  { kind: 'money', header: 'outstanding', value: (r) => r.outstanding },
  { kind: 'money', header: 'eligible_amount', value: (r) => r.eligible },
  { kind: 'money', header: 'advance_amount', value: (r) => r.advance },
  { kind: 'money', header: 'fee_amount', value: (r) => r.fee },
  { kind: 'text', header: 'payment_reference', value: (r) => r.paymentReference },
  { kind: 'text', header: 'purchase_order', value: (r) => r.purchaseOrder },
];

/**
 * `invoices.csv`: one line per bought invoice, RFC 4180 with a UTF-8 BOM, amounts with a decimal
 * point. Every text cell is neutralised against spreadsheet formula injection by
 * `@fact/spreadsheets` (a leading `'` before `=`, `+`, `-`, `@`, tab or CR), so a debtor named
 * `=HYPERLINK(…)` stays text when the factor opens the file.
 *
 * @example
 * ```ts
 * invoicesCsv(rows).startsWith('\uFEFFinvoice_number,'); // true
 * ```
 */
export function invoicesCsv(rows: readonly CsvInvoiceRow[]): string {
  return toCsv(COLUMNS, rows);
}

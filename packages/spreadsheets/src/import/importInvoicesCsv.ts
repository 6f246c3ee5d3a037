import { compareDates, type Money } from '@fact/core';
import { parseAmountCell } from '../values/amount.js';
import { parseDateCell } from '../values/date.js';
import { checkNumberOptions, optionCurrency } from './options.js';
import { currencyCell, ibanCell, structuredReference, vatNumberCell } from '../values/identifiers.js';
import type { RowReader } from './RowReader.js';
import { runImport } from './runImport.js';
import type { ImportedInvoice, InvoiceField, InvoiceImportOptions } from './invoiceTypes.js';
import type { ImportResult } from './types.js';

/**
 * Imports invoices (open receivables) from a CSV export of an invoicing or accounting package.
 * All or nothing: either every row comes back, or every bad cell of every row is listed with its
 * line and column and no row comes back. Invoice numbers must be unique within the file (compared
 * without regard to case and spaces).
 *
 * Checks per row: required cells, amounts in the mapping's decimal style (never rounded), dates
 * in the mapping's format, due date not before issue date, VAT of the same sign as the total and
 * not above it, VAT number, IBAN and structured reference through @fact/core.
 *
 * Throws {@link SpreadsheetError} only for a file that cannot be read (size, encoding, quoting).
 *
 * @example
 * ```ts
 * const csv = 'Factuurnr;Klant;Datum;Vervaldatum;Bedrag incl\n2025-001;Peeters BV;01/03/2025;31/03/2025;1.234,56\n';
 * const result = importInvoicesCsv(csv, {
 *   mapping: { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag incl' },
 *   decimalSeparator: ',', dateFormat: 'DD/MM/YYYY',
 * });
 * if (result.ok) result.rows[0]?.total.toString(); // "1234.56"
 * ```
 */
export function importInvoicesCsv(input: Uint8Array | string, options: InvoiceImportOptions): ImportResult<ImportedInvoice> {
  checkNumberOptions(options.decimalSeparator, options.dateFormat);
  const defaultCurrency = optionCurrency(options.defaultCurrency);
  return runImport<InvoiceField, ImportedInvoice>(input, options, {
    mapping: options.mapping,
    readRow: (r) => readInvoice(r, options, defaultCurrency),
    unique: [{ field: 'invoiceNumber', what: 'invoice number', normalise: (t) => t.replace(/\s+/g, '').toUpperCase() }],
  });
}

function readInvoice(r: RowReader<InvoiceField>, options: InvoiceImportOptions, defaultCurrency: string): ImportedInvoice | undefined {
  const amount = (text: string): Money => parseAmountCell(text, options.decimalSeparator);
  const date = (text: string): string => parseDateCell(text, options.dateFormat);
  const invoiceNumber = r.required('invoiceNumber');
  const debtorName = r.required('debtorName');
  const issueDate = r.parse('issueDate', date, true);
  const dueDate = r.parse('dueDate', date, true);
  const total = r.parse('total', amount, true);
  const vat = r.parse('vat', amount);
  const currency = r.parse('currency', currencyCell) ?? defaultCurrency;
  const debtorVat = r.parse('debtorVat', vatNumberCell);
  const debtorIban = r.parse('debtorIban', ibanCell);
  const reference = r.text('reference');
  const paymentReference = r.parse('reference', structuredReference);

  if (issueDate && dueDate && compareDates(dueDate, issueDate) < 0) {
    r.report('dueDate', 'INCONSISTENT', `due date ${dueDate} is before the issue date ${issueDate}`);
  }
  if (total && vat) checkVat(r, total, vat);
  if (!invoiceNumber || !debtorName || !issueDate || !dueDate || !total) return undefined;
  return {
    line: r.line,
    invoiceNumber,
    debtorName,
    issueDate,
    dueDate,
    total,
    currency,
    ...(vat && { vat }),
    ...(debtorVat && { debtorVat }),
    ...(debtorIban && { debtorIban }),
    ...(reference && { reference }),
    ...(paymentReference && { paymentReference }),
  };
}

/** VAT is part of the total: same sign (a credit note is negative throughout), never larger. */
function checkVat(r: RowReader<InvoiceField>, total: Money, vat: Money): void {
  if (total.cmp(0) * vat.cmp(0) < 0) r.report('vat', 'INCONSISTENT', `VAT ${vat.toString()} and total ${total.toString()} have opposite signs`);
  else if (vat.abs().greaterThan(total.abs())) r.report('vat', 'INCONSISTENT', `VAT ${vat.toString()} is larger than the total ${total.toString()}`);
}

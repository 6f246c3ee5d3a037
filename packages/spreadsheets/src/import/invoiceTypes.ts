import type { CalendarDate, Money, PaymentReference } from '@fact/core';
import type { CsvReadOptions } from '../csv/readCsv.js';
import type { DecimalSeparator } from '../values/amount.js';
import type { DateFormat } from '../values/date.js';

/**
 * Which column of the file holds each invoice field, by header name as written
 * (`{ invoiceNumber: 'Factuurnr', total: 'Bedrag incl', … }`). Optional fields may be left out.
 *
 * @example
 * ```ts
 * const mapping: InvoiceColumnMapping = {
 *   invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum',
 *   dueDate: 'Vervaldatum', total: 'Bedrag incl', vat: 'BTW',
 * };
 * ```
 */
export interface InvoiceColumnMapping {
  readonly invoiceNumber: string;
  readonly debtorName: string;
  readonly issueDate: string;
  readonly dueDate: string;
  /** Amount due, VAT included. */
  readonly total: string;
  /** VAT amount included in the total. */
  readonly vat?: string;
  /** ISO 4217 code (`EUR`); `€` is read as EUR. */
  readonly currency?: string;
  readonly debtorVat?: string;
  readonly debtorIban?: string;
  /** Payment reference: an OGM/VCS or RF reference is validated, other text kept as is. */
  readonly reference?: string;
}

/** A field of {@link InvoiceColumnMapping}. */
export type InvoiceField = keyof InvoiceColumnMapping;

/**
 * Options of {@link importInvoicesCsv}: the mapping, how numbers and dates are written, and the
 * CSV reading options (delimiter, encoding, limits).
 *
 * @example
 * ```ts
 * const options: InvoiceImportOptions = {
 *   mapping: { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag incl' },
 *   decimalSeparator: ',', dateFormat: 'DD/MM/YYYY',
 * };
 * ```
 */
export interface InvoiceImportOptions extends CsvReadOptions {
  readonly mapping: InvoiceColumnMapping;
  readonly decimalSeparator: DecimalSeparator;
  readonly dateFormat: DateFormat;
  /** Currency of rows without a currency cell. Default `'EUR'`. */
  readonly defaultCurrency?: string;
}

/**
 * One invoice read from a file. Amounts are exact decimals, dates are calendar dates; identifiers
 * are in electronic form (no spaces).
 *
 * @example
 * ```ts
 * const row: ImportedInvoice = {
 *   line: 2, invoiceNumber: 'F2025-001', debtorName: 'Bakkerij Peeters', issueDate: '2025-03-01',
 *   dueDate: '2025-03-31', total: money('1234.56'), currency: 'EUR',
 * };
 * ```
 */
export interface ImportedInvoice {
  /** Line of the file the row starts on. */
  readonly line: number;
  readonly invoiceNumber: string;
  readonly debtorName: string;
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly total: Money;
  readonly vat?: Money;
  readonly currency: string;
  readonly debtorVat?: string;
  readonly debtorIban?: string;
  /** The reference as written in the file. */
  readonly reference?: string;
  /** The reference read as a structured OGM/VCS or RF reference, when it is one. */
  readonly paymentReference?: PaymentReference;
}

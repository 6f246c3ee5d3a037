// Public surface of @fact/spreadsheets. Every export is named; nothing is re-exported with `*`.

// errors
export { SpreadsheetError, SPREADSHEET_ERROR_CODES, isSpreadsheetError } from './errors/SpreadsheetError.js';
export type { SpreadsheetErrorCode } from './errors/SpreadsheetError.js';
export { IMPORT_ERROR_CODES } from './values/CellProblem.js';
export type { ImportErrorCode } from './values/CellProblem.js';

// reading CSV
export { readCsv, DEFAULT_MAX_ROWS } from './csv/readCsv.js';
export type { CsvLimits, CsvReadOptions, CsvRow, CsvTable } from './csv/readCsv.js';
export { decodeCsv, DEFAULT_MAX_BYTES } from './csv/decode.js';
export type { CsvEncoding } from './csv/decode.js';
export { detectDelimiter } from './csv/delimiter.js';
export type { CsvDelimiter } from './csv/delimiter.js';

// cell values
export { parseAmountCell } from './values/amount.js';
export type { DecimalSeparator } from './values/amount.js';
export { parseDateCell, DATE_FORMATS } from './values/date.js';
export type { DateFormat } from './values/date.js';

// imports
export { importInvoicesCsv } from './import/importInvoicesCsv.js';
export type { ImportedInvoice, InvoiceColumnMapping, InvoiceField, InvoiceImportOptions } from './import/invoiceTypes.js';
export { importDebtorsCsv } from './import/importDebtorsCsv.js';
export type { DebtorColumnMapping, DebtorField, DebtorImportOptions, ImportedDebtor } from './import/debtorTypes.js';
export type { ImportError, ImportResult } from './import/types.js';
export { MAPPING_FIELDS, suggestMapping } from './import/suggestMapping.js';
export type { MappingSuggestion } from './import/suggestMapping.js';
export { INVOICE_HEADER_SYNONYMS, DEBTOR_HEADER_SYNONYMS } from './import/headerSynonyms.js';
export type { HeaderSynonyms } from './import/headerSynonyms.js';

// exports
export { exportTable } from './export/columns.js';
export type { ExportCell, ExportColumn, ExportTable } from './export/columns.js';
export { toCsv } from './export/toCsv.js';
export type { CsvWriteOptions } from './export/toCsv.js';
export { toXlsx, xlsxSheet, XLSX_MONEY_FORMAT, XLSX_DATE_FORMAT } from './export/toXlsx.js';
export type { XlsxSheet } from './export/toXlsx.js';
export { neutraliseFormula, restoreNeutralised, startsFormula, FORMULA_TRIGGERS } from './export/neutralise.js';

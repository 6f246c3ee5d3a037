import { Buffer } from 'node:buffer';
import ExcelJS from 'exceljs';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { exportTable, type ExportCell, type ExportColumn, type ExportTable } from './columns.js';

/** Excel's display format of money cells: two decimals, thousands grouped, minus sign. */
export const XLSX_MONEY_FORMAT = '#,##0.00';
/** Excel's display format of date cells: ISO 8601, the same in every locale. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd';

/** A worksheet ready to be written; build it with {@link xlsxSheet}. */
export interface XlsxSheet {
  readonly name: string;
  readonly table: ExportTable;
}

/**
 * Describes one worksheet: its name, typed columns and rows. Values are read and checked now,
 * so a bad value throws here, naming the sheet's row and column.
 *
 * Sheet names follow Excel's rules: 1 to 31 characters, none of `[ ] : * ? / \`.
 *
 * @example
 * ```ts
 * const sheet = xlsxSheet('Openstaand', [
 *   { kind: 'text', header: 'Klant', value: (r: Row) => r.name },
 *   { kind: 'money', header: 'Open', value: (r: Row) => r.open },
 *   { kind: 'date', header: 'Vervaldatum', value: (r: Row) => r.dueDate },
 * ], rows);
 * ```
 */
export function xlsxSheet<R>(name: string, columns: readonly ExportColumn<R>[], rows: readonly R[]): XlsxSheet {
  if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new SpreadsheetError('INVALID_OPTION', `"${name}" is not a valid sheet name: 1-31 characters, none of [ ] : * ? / \\, no quote at either end`);
  }
  return { name, table: exportTable(columns, rows) };
}

/** XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Excel's limit on the characters of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Writes worksheets to an XLSX workbook (with exceljs) and returns its bytes.
 *
 * Choices, so the file is both safe and useful:
 * - text is always a string cell, never a formula, whatever its first character: a debtor called
 *   `=HYPERLINK(…)` is shown as that text. It is not prefixed with `'` (unlike CSV), because an
 *   XLSX string cell is inert and the text stays exact;
 * - money is a number cell (so sums and filters work) built from the exact two-decimal string,
 *   formatted {@link XLSX_MONEY_FORMAT}; an amount with more than 15 significant digits cannot be
 *   held exactly by Excel and is refused;
 * - dates are real date cells (sortable, filterable) formatted {@link XLSX_DATE_FORMAT};
 * - text that XML cannot carry (control characters, lone surrogates) or longer than Excel's
 *   32,767 characters is refused with `INVALID_EXPORT_VALUE` instead of being altered.
 *
 * @example
 * ```ts
 * const bytes = await toXlsx([xlsxSheet('Facturen', columns, invoices)]);
 * await writeFile('facturen.xlsx', bytes);
 * ```
 */
export async function toXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  if (sheets.length === 0) throw new SpreadsheetError('INVALID_OPTION', 'a workbook needs at least one sheet');
  const names = new Set<string>();
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const key = sheet.name.toLowerCase();
    if (names.has(key)) throw new SpreadsheetError('INVALID_OPTION', `two sheets are called "${sheet.name}"`);
    names.add(key);
    writeSheet(workbook.addWorksheet(sheet.name), sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSheet(worksheet: ExcelJS.Worksheet, sheet: XlsxSheet): void {
  const { headers, widths, rows } = sheet.table;
  const headerRow = worksheet.getRow(1);
  headers.forEach((header, i) => {
    headerRow.getCell(i + 1).value = checkedText(header, sheet.name, 0, header);
    worksheet.getColumn(i + 1).width = widths[i] ?? Math.min(60, Math.max(10, header.length + 2));
  });
  headerRow.font = { bold: true };
  rows.forEach((cells, r) => {
    const row = worksheet.getRow(r + 2);
    cells.forEach((cell, c) => writeCell(row.getCell(c + 1), cell, sheet.name, r + 1, headers[c] ?? ''));
  });
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function writeCell(target: ExcelJS.Cell, cell: ExportCell, sheet: string, row: number, header: string): void {
  if (cell === null) return;
  switch (cell.kind) {
    case 'text':
      target.value = checkedText(cell.value, sheet, row, header);
      return;
    case 'money':
      target.value = exactNumber(cell.value, sheet, row, header);
      target.numFmt = XLSX_MONEY_FORMAT;
      return;
    case 'date': {
      const [y, m, d] = cell.value.split('-').map(Number) as [number, number, number];
      // exceljs turns a Date into Excel's day serial from its UTC time, so UTC midnight is exact.
      target.value = new Date(Date.UTC(y, m - 1, d));
      target.numFmt = XLSX_DATE_FORMAT;
      return;
    }
    case 'integer':
      target.value = cell.value;
  }
}

function checkedText(text: string, sheet: string, row: number, header: string): string {
  if (NOT_XML.test(text)) refuse(sheet, row, header, 'holds a control character or broken Unicode that an XLSX file cannot carry');
  if (text.length > MAX_CELL_TEXT) refuse(sheet, row, header, `is ${text.length} characters long, Excel holds at most ${MAX_CELL_TEXT}`);
  return text;
}

/** A double holds 15 significant decimal digits exactly; the cell shows what was exported. */
function exactNumber(decimal: string, sheet: string, row: number, header: string): number {
  const digits = decimal.replace(/[-.]/g, '').replace(/^0+/, '');
  if (digits.length > 15) refuse(sheet, row, header, `${decimal} has more digits than an Excel number holds exactly`);
  return Number(decimal);
}

/** `row` counts data rows from 1, as the CSV export does; 0 is the header. */
function refuse(sheet: string, row: number, header: string, why: string): never {
  const where = row === 0 ? 'header' : `row ${row}`;
  throw new SpreadsheetError('INVALID_EXPORT_VALUE', `sheet "${sheet}", ${where}, column "${header}": ${why}`);
}

import { money, parseDate, type CalendarDate, type Money } from '@fact/core';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';

/**
 * One column of an export: a header, a kind, and how to read the value from a row. The kind
 * decides how the value is written: `text` is neutralised against formula injection, `money`
 * is an exact amount written with two decimals (never rounded: a fraction of a cent is refused),
 * `date` a calendar date, `integer` a whole number. `null`/`undefined` is an empty cell.
 *
 * @example
 * ```ts
 * const columns: ExportColumn<Invoice>[] = [
 *   { kind: 'text', header: 'Klant', value: (i) => i.debtorName },
 *   { kind: 'money', header: 'Open', value: (i) => i.open },
 *   { kind: 'date', header: 'Vervaldatum', value: (i) => i.dueDate },
 *   { kind: 'integer', header: 'Dagen te laat', value: (i) => i.daysLate },
 * ];
 * ```
 */
export type ExportColumn<R> =
  | { readonly kind: 'text'; readonly header: string; readonly value: (row: R) => string | null | undefined; readonly width?: number }
  | { readonly kind: 'money'; readonly header: string; readonly value: (row: R) => Money | string | null | undefined; readonly width?: number }
  | { readonly kind: 'date'; readonly header: string; readonly value: (row: R) => CalendarDate | null | undefined; readonly width?: number }
  | { readonly kind: 'integer'; readonly header: string; readonly value: (row: R) => number | null | undefined; readonly width?: number };

/**
 * A cell ready to be written: text as given, money as an exact decimal string with two
 * decimals (`"-1234.50"`), a date as `YYYY-MM-DD`, an integer. `null` is empty.
 *
 * @example
 * ```ts
 * const cell: ExportCell = { kind: 'money', value: '-1234.50' };
 * ```
 */
export type ExportCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'money'; readonly value: string }
  | { readonly kind: 'date'; readonly value: CalendarDate }
  | { readonly kind: 'integer'; readonly value: number }
  | null;

/**
 * Rows turned into checked cells, the shape both CSV and XLSX writers read.
 *
 * @example
 * ```ts
 * const table = exportTable([{ kind: 'text', header: 'Naam', value: (r: { n: string }) => r.n }], [{ n: 'Peeters' }]);
 * table.rows[0]; // [{ kind: 'text', value: 'Peeters' }]
 * ```
 */
export interface ExportTable {
  readonly headers: readonly string[];
  readonly widths: readonly (number | undefined)[];
  readonly kinds: readonly ExportColumn<never>['kind'][];
  readonly rows: readonly (readonly ExportCell[])[];
}

/**
 * Reads every value of every row through its column and checks it, so an export either holds
 * every value exactly or throws `INVALID_EXPORT_VALUE` naming row and column.
 *
 * @example
 * ```ts
 * exportTable([{ kind: 'money', header: 'Bedrag', value: () => '1.005' }], [{}]); // throws: fraction of a cent
 * ```
 */
export function exportTable<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): ExportTable {
  return {
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => c.width),
    kinds: columns.map((c) => c.kind),
    rows: rows.map((row, i) => columns.map((column) => cellOf(column, row, i + 1))),
  };
}

function cellOf<R>(column: ExportColumn<R>, row: R, rowNumber: number): ExportCell {
  const where = `row ${rowNumber}, column "${column.header}"`;
  const refuse = (why: string): never => {
    throw new SpreadsheetError('INVALID_EXPORT_VALUE', `${where}: ${why}`);
  };
  switch (column.kind) {
    case 'text': {
      const v = column.value(row);
      if (v === null || v === undefined) return null;
      return typeof v === 'string' ? { kind: 'text', value: v } : refuse(`expected text, got ${typeof v}`);
    }
    case 'money': {
      const v = column.value(row);
      if (v === null || v === undefined) return null;
      let amount: Money;
      try {
        amount = money(v, column.header);
      } catch {
        return refuse(`${String(v)} is not an amount`);
      }
      if (amount.decimalPlaces() > 2) refuse(`${amount.toString()} has a fraction of a cent; round it before exporting`);
      return { kind: 'money', value: amount.toFixed(2) };
    }
    case 'date': {
      const v = column.value(row);
      if (v === null || v === undefined) return null;
      try {
        return { kind: 'date', value: parseDate(v, column.header) };
      } catch {
        return refuse(`${String(v)} is not a YYYY-MM-DD date`);
      }
    }
    case 'integer': {
      const v = column.value(row);
      if (v === null || v === undefined) return null;
      return Number.isSafeInteger(v) ? { kind: 'integer', value: v } : refuse(`${String(v)} is not a whole number`);
    }
  }
}

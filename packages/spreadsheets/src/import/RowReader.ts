import { isFactError, type FactErrorCode } from '@fact/core';
import type { CsvRow } from '../csv/readCsv.js';
import { CellProblem, type ImportErrorCode } from '../values/CellProblem.js';
import type { ResolvedColumns } from './columns.js';
import type { ImportError } from './types.js';

const FROM_CORE: Partial<Record<FactErrorCode, ImportErrorCode>> = {
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_VAT_NUMBER: 'INVALID_VAT_NUMBER',
  INVALID_ENTERPRISE_NUMBER: 'INVALID_ENTERPRISE_NUMBER',
  INVALID_IBAN: 'INVALID_IBAN',
  INVALID_REFERENCE: 'INVALID_REFERENCE',
};

/**
 * Reads the mapped cells of one row, collecting every problem instead of stopping at the first,
 * so the user sees all bad cells of the file at once. @internal
 */
export class RowReader<F extends string> {
  readonly errors: ImportError[] = [];

  constructor(
    private readonly row: CsvRow,
    private readonly columns: ResolvedColumns<F>,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** The trimmed text of a mapped cell; `undefined` when unmapped or empty. */
  text(field: F): string | undefined {
    const column = this.columns[field];
    if (!column) return undefined;
    const value = (this.row.cells[column.index] ?? '').trim();
    return value === '' ? undefined : value;
  }

  /** Like {@link text}, but an empty or unmapped cell is a `REQUIRED` error. */
  required(field: F): string | undefined {
    const value = this.text(field);
    if (value === undefined) this.report(field, 'REQUIRED', 'is required but empty', '');
    return value;
  }

  /** Parses a non-empty cell; a refusal becomes an error naming line and column. */
  parse<T>(field: F, parser: (text: string, header: string) => T, required = false): T | undefined {
    const value = required ? this.required(field) : this.text(field);
    if (value === undefined) return undefined;
    const header = this.header(field);
    try {
      return parser(value, header);
    } catch (e) {
      if (e instanceof CellProblem) this.report(field, e.code, e.message, value);
      else if (isFactError(e)) this.report(field, FROM_CORE[e.code] ?? 'INVALID_VALUE', stripField(e.message, header), value);
      else throw e;
      return undefined;
    }
  }

  /** Records a problem with a mapped cell. */
  report(field: F, code: ImportErrorCode, detail: string, value = this.text(field) ?? ''): void {
    const column = this.header(field);
    this.errors.push({ line: this.row.line, column, value, code, message: `line ${this.row.line}, column "${column}": ${detail}` });
  }

  private header(field: F): string {
    return this.columns[field]?.header ?? field;
  }
}

/** FactError messages start with `field: `; the import error names the column itself. */
function stripField(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

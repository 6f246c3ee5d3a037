import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { CellProblem } from '../values/CellProblem.js';
import { DATE_FORMATS, type DateFormat } from '../values/date.js';
import { currencyCell } from '../values/identifiers.js';

/** Refuses a decimal separator or date format outside the supported ones (for untyped callers). @internal */
export function checkNumberOptions(decimalSeparator: unknown, dateFormat: unknown): void {
  if (decimalSeparator !== ',' && decimalSeparator !== '.') {
    throw new SpreadsheetError('INVALID_OPTION', `decimalSeparator must be "," or ".", got ${JSON.stringify(decimalSeparator)}`);
  }
  if (!DATE_FORMATS.includes(dateFormat as DateFormat)) {
    throw new SpreadsheetError('INVALID_OPTION', `dateFormat must be one of ${DATE_FORMATS.join(', ')}, got ${JSON.stringify(dateFormat)}`);
  }
}

/** The default currency option, checked like a cell. @internal */
export function optionCurrency(value: string | undefined): string {
  try {
    return currencyCell(value ?? 'EUR');
  } catch (e) {
    if (e instanceof CellProblem) throw new SpreadsheetError('INVALID_OPTION', `defaultCurrency: ${e.message}`);
    throw e;
  }
}

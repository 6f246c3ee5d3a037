import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { importDebtorsCsv } from './importDebtorsCsv.js';
import { importInvoicesCsv } from './importInvoicesCsv.js';
import type { ImportResult } from './types.js';

const HEADER = new TextEncoder().encode('Factuurnr;Klant;Datum;Vervaldatum;Bedrag\r\n');

// Random bytes, sometimes behind a valid header so the row checks run too; CSV-ish bytes often.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array([...HEADER, ...b])),
  fc.array(fc.constantFrom(...[0x22, 0x3b, 0x2c, 0x0a, 0x0d, 0x31, 0x2f, 0x2d, 0x41, 0xc3, 0xa9, 0xef, 0xbb, 0xbf]), { maxLength: 300 }).map(
    (b) => new Uint8Array([...HEADER, ...b]),
  ),
);

/** Runs an import and says what happened; anything but a result or a SpreadsheetError fails. */
function outcome<T>(run: () => ImportResult<T>): void {
  try {
    const result = run();
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) {
        expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
        expect(e.message).toContain(`line ${e.line}`);
      }
    }
  } catch (e) {
    expect(e).toBeInstanceOf(SpreadsheetError);
    const error = e as SpreadsheetError;
    if (error.code === 'INVALID_ENCODING' || error.code === 'INVALID_CSV') {
      expect(Number.isInteger(error.line) && (error.line ?? 0) >= 1).toBe(true);
    }
  }
}

describe('imports never crash on random bytes (fuzz property)', () => {
  it('returns a typed result or throws a SpreadsheetError with a code and, for broken text, a line', () => {
    const invoices = { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag' };
    fc.assert(
      fc.property(bytes, fc.constantFrom('utf-8', 'windows-1252') as fc.Arbitrary<'utf-8' | 'windows-1252'>, (input, encoding) => {
        outcome(() => importInvoicesCsv(input, { mapping: invoices, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY', encoding }));
        outcome(() => importDebtorsCsv(input, { mapping: { name: 'Klant', vatNumber: 'Factuurnr' }, encoding }));
      }),
      { numRuns: 400 },
    );
  });
});

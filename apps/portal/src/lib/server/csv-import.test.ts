import { describe, expect, it } from 'vitest';
import { readMappingForm, rowProblems } from './csv-import.js';
import type { ApiFailure } from './errors.js';

const HEADERS = ['Factuurnummer', 'Klant', 'Factuurdatum', 'Vervaldatum', 'Totaal'];
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};
const MAPPED = { 'map.invoiceNumber': 'Factuurnummer', 'map.debtorName': 'Klant', 'map.issueDate': 'Factuurdatum', 'map.dueDate': 'Vervaldatum', 'map.total': 'Totaal' };
const refusal = (props: Record<string, unknown>): ApiFailure => Object.assign(new Error('refused'), { name: 'TRPCError', code: 'BAD_REQUEST', ...props }) as ApiFailure;

describe('the CSV mapping form', () => {
  it('gives the API input of an invoice import, optional fields left out', () => {
    const read = readMappingForm(form({ ...MAPPED, 'map.vat': '', decimalSeparator: ',', dateFormat: 'DD/MM/YYYY', delimiter: ';', debtorKind: 'consumer' }), 'invoices', HEADERS);
    expect(read).toEqual({
      ok: true,
      values: expect.objectContaining({ 'map.total': 'Totaal', 'map.vat': '' }),
      input: {
        target: 'invoices',
        mapping: { invoiceNumber: 'Factuurnummer', debtorName: 'Klant', issueDate: 'Factuurdatum', dueDate: 'Vervaldatum', total: 'Totaal' },
        decimalSeparator: ',',
        dateFormat: 'DD/MM/YYYY',
        debtorKind: 'consumer',
        delimiter: ';',
      },
    });
  });

  it('refuses a missing required column, a column used twice, a header not in the file and an unknown option, keeping what was chosen', () => {
    const read = readMappingForm(form({ ...MAPPED, 'map.debtorName': '', 'map.vat': 'Totaal', 'map.reference': 'Mededeling', dateFormat: 'MM/DD/YYYY' }), 'invoices', HEADERS);
    expect(read).toEqual({
      ok: false,
      values: expect.objectContaining({ 'map.vat': 'Totaal', 'map.reference': 'Mededeling', dateFormat: 'MM/DD/YYYY' }),
      errors: { 'map.debtorName': 'imports.required', 'map.vat': 'imports.sameColumn', 'map.reference': 'imports.unknownColumn', dateFormat: 'imports.badOption' },
    });
  });

  it('reads the debtor defaults; an empty one is left to the API, a bad country is refused', () => {
    const ok = readMappingForm(form({ 'map.name': 'Klant', defaultKind: '', defaultLanguage: 'fr', defaultCountry: 'be' }), 'debtors', HEADERS);
    expect(ok).toMatchObject({ ok: true, input: { target: 'debtors', mapping: { name: 'Klant' }, delimiter: 'auto', defaultLanguage: 'fr', defaultCountry: 'BE' } });
    expect(ok.ok && 'defaultKind' in ok.input).toBe(false);
    expect(readMappingForm(form({ 'map.name': 'Klant', defaultCountry: 'Belgium' }), 'debtors', HEADERS)).toMatchObject({ ok: false, errors: { defaultCountry: 'imports.badCountry' } });
  });
});

describe('the rows an import refused', () => {
  it('names the line and the column, without repeating them in the message', () => {
    const e = refusal({
      cause: {
        issues: [
          { path: ['line 3', 'Factuurdatum'], message: 'line 3, column "Factuurdatum": not a valid date: "31/02/2025"' },
          { path: ['line 4'], message: 'line 4: the row has 3 fields where the header has 5; check the delimiter and the quotes' },
        ],
      },
    });
    expect(rowProblems(e)).toEqual([
      { line: 3, column: 'Factuurdatum', message: 'not a valid date: "31/02/2025"' },
      { line: 4, column: null, message: 'the row has 3 fields where the header has 5; check the delimiter and the quotes' },
    ]);
  });

  it('is null for a refusal that is not about rows (an input field, a conflict)', () => {
    expect(rowProblems(refusal({ cause: { issues: [{ path: ['mapping', 'total'], message: 'Required' }] } }))).toBeNull();
    expect(rowProblems(refusal({ code: 'CONFLICT', cause: { issues: [{ path: ['line 2'], message: 'x' }] } }))).toBeNull();
    expect(rowProblems(refusal({ message: 'content: the file is not UTF-8 text' }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { importInvoicesCsv } from './importInvoicesCsv.js';
import type { InvoiceImportOptions } from './invoiceTypes.js';
import type { ImportError } from './types.js';

const NL: InvoiceImportOptions = {
  mapping: {
    invoiceNumber: 'Factuurnr',
    debtorName: 'Klant',
    issueDate: 'Datum',
    dueDate: 'Vervaldatum',
    total: 'Bedrag incl',
    vat: 'BTW',
    debtorVat: 'BTW-nummer',
    debtorIban: 'Rekening',
    reference: 'Mededeling',
  },
  decimalSeparator: ',',
  dateFormat: 'DD/MM/YYYY',
};

// A Belgian export as Excel writes it in nl-BE: `;`, decimal comma, day-first dates, CRLF.
const BE_CSV = [
  'Factuurnr;Klant;Datum;Vervaldatum;Bedrag incl;BTW;BTW-nummer;Rekening;Mededeling',
  '2025-001;Bakkerij Peeters;01/03/2025;31/03/2025;1.234,56;214,26;BE 0403.019.261;BE71 0961 2345 6769;+++240/2838/42818+++',
  '2025-002;"Janssens; Zonen & Co";5/3/2025;4/4/2025;-121,00;-21,00;;;Bestelling 77',
  '',
].join('\r\n');

const EN: InvoiceImportOptions = {
  mapping: { invoiceNumber: 'Invoice', debtorName: 'Customer', issueDate: 'Date', dueDate: 'Due', total: 'Total', currency: 'Currency' },
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
};

function errorsOf(result: ReturnType<typeof importInvoicesCsv>): readonly ImportError[] {
  if (result.ok) throw new Error('expected errors, got rows');
  return result.errors;
}

describe('importInvoicesCsv: golden imports', () => {
  it('reads a BE export with ";", decimal comma, DD/MM/YYYY and CRLF into exact values', () => {
    const result = importInvoicesCsv(BE_CSV, NL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.rows;
    expect(first).toMatchObject({
      line: 2,
      invoiceNumber: '2025-001',
      debtorName: 'Bakkerij Peeters',
      issueDate: '2025-03-01',
      dueDate: '2025-03-31',
      currency: 'EUR',
      debtorVat: 'BE0403019261',
      debtorIban: 'BE71096123456769',
      reference: '+++240/2838/42818+++',
      paymentReference: { scheme: 'ogm', electronic: '240283842818' },
    });
    expect(first?.total.toFixed(2)).toBe('1234.56');
    expect(first?.vat?.toFixed(2)).toBe('214.26');
    // A credit note: negative throughout, the quoted name keeps its `;`, a free reference.
    expect(second?.debtorName).toBe('Janssens; Zonen & Co');
    expect(second?.issueDate).toBe('2025-03-05');
    expect(second?.total.toString()).toBe('-121');
    expect(second?.reference).toBe('Bestelling 77');
    expect(second?.paymentReference).toBeUndefined();
    expect(second?.debtorVat).toBeUndefined();
  });

  it('reads an English export with ",", decimal point and thousands commas', () => {
    const csv = 'Invoice,Customer,Date,Due,Total,Currency\nINV-7,"Smith, Jones Ltd",2025-01-15,2025-02-14,"1,234,567.8",usd\n';
    const result = importInvoicesCsv(csv, EN);
    expect(result.ok && result.rows[0]).toMatchObject({ debtorName: 'Smith, Jones Ltd', currency: 'USD', dueDate: '2025-02-14' });
    expect(result.ok && result.rows[0]?.total.toString()).toBe('1234567.8');
  });

  it('strips a UTF-8 byte-order mark from bytes, so the first header still matches', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BE_CSV)]);
    const result = importInvoicesCsv(bytes, NL);
    expect(result.ok && result.rows.map((r) => r.invoiceNumber)).toEqual(['2025-001', '2025-002']);
  });

  it('keeps a quoted name spanning lines and numbers the following rows by their real line', () => {
    const csv = 'Invoice,Customer,Date,Due,Total\nA1,"Smith\r\nand Sons",2025-01-01,2025-01-31,10.00\r\nA2,,2025-01-01,2025-01-31,5\r\n';
    const errors = errorsOf(importInvoicesCsv(csv, { ...EN, mapping: { ...EN.mapping, currency: undefined } }));
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 'Customer', code: 'REQUIRED' })]);
  });

  it('reads Windows-1252 bytes when told so', () => {
    const header = new TextEncoder().encode('Invoice,Customer,Date,Due,Total\nA1,Caf');
    const rest = new TextEncoder().encode(' Ren,2025-01-01,2025-01-31,10\n');
    const bytes = new Uint8Array([...header, 0xe9, ...rest]);
    const mapping = { ...EN.mapping, currency: undefined };
    const result = importInvoicesCsv(bytes, { ...EN, mapping, encoding: 'windows-1252' });
    expect(result.ok && result.rows[0]?.debtorName).toBe('Café Ren');
  });
});

describe('importInvoicesCsv: every bad row reported, nothing returned', () => {
  it('names line, column and value for each bad cell, and returns no rows', () => {
    const csv = [
      'Factuurnr;Klant;Datum;Vervaldatum;Bedrag incl;BTW;BTW-nummer;Rekening;Mededeling',
      '1;Peeters;01/03/2025;31/03/2025;100,00;;;;',
      '2;Janssens;31/02/2025;31/03/2025;1234.56;;BE0403019262;;',
      '3;;01/03/2025;28/02/2025;10,001;;;BE71 0961 2345 6760;+++240/2838/42819+++',
      '1;Duplicate;01/03/2025;31/03/2025;50,00;60,00;;;',
    ].join('\n');
    const errors = errorsOf(importInvoicesCsv(csv, NL));
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Datum', 'INVALID_DATE'],
      [3, 'Bedrag incl', 'INVALID_AMOUNT'],
      [3, 'BTW-nummer', 'INVALID_VAT_NUMBER'],
      [4, 'Klant', 'REQUIRED'],
      [4, 'Bedrag incl', 'INVALID_AMOUNT'],
      [4, 'Rekening', 'INVALID_IBAN'],
      [4, 'Mededeling', 'INVALID_REFERENCE'],
      [4, 'Vervaldatum', 'INCONSISTENT'],
      [5, 'BTW', 'INCONSISTENT'],
      [5, 'Factuurnr', 'DUPLICATE'],
    ]);
    expect(errors[0]).toMatchObject({ value: '31/02/2025', message: 'line 3, column "Datum": "31/02/2025" is not a day of the calendar' });
    expect(errors[1]?.message).toBe('line 3, column "Bedrag incl": "1234.56" is not an amount in the 1.234,56 style');
    expect(errors[4]?.message).toContain('more than 2 decimals');
    expect(errors[9]?.message).toBe('line 5, column "Factuurnr": invoice number "1" also appears on line 2');
  });

  it('reports a mapped column missing from the header once, on the header line', () => {
    const csv = 'Factuurnr;Klant;Datum;Vervaldatum;Totaal\n1;A;01/03/2025;31/03/2025;1,00\n';
    const errors = errorsOf(importInvoicesCsv(csv, { ...NL, mapping: { ...NL.mapping, vat: undefined, debtorVat: undefined, debtorIban: undefined, reference: undefined } }));
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: 'Bedrag incl', code: 'MISSING_COLUMN' })]);
  });

  it('flags a row with too few fields, and tolerates a trailing delimiter', () => {
    const csv = 'Invoice,Customer,Date,Due,Total\nA1,X,2025-01-01,2025-01-31,1,\nA2,X,2025-01-01\nA3,X,2025-01-01,2025-01-31,1,surplus\n';
    const errors = errorsOf(importInvoicesCsv(csv, { ...EN, mapping: { ...EN.mapping, currency: undefined } }));
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'FIELD_COUNT'],
      [4, 'FIELD_COUNT'],
    ]);
  });

  it('matches header names regardless of case and surrounding spaces', () => {
    const csv = ' invoice ,CUSTOMER,date,due,total\nA1,X,2025-01-01,2025-01-31,1\n';
    const result = importInvoicesCsv(csv, { ...EN, mapping: { ...EN.mapping, currency: undefined } });
    expect(result.ok).toBe(true);
  });
});

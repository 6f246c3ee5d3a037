import { money, type Money } from '@fact/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv/readCsv.js';
import { isSpreadsheetError } from '../errors/SpreadsheetError.js';
import type { ExportColumn } from './columns.js';
import { restoreNeutralised } from './neutralise.js';
import { toCsv } from './toCsv.js';
import { toXlsx, xlsxSheet } from './toXlsx.js';

interface OpenItem {
  debtor: string;
  invoice: string;
  open: Money;
  dueDate: string;
  daysLate: number | null;
}

const MALICIOUS = '=HYPERLINK("http://x","click")';

const ITEMS: OpenItem[] = [
  { debtor: MALICIOUS, invoice: '2025-001', open: money('1234.5'), dueDate: '2025-03-31', daysLate: 12 },
  { debtor: 'Janssens; "Zonen"\nGent', invoice: '-2025-002', open: money('-121'), dueDate: '2025-04-04', daysLate: null },
  { debtor: "'t Hoekske", invoice: '+3', open: money('0.07'), dueDate: '2024-02-29', daysLate: 0 },
];

const COLUMNS: ExportColumn<OpenItem>[] = [
  { kind: 'text', header: 'Klant', value: (r) => r.debtor },
  { kind: 'text', header: 'Factuur', value: (r) => r.invoice },
  { kind: 'money', header: 'Open', value: (r) => r.open },
  { kind: 'date', header: 'Vervaldatum', value: (r) => r.dueDate },
  { kind: 'integer', header: 'Dagen te laat', value: (r) => r.daysLate },
];

describe('toCsv', () => {
  it('neutralises the malicious name and leading signs in text, keeps negative amounts numbers', () => {
    const csv = toCsv(COLUMNS, ITEMS, { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Klant,Factuur,Open,Vervaldatum,Dagen te laat');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""click"")",2025-001,1234.50,2025-03-31,12`);
    expect(csv).toContain(`'-2025-002,-121.00,2025-04-04,\r\n`);
    expect(lines.at(-2)).toBe(`''t Hoekske,'+3,0.07,2024-02-29,0`);
  });

  it('round-trips through a CSV parser: same texts after restoring the prefix, exact amounts', () => {
    const table = readCsv(toCsv(COLUMNS, ITEMS, { delimiter: ';', decimalSeparator: ',' }));
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(COLUMNS.map((c) => c.header));
    expect(table.rows.map((r) => r.cells.slice(0, 2).map(restoreNeutralised))).toEqual(ITEMS.map((i) => [i.debtor, i.invoice]));
    expect(table.rows.map((r) => r.cells[2])).toEqual(['1234,50', '-121,00', '0,07']);
    // No text cell of the file starts a formula.
    for (const row of table.rows) for (const cell of row.cells.slice(0, 2)) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
  });

  it('starts with a UTF-8 byte-order mark by default, for Excel', () => {
    expect(toCsv(COLUMNS, [], {}).startsWith('\uFEFFKlant,')).toBe(true);
  });

  it('refuses a fraction of a cent, a non-date and a shared delimiter, naming row and column', () => {
    const bad: ExportColumn<{ v: string }>[] = [{ kind: 'money', header: 'Bedrag', value: (r) => r.v }];
    expect(() => toCsv(bad, [{ v: '1.00' }, { v: '1.005' }])).toThrow('row 2, column "Bedrag": 1.005 has a fraction of a cent');
    const dates: ExportColumn<{ v: string }>[] = [{ kind: 'date', header: 'Datum', value: (r) => r.v }];
    expect(() => toCsv(dates, [{ v: '31/03/2025' }])).toThrow(/row 1, column "Datum"/);
    try {
      toCsv(COLUMNS, ITEMS, { delimiter: ',', decimalSeparator: ',' });
      expect.unreachable();
    } catch (e) {
      expect(isSpreadsheetError(e, 'INVALID_OPTION')).toBe(true);
    }
  });
});

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  it('writes the malicious name as a string cell, never a formula, and keeps it exact', async () => {
    const workbook = await readBack(await toXlsx([xlsxSheet('Openstaand', COLUMNS, ITEMS)]));
    const cell = workbook.getWorksheet('Openstaand')?.getCell('A2');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe(MALICIOUS);
  });

  it('reads back headers, texts, money as 2-decimal numbers, dates as date cells, integers', async () => {
    const workbook = await readBack(await toXlsx([xlsxSheet('Openstaand', COLUMNS, ITEMS), xlsxSheet('Leeg', COLUMNS, [])]));
    const sheet = workbook.getWorksheet('Openstaand');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Klant', 'Factuur', 'Open', 'Vervaldatum', 'Dagen te laat']);
    const second = sheet?.getRow(3);
    expect(second?.getCell(1).value).toBe('Janssens; "Zonen"\nGent');
    expect(second?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(second?.getCell(2).value).toBe('-2025-002');
    expect(second?.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(second?.getCell(3).value).toBe(-121);
    expect(second?.getCell(3).numFmt).toBe('#,##0.00');
    expect(second?.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    expect((second?.getCell(4).value as Date).toISOString()).toBe('2025-04-04T00:00:00.000Z');
    expect(second?.getCell(5).value).toBeNull();
    expect(sheet?.getCell('C2').value).toBe(1234.5);
    expect(sheet?.getCell('D4').value).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(sheet?.getCell('E2').value).toBe(12);
    expect(workbook.getWorksheet('Leeg')?.rowCount).toBe(1);
  });

  it('refuses text XML cannot carry, bad sheet names and duplicate sheets instead of altering them', async () => {
    const text: ExportColumn<string>[] = [{ kind: 'text', header: 'Naam', value: (s) => s }];
    await expect(toXlsx([xlsxSheet('S', text, ['ok', 'bell\u0007'])])).rejects.toThrow('sheet "S", row 2, column "Naam"');
    await expect(toXlsx([xlsxSheet('S', text, ['x\uD800'])])).rejects.toMatchObject({ code: 'INVALID_EXPORT_VALUE' });
    expect(() => xlsxSheet('a/b', text, [])).toThrow(/not a valid sheet name/);
    expect(() => xlsxSheet('x'.repeat(32), text, [])).toThrow(/not a valid sheet name/);
    await expect(toXlsx([xlsxSheet('S', text, []), xlsxSheet('s', text, [])])).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    const big: ExportColumn<string>[] = [{ kind: 'money', header: 'Bedrag', value: (s) => s }];
    await expect(toXlsx([xlsxSheet('S', big, ['12345678901234.56'])])).rejects.toThrow(/more digits than an Excel number/);
  });
});

import { describe, expect, it } from 'vitest';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';
import { detectDelimiter } from './delimiter.js';
import { readCsv } from './readCsv.js';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

function thrown(f: () => unknown): SpreadsheetError {
  try {
    f();
  } catch (e) {
    if (e instanceof SpreadsheetError) return e;
    throw e;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('readCsv', () => {
  it('refuses invalid UTF-8, naming the line that holds it', () => {
    const bytes = new Uint8Array([...utf8('Naam;Stad\r\nPeeters;Gent\r\nCaf'), 0xe9, ...utf8(';Luik\r\n')]);
    const e = thrown(() => readCsv(bytes));
    expect([e.code, e.line]).toEqual(['INVALID_ENCODING', 3]);
    expect(e.message).toMatch(/^line 3: .*windows-1252/);
  });

  it('reads UTF-16LE with its byte-order mark (Excel "Unicode text")', () => {
    const text = 'Naam\tStad\r\nCafé\tLiège\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    [...text].forEach((ch, i) => le.set([ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8], 2 + i * 2));
    const table = readCsv(le);
    expect(table.delimiter).toBe('\t');
    expect(table.rows[0]?.cells).toEqual(['Café', 'Liège']);
  });

  it('refuses a file over the byte or row limit with FILE_TOO_LARGE', () => {
    expect(thrown(() => readCsv('a\n1\n', { limits: { maxBytes: 3 } })).code).toBe('FILE_TOO_LARGE');
    const e = thrown(() => readCsv('a\n1\n2\n3\n', { limits: { maxRows: 2 } }));
    expect([e.code, e.line]).toEqual(['FILE_TOO_LARGE', 4]);
    expect(readCsv('a\n1\n2\n', { limits: { maxRows: 2 } }).rows).toHaveLength(2);
  });

  it('points an unclosed quote at the row that opened it', () => {
    const e = thrown(() => readCsv('a;b\n1;2\n3;"open\n4;5\n6;7\n'));
    expect([e.code, e.line]).toEqual(['INVALID_CSV', 3]);
  });

  it('refuses text after a closing quote with INVALID_CSV and its line', () => {
    const e = thrown(() => readCsv('a,b\n1,2\n"x"y,3\n'));
    expect([e.code, e.line]).toEqual(['INVALID_CSV', 3]);
  });

  it('refuses empty files, header-only files and workbooks', () => {
    expect(thrown(() => readCsv('\uFEFF\r\n\r\n')).code).toBe('EMPTY_FILE');
    expect(thrown(() => readCsv('a;b\r\n;\r\n')).code).toBe('EMPTY_FILE');
    expect(thrown(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).message).toMatch(/xlsx/);
  });

  it('numbers rows by their line with LF, CRLF and old-Mac CR, skipping blank rows', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const table = readCsv(['', 'a;b', '1;"x', 'y"', ';', '2;z', ''].join(eol));
      expect(table.headerLine).toBe(2);
      expect(table.rows).toEqual([
        { line: 3, cells: ['1', 'x\ny'] },
        { line: 6, cells: ['2', 'z'] },
      ]);
    }
  });
});

describe('detectDelimiter', () => {
  it('picks the separator of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('"Naam, voornaam";Bedrag;BTW\n')).toBe(';');
    expect(detectDelimiter('Invoice,Customer,"A;B"\n')).toBe(',');
    expect(detectDelimiter('Naam\tBedrag\n')).toBe('\t');
    expect(detectDelimiter('\n\nNaam\n')).toBe(',');
  });
});

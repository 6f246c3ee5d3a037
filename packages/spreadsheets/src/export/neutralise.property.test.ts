import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from './columns.js';
import { FORMULA_TRIGGERS, neutraliseFormula, restoreNeutralised, startsFormula } from './neutralise.js';
import { toCsv } from './toCsv.js';

// Strings biased towards the dangerous starts, quotes, delimiters and line breaks.
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string(),
  fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS, "'", '"', ';', ',', '\n', ' '), fc.string()).map(([a, b]) => a + b),
);

const COLUMNS: ExportColumn<{ text: string; n: number }>[] = [
  { kind: 'text', header: 'Text', value: (r) => r.text },
  { kind: 'integer', header: 'N', value: (r) => r.n },
];

describe('formula neutralisation (properties)', () => {
  it('is reversible and never leaves a formula start', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const cell = neutraliseFormula(s);
        expect(restoreNeutralised(cell)).toBe(s);
        expect(startsFormula(cell)).toBe(false);
      }),
    );
  });

  it('any text written to CSV and parsed back is the same after restoring, and never starts a formula', () => {
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\r\n', '\n'), (texts, delimiter, lineEnding) => {
        const csv = toCsv(COLUMNS, texts.map((text, n) => ({ text, n })), { delimiter, lineEnding, decimalSeparator: delimiter === ',' ? '.' : ',' });
        const records = parse(csv, { delimiter, bom: true }) as string[][];
        expect(records).toHaveLength(texts.length + 1);
        records.slice(1).forEach((record, i) => {
          expect(record[0] !== undefined && startsFormula(record[0])).toBe(false);
          expect(restoreNeutralised(record[0] ?? '')).toBe(texts[i]);
          expect(record[1]).toBe(String(i));
        });
      }),
      { numRuns: 300 },
    );
  });
});

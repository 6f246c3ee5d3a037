import type { Mutator } from './bytes.js';
import { matchesOf, textMutator, utf8AsLatin1 } from './text.js';
import { HOSTILE_VALUES } from './xml.js';

/** Cell values that test CSV readers and value parsers: formulas, quotes, separators, odd numbers. */
export const HOSTILE_CELLS: readonly string[] = [
  ...HOSTILE_VALUES,
  '=cmd|\' /C calc\'!A0',
  '+1+1',
  '@SUM(A1)',
  '"',
  '""',
  '"a"b',
  'a;b',
  'a,b',
  'line\nbreak',
  '\t-1',
  '31/02/2025',
  '29/02/2024',
  '1.234.567,891',
  '€ 12,50',
  '12,50-',
  '(12,50)',
];

/** Replaces the content of one cell (between separators) with a hostile value. @example csvCellReplace.apply(csv, rng, csv) */
export const csvCellReplace: Mutator = textMutator('csvCellReplace', (text, rng) => {
  const cells = matchesOf(text, /(?<=^|[;,\t\n])[^;,\t\n]*/g);
  if (cells.length === 0) return text;
  const cell = rng.pick(cells);
  return text.slice(0, cell.index) + utf8AsLatin1(rng.pick(HOSTILE_CELLS)) + text.slice(cell.index + cell.text.length);
});

/** Inserts a quote character somewhere (unbalanced quoting). @example csvQuote.apply(csv, rng, csv) */
export const csvQuote: Mutator = textMutator('csvQuote', (text, rng) => {
  const at = rng.int(text.length + 1);
  return text.slice(0, at) + rng.pick(['"', '""', '"\n', '\n"', "'"]) + text.slice(at);
});

/** Swaps the separator of the file for another one on some or all lines. @example csvDelimiterSwap.apply(csv, rng, csv) */
export const csvDelimiterSwap: Mutator = textMutator('csvDelimiterSwap', (text, rng) => {
  const from = rng.pick([';', ',', '\t']);
  const to = rng.pick([';', ',', '\t', '|', '']);
  return rng.chance(0.5) ? text.split(from).join(to) : text.replace(from, to);
});

/** Repeats a row 1–100 times or adds up to 500 columns to one line (larger files have their own scaling tests). @example csvGrow.apply(csv, rng, csv) */
export const csvGrow: Mutator = textMutator('csvGrow', (text, rng) => {
  const lines = text.split('\n');
  const i = rng.int(lines.length);
  if (rng.chance(0.5)) {
    const copies = Array.from({ length: rng.between(1, 100) }, () => lines[i] ?? '');
    return [...lines.slice(0, i + 1), ...copies, ...lines.slice(i + 1)].join('\n');
  }
  lines[i] = (lines[i] ?? '') + ';x'.repeat(rng.between(1, 500));
  return lines.join('\n');
});

/** Every CSV-aware operator. */
export const CSV_MUTATORS: readonly Mutator[] = [csvCellReplace, csvQuote, csvDelimiterSwap, csvGrow];

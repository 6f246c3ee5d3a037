import type { Mutator } from './bytes.js';
import type { Rng } from './rng.js';
import { textMutator } from './text.js';

/** CODA record length (Febelfin): every line is 128 characters. */
export const CODA_RECORD_LENGTH = 128;

/** Splits CODA text into records, remembering the line ending used. */
function records(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { lines: text.split(eol), eol };
}

function lineMutator(name: string, edit: (lines: string[], rng: Rng, donor: string[]) => string[]): Mutator {
  return textMutator(name, (text, rng, donor) => {
    const { lines, eol } = records(text);
    return edit(lines, rng, records(donor).lines).join(eol);
  });
}

function indexOf(lines: readonly string[], rng: Rng): number {
  return rng.int(Math.max(1, lines.length));
}

/** Repeats one record 1–20 times (a movement booked twice, a repeated header). @example codaDuplicateRecord.apply(coda, rng, coda) */
export const codaDuplicateRecord: Mutator = lineMutator('codaDuplicateRecord', (lines, rng) => {
  const i = indexOf(lines, rng);
  const copies = Array.from({ length: rng.between(1, 20) }, () => lines[i] ?? '');
  return [...lines.slice(0, i + 1), ...copies, ...lines.slice(i + 1)];
});

/** Deletes one record (a lost 21, 22, 23, 8 or 9). @example codaDeleteRecord.apply(coda, rng, coda) */
export const codaDeleteRecord: Mutator = lineMutator('codaDeleteRecord', (lines, rng) => {
  const i = indexOf(lines, rng);
  return [...lines.slice(0, i), ...lines.slice(i + 1)];
});

/** Swaps two records (order broken). @example codaSwapRecords.apply(coda, rng, coda) */
export const codaSwapRecords: Mutator = lineMutator('codaSwapRecords', (lines, rng) => {
  const out = [...lines];
  const a = indexOf(out, rng);
  const b = indexOf(out, rng);
  [out[a], out[b]] = [out[b] ?? '', out[a] ?? ''];
  return out;
});

/** Shortens or lengthens one record (not 128 characters any more). @example codaRecordLength.apply(coda, rng, coda) */
export const codaRecordLength: Mutator = lineMutator('codaRecordLength', (lines, rng) => {
  const out = [...lines];
  const i = indexOf(out, rng);
  const line = out[i] ?? '';
  out[i] = rng.chance(0.5) ? line.slice(0, rng.int(line.length)) : line + ' '.repeat(rng.between(1, 64));
  return out;
});

/**
 * Rewrites characters inside one record while keeping it 128 characters long, so the parser
 * goes past the length check into field decoding: digits to other digits (amounts, dates,
 * counts, the sign at position 32), digits to letters or spaces, the record type and article
 * codes.
 *
 * @example
 * ```ts
 * codaFieldEdit.apply(coda, new Rng(3), coda);
 * ```
 */
export const codaFieldEdit: Mutator = lineMutator('codaFieldEdit', (lines, rng) => {
  const out = [...lines];
  const i = indexOf(out, rng);
  const line = out[i] ?? '';
  if (line.length === 0) return out;
  const from = rng.chance(0.3) ? rng.pick([0, 1, 31, 32, 47, 115, 127]) : rng.int(line.length);
  const len = Math.min(line.length - from, rng.between(1, 15));
  const replacement = Array.from({ length: len }, () => (rng.chance(0.8) ? String(rng.int(10)) : rng.pick([' ', 'A', '-', '+', '.', ',', 'é', '\u0000']))).join('');
  out[i] = line.slice(0, from) + replacement + line.slice(from + len);
  return out;
});

/** Replaces one record by a record of another file (or of the same one). @example codaForeignRecord.apply(coda, rng, otherCoda) */
export const codaForeignRecord: Mutator = lineMutator('codaForeignRecord', (lines, rng, donor) => {
  const out = [...lines];
  out[indexOf(out, rng)] = donor[indexOf(donor, rng)] ?? '';
  return out;
});

/** Mixes line endings or drops the final one. @example codaLineEndings.apply(coda, rng, coda) */
export const codaLineEndings: Mutator = textMutator('codaLineEndings', (text, rng) => {
  switch (rng.int(4)) {
    case 0:
      return text.replace(/\r\n/g, '\n');
    case 1:
      return text.replace(/\r?\n/g, '\r');
    case 2:
      return text.replace(/\r?\n$/, '');
    default:
      return text.replace(/\r?\n/, '\n\n');
  }
});

/** Every CODA-aware operator. */
export const CODA_MUTATORS: readonly Mutator[] = [
  codaDuplicateRecord,
  codaDeleteRecord,
  codaSwapRecords,
  codaRecordLength,
  codaFieldEdit,
  codaForeignRecord,
  codaLineEndings,
];

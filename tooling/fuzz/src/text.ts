import { Buffer } from 'node:buffer';
import type { Mutator } from './bytes.js';
import type { Rng } from './rng.js';

/**
 * Builds a mutator that works on text. Bytes are mapped one-to-one to characters (latin1), so
 * multi-byte UTF-8 sequences survive untouched unless an edit lands inside one; inserted text
 * is UTF-8 encoded first, so the result is what a file holding that text would contain.
 *
 * @example
 * ```ts
 * const upper = textMutator('upper', (text) => text.toUpperCase());
 * ```
 */
export function textMutator(name: string, edit: (text: string, rng: Rng, donor: string) => string): Mutator {
  return {
    name,
    apply(input, rng, donor) {
      const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
      const donorText = Buffer.from(donor.buffer, donor.byteOffset, donor.byteLength).toString('latin1');
      return new Uint8Array(Buffer.from(edit(text, rng, donorText), 'latin1'));
    },
  };
}

/** UTF-8 text as the latin1 string of its bytes, for inserting into a {@link textMutator} text. @example utf8AsLatin1('é') // "Ã©" */
export function utf8AsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Positions of every match of a global regular expression. @example matchesOf('<a><b>', /</g) // [0, 3] */
export function matchesOf(text: string, pattern: RegExp): { index: number; text: string; groups: string[] }[] {
  const found: { index: number; text: string; groups: string[] }[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m !== null && found.length < 10_000; m = re.exec(text)) {
    found.push({ index: m.index, text: m[0], groups: m.slice(1).map((g) => g ?? '') });
    if (m[0] === '') re.lastIndex++;
  }
  return found;
}

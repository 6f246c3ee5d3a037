import type { Rng } from './rng.js';

/**
 * A mutation operator: takes the input (and a second "donor" input for splicing) and returns a
 * new array; the input is never modified. `name` appears in failure reports.
 */
export interface Mutator {
  readonly name: string;
  apply(input: Uint8Array, rng: Rng, donor: Uint8Array): Uint8Array;
}

/** Bytes that tend to matter to parsers: NUL, high bit, markup, separators, line ends, signs. */
export const INTERESTING_BYTES: readonly number[] = [
  0x00, 0xff, 0x7f, 0x80, 0xc3, 0xef, 0xbb, 0xbf, 0x3c, 0x3e, 0x26, 0x22, 0x27, 0x3b, 0x2c, 0x09, 0x0a, 0x0d, 0x2d, 0x2b, 0x2e, 0x30, 0x39, 0x20, 0x3d, 0x40, 0x5c, 0x2f,
];

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Flips one bit. @example bitFlip.apply(bytes, rng, bytes) */
export const bitFlip: Mutator = {
  name: 'bitFlip',
  apply(input, rng) {
    if (input.length === 0) return new Uint8Array([rng.int(256)]);
    const out = new Uint8Array(input);
    const at = rng.int(out.length);
    out[at] = (out[at] ?? 0) ^ (1 << rng.int(8));
    return out;
  },
};

/** Overwrites one byte with an interesting or a random value. @example byteSet.apply(bytes, rng, bytes) */
export const byteSet: Mutator = {
  name: 'byteSet',
  apply(input, rng) {
    if (input.length === 0) return new Uint8Array([rng.pick(INTERESTING_BYTES)]);
    const out = new Uint8Array(input);
    out[rng.int(out.length)] = rng.chance(0.7) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
    return out;
  },
};

/** Inserts 1–16 interesting or random bytes. @example byteInsert.apply(bytes, rng, bytes) */
export const byteInsert: Mutator = {
  name: 'byteInsert',
  apply(input, rng) {
    const at = rng.int(input.length + 1);
    const extra = Uint8Array.from({ length: rng.between(1, 16) }, () => (rng.chance(0.6) ? rng.pick(INTERESTING_BYTES) : rng.int(256)));
    return concat(input.subarray(0, at), extra, input.subarray(at));
  },
};

/** Deletes a run of 1–64 bytes. @example byteDelete.apply(bytes, rng, bytes) */
export const byteDelete: Mutator = {
  name: 'byteDelete',
  apply(input, rng) {
    if (input.length === 0) return new Uint8Array(0);
    const at = rng.int(input.length);
    const len = rng.between(1, Math.min(64, input.length - at));
    return concat(input.subarray(0, at), input.subarray(at + len));
  },
};

/** Copies a chunk (up to 4 KiB) and inserts it 1–8 times somewhere else. @example chunkDuplicate.apply(bytes, rng, bytes) */
export const chunkDuplicate: Mutator = {
  name: 'chunkDuplicate',
  apply(input, rng) {
    if (input.length === 0) return new Uint8Array(0);
    const from = rng.int(input.length);
    const len = rng.between(1, Math.min(4096, input.length - from));
    const chunk = input.subarray(from, from + len);
    const at = rng.int(input.length + 1);
    const copies = Array.from({ length: rng.between(1, 8) }, () => chunk);
    return concat(input.subarray(0, at), ...copies, input.subarray(at));
  },
};

/** Cuts the input at a random point (a file cut off by an interrupted upload). @example truncate.apply(bytes, rng, bytes) */
export const truncate: Mutator = {
  name: 'truncate',
  apply(input, rng) {
    return input.slice(0, rng.int(input.length + 1));
  },
};

/** The head of the input followed by the tail of the donor (two fixtures spliced). @example splice.apply(a, rng, b) */
export const splice: Mutator = {
  name: 'splice',
  apply(input, rng, donor) {
    return concat(input.subarray(0, rng.int(input.length + 1)), donor.subarray(rng.int(donor.length + 1)));
  },
};

/** Replaces one ASCII digit with another digit, a sign, a point or a comma (amounts, dates, counts). @example digitTweak.apply(bytes, rng, bytes) */
export const digitTweak: Mutator = {
  name: 'digitTweak',
  apply(input, rng) {
    const out = new Uint8Array(input);
    for (let tries = 0; tries < 16 && out.length > 0; tries++) {
      const at = rng.int(out.length);
      const b = out[at] ?? 0;
      if (b < 0x30 || b > 0x39) continue;
      out[at] = rng.chance(0.8) ? 0x30 + rng.int(10) : rng.pick([0x2d, 0x2b, 0x2e, 0x2c, 0x20, 0x41]);
      return out;
    }
    return out;
  },
};

/** Every byte-level operator. */
export const BYTE_MUTATORS: readonly Mutator[] = [bitFlip, byteSet, byteInsert, byteDelete, chunkDuplicate, truncate, splice, digitTweak];

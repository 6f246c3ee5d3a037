import fc from 'fast-check';
import type { Mutator } from './bytes.js';
import { Rng } from './rng.js';

/** A fuzz case: the bytes and how they were made, so a failure can be replayed and read. */
export interface FuzzCase {
  readonly bytes: Uint8Array;
  /** `fixture-name <- op1, op2 …` (seeded; the same seed gives the same bytes). */
  readonly recipe: string;
}

/**
 * A case that fast-check prints as its recipe and size rather than as every byte, so a failure
 * report stays readable (the recipe and FUZZ_SEED replay it).
 *
 * @example
 * ```ts
 * fuzzCase(bytes, 'peppol/base-example.xml <- bitFlip');
 * ```
 */
export function fuzzCase(bytes: Uint8Array, recipe: string): FuzzCase {
  return { bytes, recipe, [fc.toStringMethod]: () => `${recipe} [${bytes.length} bytes]` } as FuzzCase;
}

/** A named seed input (a real fixture, read at test time). */
export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Applies `count` operators chosen by a seeded generator, one after the other, to a seed input.
 * Deterministic: the same arguments always give the same bytes. The input is never modified.
 *
 * @example
 * ```ts
 * const out = mutate(fixtureBytes, { seed: 7, count: 3, mutators: BYTE_MUTATORS, donor: otherBytes });
 * ```
 */
export function mutate(
  input: Uint8Array,
  options: { seed: number; count: number; mutators: readonly Mutator[]; donor?: Uint8Array; maxBytes?: number },
): { bytes: Uint8Array; applied: string[] } {
  const rng = new Rng(options.seed);
  const limit = options.maxBytes ?? 4 * 1024 * 1024;
  let bytes = input;
  const applied: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const op = rng.pick(options.mutators);
    const next = op.apply(bytes, rng, options.donor ?? input);
    // Keep cases small enough to run thousands per minute; size limits have their own tests.
    if (next.length > limit) continue;
    bytes = next;
    applied.push(op.name);
  }
  return { bytes, applied };
}

/**
 * A fast-check arbitrary of mutated seeds: picks a seed input, a donor (for splicing), a
 * mutation seed and 1–`maxOps` operators. Shrinking reduces the number of operators and moves
 * towards the first seed input.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(mutatedSeeds(seeds, XML_MUTATORS), (c) => { parseUbl(c.bytes); }));
 * ```
 */
export function mutatedSeeds(seeds: readonly Seed[], mutators: readonly Mutator[], maxOps = 6): fc.Arbitrary<FuzzCase> {
  if (seeds.length === 0) throw new Error('mutatedSeeds: no seed inputs');
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      donor: fc.nat({ max: seeds.length - 1 }),
      mutation: fc.integer({ min: 0, max: 0x7fffffff }),
      count: fc.integer({ min: 1, max: maxOps }),
    })
    .map(({ seed, donor, mutation, count }) => {
      const base = seeds[seed]!;
      const other = seeds[donor]!;
      const { bytes, applied } = mutate(base.bytes, { seed: mutation, count, mutators, donor: other.bytes });
      return fuzzCase(bytes, `${base.name} (donor ${other.name}, seed ${mutation}) <- ${applied.join(', ')}`);
    });
}

/**
 * Random bytes, and random printable text, as fuzz cases (the "no structure at all" share).
 *
 * @example
 * ```ts
 * fc.sample(randomInputs(512), 1);
 * ```
 */
export function randomInputs(maxLength = 1024): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc.uint8Array({ maxLength }).map((bytes) => fuzzCase(bytes, `random bytes (${bytes.length})`)),
    fc.string({ maxLength, unit: 'binary' }).map((s) => fuzzCase(new TextEncoder().encode(s), `random text (${s.length})`)),
  );
}

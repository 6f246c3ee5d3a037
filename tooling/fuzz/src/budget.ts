/** Cases per parser when FUZZ_RUNS is not set: what CI runs. */
export const DEFAULT_FUZZ_RUNS = 10_000;

/** The seed of CI runs: fixed, so a red build is reproducible. `pnpm fuzz` picks a fresh one. */
export const DEFAULT_FUZZ_SEED = 20_250_801;

/**
 * How many cases a fuzz property runs: `FUZZ_RUNS` from the environment (a positive integer),
 * else `fallback`.
 *
 * @example
 * ```ts
 * fc.assert(property, { numRuns: fuzzRuns() }); // 10,000 in CI, 100,000 under `pnpm fuzz`
 * ```
 */
export function fuzzRuns(fallback = DEFAULT_FUZZ_RUNS, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * The fast-check seed: `FUZZ_SEED` from the environment, else {@link DEFAULT_FUZZ_SEED}.
 *
 * @example
 * ```ts
 * fc.assert(property, { numRuns: fuzzRuns(), seed: fuzzSeed() });
 * ```
 */
export function fuzzSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_FUZZ_SEED;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got "${raw}"`);
  return n | 0;
}

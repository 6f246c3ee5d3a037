/**
 * Runs `fn` and returns the CPU time it used in milliseconds (user + system), with its result.
 * The fuzz tests' "no hang over one second" is a CPU budget: wall time on a shared 2-core CI
 * machine also counts the other suites running beside it, CPU time does not.
 *
 * @example
 * ```ts
 * const { ms } = cpuTime(() => parseUbl(xml));
 * expect(ms).toBeLessThan(MAX_CASE_MS);
 * ```
 */
export function cpuTime<T>(fn: () => T): { ms: number; value: T } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, value };
}

/**
 * Like {@link cpuTime}, for a call that may throw: returns the thrown value instead of raising it.
 *
 * @example
 * ```ts
 * const { ms, thrown } = cpuTimeSettled(() => parseUbl(hostile));
 * ```
 */
export function cpuTimeSettled(fn: () => unknown): { ms: number; thrown: unknown } {
  const before = process.cpuUsage();
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, thrown };
}

import { Buffer } from 'node:buffer';
import type { FuzzCase } from './mutate.js';
import { FuzzStats } from './stats.js';
import type { WriteWatch } from './writes.js';

/** An error class a parser is allowed to throw, with the field that names why. */
export interface AllowedError {
  new (...args: never[]): Error;
}

/** The budget of one parse: a file must be answered (parsed or refused) within a second. */
export const MAX_CASE_MS = 1000;

/** Why a fuzz case failed the property. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}

/**
 * Walks a parse result and throws when a number is NaN or infinite, or a decimal.js value is not
 * finite: the house rule is that nothing returns NaN or Infinity.
 *
 * @example
 * ```ts
 * assertAllFinite(parseUbl(bytes)); // throws FuzzFailure at "lines[2].quantity"
 * ```
 */
export function assertAllFinite(value: unknown, path = '$', seen = new Set<unknown>()): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FuzzFailure(`${path} is ${value}`);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const maybeDecimal = value as { isFinite?: unknown; isNaN?: unknown; toString(): string };
  if (typeof maybeDecimal.isFinite === 'function' && typeof maybeDecimal.isNaN === 'function') {
    if (!(maybeDecimal.isFinite as () => boolean).call(value)) throw new FuzzFailure(`${path} is ${maybeDecimal.toString()}`);
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new FuzzFailure(`${path} is an invalid Date`);
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  for (const [key, child] of Object.entries(value)) assertAllFinite(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, seen);
}

/** Options of {@link fuzzParser}. */
export interface FuzzParserOptions<T> {
  readonly name: string;
  /** The parser under test, called with a copy-checked input. */
  readonly parse: (bytes: Uint8Array) => T;
  /** Errors the parser may throw; anything else fails the case. */
  readonly allowed: readonly AllowedError[];
  /** Extra checks on a successful result. */
  readonly check?: (result: T) => void;
  /** Armed around every parse: no file-system write may happen. */
  readonly writes?: WriteWatch;
  /** Per-case time budget, default {@link MAX_CASE_MS}. */
  readonly maxMs?: number;
}

/**
 * Wraps a parser into a fuzz-case checker for `fc.property`: the parse must return or throw one
 * of the allowed errors, within the time budget, without writing files, without modifying its
 * input, and without NaN or Infinity in the result. Timings and outcomes go into `stats`.
 *
 * @example
 * ```ts
 * const { run, stats } = fuzzParser({ name: 'ubl', parse: parseUbl, allowed: [UblParseError, FactError] });
 * fc.assert(fc.property(cases, run), { numRuns: fuzzRuns(), seed: fuzzSeed() });
 * console.log(stats.report());
 * ```
 */
export function fuzzParser<T>(options: FuzzParserOptions<T>): { run: (c: FuzzCase) => void; stats: FuzzStats } {
  const stats = new FuzzStats(options.name);
  const budget = options.maxMs ?? MAX_CASE_MS;
  const run = (c: FuzzCase) => {
    const before = Buffer.from(c.bytes);
    const writesBefore = options.writes?.calls.length ?? 0;
    let outcome = 'ok';
    let result: T | undefined;
    let thrown: unknown;
    // CPU time, not wall time: other suites share the CI machine (see cpu-time.ts).
    const before_ = process.cpuUsage();
    try {
      result = options.writes ? options.writes.during(() => options.parse(c.bytes)) : options.parse(c.bytes);
    } catch (e) {
      thrown = e;
    }
    const used = process.cpuUsage(before_);
    const ms = (used.user + used.system) / 1000;
    if (thrown !== undefined) {
      const known = options.allowed.some((cls) => thrown instanceof cls);
      const code = (thrown as { code?: unknown }).code;
      outcome = known ? `${(thrown as Error).name}:${String(code)}` : 'UNEXPECTED';
      if (!known) {
        const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}` : String(thrown);
        throw new FuzzFailure(`${options.name} threw an unexpected ${detail}\ninput: ${c.recipe}`);
      }
    } else {
      assertAllFinite(result);
      options.check?.(result as T);
    }
    stats.record(ms, outcome, c.recipe);
    const writes = options.writes?.calls.slice(writesBefore) ?? [];
    if (writes.length > 0) throw new FuzzFailure(`${options.name} wrote to the file system: ${writes.join(', ')} (${c.recipe})`);
    if (!before.equals(Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength))) {
      throw new FuzzFailure(`${options.name} modified its input (${c.recipe})`);
    }
    if (ms > budget) throw new FuzzFailure(`${options.name} took ${ms.toFixed(0)} ms (> ${budget} ms) on ${c.recipe}`);
  };
  return { run, stats };
}

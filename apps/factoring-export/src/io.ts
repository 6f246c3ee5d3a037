import { readFile } from 'node:fs/promises';
import { FactError, parseDate } from '@fact/core';

/** Where the CLI writes; replaced in tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stdout is a terminal (progress bars only then). */
  readonly isTty: boolean;
  /** Today's date where the firm is (the default as-of date). */
  readonly today: () => string;
}

/**
 * The real terminal: stdout/stderr, and today's date in Europe/Brussels.
 *
 * @example
 * ```ts
 * await createProgram(processIo()).parseAsync(process.argv);
 * ```
 */
export function processIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    today: () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()),
  };
}

/**
 * Reads and parses a JSON file; a missing file or broken JSON becomes a `FactError` naming the option.
 *
 * @example
 * ```ts
 * const batch = await readJson('batch.json', '--batch');
 * ```
 */
export async function readJson(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FactError('INVALID_ARGUMENT', `${option}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, option);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FactError('INVALID_ARGUMENT', `${option}: ${path} is not JSON (${(e as Error).message})`, option);
  }
}

/**
 * The as-of date from `--as-of`, or today.
 *
 * @example
 * ```ts
 * asOfDate(options.asOf, io); // "2025-06-30"
 * ```
 */
export function asOfDate(value: string | undefined, io: CliIo): string {
  return parseDate(value ?? io.today(), '--as-of');
}

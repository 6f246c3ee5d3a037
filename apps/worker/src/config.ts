import { join } from 'node:path';
import { createDb, type DbHandle } from '@fact/db';
import { mailChannelFromEnv, renderPool, type RunnerContext } from '@fact/dunning-runner';

/** Where the worker keeps its files, from the environment. */
export interface WorkerPaths {
  outboxDir: string;
  printDir: string;
  dossierDir: string;
  documentsRoot: string;
}

/**
 * Paths under `FACT_DATA_DIR` (default `./data`): `outbox/` (.eml, until SMTP_URL is set),
 * `print/` (daily letter batches), `dossiers/`, `documents/`.
 *
 * @example
 * ```ts
 * workerPaths({ FACT_DATA_DIR: '/var/lib/fact' }).outboxDir; // "/var/lib/fact/outbox"
 * ```
 */
export function workerPaths(env: Record<string, string | undefined>): WorkerPaths {
  const root = env['FACT_DATA_DIR'] ?? './data';
  return { outboxDir: join(root, 'outbox'), printDir: join(root, 'print'), dossierDir: join(root, 'dossiers'), documentsRoot: join(root, 'documents') };
}

/**
 * Opens the database (DATABASE_URL, default SQLite file) and wires a runner context: PDFs are
 * rendered in a pool of worker threads (`FACT_RENDER_THREADS`, default: the cores but one).
 *
 * @example
 * ```ts
 * const { ctx, close } = await openRunner(process.env);
 * ```
 */
export async function openRunner(env: Record<string, string | undefined>, clock: () => Date = () => new Date()): Promise<{ db: DbHandle; ctx: RunnerContext; close: () => Promise<void> }> {
  const db = createDb(env['DATABASE_URL']);
  await db.migrate();
  const paths = workerPaths(env);
  const mail = mailChannelFromEnv(env, paths.outboxDir);
  const threads = env['FACT_RENDER_THREADS'] ? Number(env['FACT_RENDER_THREADS']) : undefined;
  const renderer = renderPool(threads ? { threads } : {});
  const ctx: RunnerContext = { db, clock, mail, printDir: paths.printDir, dossierDir: paths.dossierDir, documentsRoot: paths.documentsRoot, renderer };
  return {
    db,
    ctx,
    close: async () => {
      await renderer.close();
      mail.close();
      await db.close();
    },
  };
}

/** The worker's schedule, from the environment. */
export interface WorkerSchedule {
  /** Between two passes of the factoring delivery retry path, in ms; null when turned off. */
  deliveryRetryMs: number | null;
}

/** The environment is wrong: names the variable, what it holds and what it should. */
export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

const RETRY_SECONDS = { min: 5, max: 86_400, default: 60 };

/**
 * Reads `FACT_DELIVERY_RETRY_SECONDS`: the seconds between two retry passes over due factoring
 * deliveries (default 60; 5 to 86400; `off` when something else, e.g. cron running
 * `fact-factoring deliveries-retry`, does it).
 *
 * @example
 * ```ts
 * workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: '300' }).deliveryRetryMs; // 300000
 * workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: 'soon' }); // throws WorkerConfigError naming the variable
 * ```
 */
export function workerSchedule(env: Record<string, string | undefined>): WorkerSchedule {
  const raw = env['FACT_DELIVERY_RETRY_SECONDS']?.trim();
  if (raw === undefined || raw === '') return { deliveryRetryMs: RETRY_SECONDS.default * 1000 };
  if (raw.toLowerCase() === 'off') return { deliveryRetryMs: null };
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= RETRY_SECONDS.min && seconds <= RETRY_SECONDS.max)) {
    throw new WorkerConfigError(`FACT_DELIVERY_RETRY_SECONDS: "${raw}" is not a whole number of seconds from ${RETRY_SECONDS.min} to ${RETRY_SECONDS.max}, nor "off"`);
  }
  return { deliveryRetryMs: seconds * 1000 };
}

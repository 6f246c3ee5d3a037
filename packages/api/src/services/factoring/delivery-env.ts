// The DeliveryEnv of a process that is not the API server (the worker's retry loop, the
// `fact-factoring deliveries-retry` command), read from the same environment variables the API
// server reads, so both push with the same secret, CA, folder and private-target setting.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileDocumentStore } from '../../documents/store.js';
import type { Database } from '../../db.js';
import type { DeliveryEnv } from './deliveries.js';

/** The environment is wrong: names every variable and what is wrong with it. */
export class DeliveryConfigError extends Error {
  override readonly name = 'DeliveryConfigError';
}

/**
 * FACT_PUSH_ALLOW_PRIVATE as a flag: `1`/`true` allow, unset/empty/`0`/`false` refuse; anything
 * else is an error (a typo must not silently change what is allowed).
 *
 * @example
 * ```ts
 * pushAllowPrivateFlag('1'); // true
 * pushAllowPrivateFlag('yes'); // throws DeliveryConfigError naming FACT_PUSH_ALLOW_PRIVATE
 * ```
 */
export function pushAllowPrivateFlag(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '' || v === '0' || v === 'false') return false;
  throw new DeliveryConfigError(`FACT_PUSH_ALLOW_PRIVATE: "${value}" is not 1, true, 0 or false`);
}

/**
 * Builds the delivery environment from DOCUMENTS_DIR (default ./data/documents, or
 * `documentsDir`), FACT_KEY_SECRET, FACT_PUSH_CA_FILE (read now), FACT_FACTORING_OUTBOX and
 * FACT_PUSH_ALLOW_PRIVATE. Throws DeliveryConfigError listing every problem.
 *
 * @example
 * ```ts
 * const env = deliveryEnvFromEnv(process.env, { db, clock: () => new Date() });
 * await retryDueDeliveries(env);
 * ```
 */
export function deliveryEnvFromEnv(env: Record<string, string | undefined>, parts: { db: Database; clock: () => Date; documentsDir?: string }): DeliveryEnv {
  const problems: string[] = [];
  const keySecret = env['FACT_KEY_SECRET'] || null;
  if (keySecret && keySecret.length < 32) problems.push('FACT_KEY_SECRET: must be at least 32 characters (the same value as the API server)');
  let pushCa: string | null = null;
  const caFile = env['FACT_PUSH_CA_FILE'];
  if (caFile) {
    try {
      pushCa = readFileSync(caFile, 'utf8');
    } catch (e) {
      problems.push(`FACT_PUSH_CA_FILE: ${caFile} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  let allowPrivateTargets = false;
  try {
    allowPrivateTargets = pushAllowPrivateFlag(env['FACT_PUSH_ALLOW_PRIVATE']);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length) throw new DeliveryConfigError(`Invalid delivery configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const documentsDir = parts.documentsDir ?? (env['DOCUMENTS_DIR'] || './data/documents');
  return {
    db: parts.db,
    clock: parts.clock,
    documents: fileDocumentStore(resolve(documentsDir)),
    keySecret,
    pushCa,
    allowPrivateTargets,
    outboxDir: env['FACT_FACTORING_OUTBOX'] || null,
  };
}

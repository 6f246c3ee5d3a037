import { DEFAULT_LOGIN_POLICY, fileDocumentStore, pushAllowPrivateFlag, type ApiSettings, type Clock, type DocumentStore } from '@fact/api';
import { createDb, type DbHandle } from '@fact/db';
import { env } from '$env/dynamic/private';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The process-wide parts the portal shares between requests: ONE database handle, the document
 * store and the API settings (log-in failures are counted in the database, shared with apps/api).
 */
export interface Runtime {
  readonly db: DbHandle;
  readonly documents: DocumentStore;
  readonly settings: ApiSettings;
  readonly clock: Clock;
}

// Same development default as apps/api, so a session opened by one is valid for the other when
// both point at the same database.
const DEV_SECRET = 'development-only-secret-do-not-use-in-production!';

let runtime: Runtime | undefined;

/** A fixed "now" (FACT_NOW=2025-06-30T10:00:00Z) makes demos and browser tests reproducible. */
function clockFrom(fixed: string | undefined): Clock {
  if (!fixed) return () => new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new Error(`FACT_NOW: "${fixed}" is not an ISO instant`);
  return () => new Date(at);
}

/** Reads a positive integer from the environment, or the default. */
function positive(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${raw}" must be a positive whole number`);
  return n;
}

/** The shared runtime, created on first use from the environment. */
export function getRuntime(): Runtime {
  if (runtime) return runtime;
  const secret = env.SESSION_SECRET ?? DEV_SECRET;
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) throw new Error('SESSION_SECRET is required in production');
  runtime = {
    db: createDb(env.DATABASE_URL || undefined),
    documents: fileDocumentStore(resolve(env.DOCUMENTS_DIR || './data/documents')),
    settings: {
      tokenSecret: secret,
      sessionTtlMs: positive('SESSION_TTL_HOURS', 12) * 3600_000,
      maxUploadBytes: positive('MAX_UPLOAD_BYTES', 10 * 1024 * 1024),
      // Factoring: the same secrets and folder as the API server (they share the database).
      keySecret: env.FACT_KEY_SECRET || null,
      pushCa: env.FACT_PUSH_CA_FILE ? readFileSync(env.FACT_PUSH_CA_FILE, 'utf8') : null,
      pushAllowPrivate: pushAllowPrivateFlag(env.FACT_PUSH_ALLOW_PRIVATE),
      factoringOutboxDir: env.FACT_FACTORING_OUTBOX || null,
      loginPolicy: { ...DEFAULT_LOGIN_POLICY, perAddress: positive('LOGIN_MAX_FAILURES', DEFAULT_LOGIN_POLICY.perAddress) },
    },
    clock: clockFrom(env.FACT_NOW),
  };
  return runtime;
}

import { publishedRates } from '@fact/api';
import { z } from 'zod';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** `file:./data/fact.sqlite` (embedded default), `postgres://…`, or `pglite:…`. */
  DATABASE_URL: z.string().min(1).default('file:./data/fact.sqlite'),
  /** Signs nothing today but is required in production so a deployment is not left with the dev default. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  DOCUMENTS_DIR: z.string().min(1).default('./data/documents'),
  /** The data directory shared with the worker; its `factoring/` folder (first release) is imported once at start. */
  FACT_DATA_DIR: z.string().min(1).optional(),
  /** Seals the firms' signing keys and factors' push secrets in the database (docs/security.md). */
  FACT_KEY_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  /** PEM file of extra certificates trusted for factors' HTTPS endpoints (a private CA). */
  FACT_PUSH_CA_FILE: z.string().min(1).optional(),
  /** `1` allows factors' endpoints on loopback/private/link-local addresses (refused by default: docs/security.md). */
  FACT_PUSH_ALLOW_PRIVATE: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Folder factoring packages are delivered to for factors without an HTTPS endpoint. */
  FACT_FACTORING_OUTBOX: z.string().min(1).optional(),
  /** JSON file of statutory interest rates published after this release (see @fact/dunning-runner publishedRates). */
  FACT_RATES_FILE: z.string().min(1).optional(),
  /** Create the schema and demo data when the database is empty (the `pnpm start` experience). */
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Comma-separated proxies whose X-Forwarded-For we believe (for rate limiting by IP). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

/** The server's configuration, read from the environment once at start. */
export type Config = z.infer<typeof configSchema> & { SESSION_SECRET: string };

/** Thrown when the environment is wrong: lists every variable and what is wrong with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEV_SECRET = 'development-only-secret-do-not-use-in-production!';

/**
 * Reads and validates the configuration. Production refuses to start without a SESSION_SECRET.
 *
 * @example
 * ```ts
 * loadConfig({ PORT: '8080' }).PORT; // 8080
 * loadConfig({ PORT: 'eighty' }); // throws ConfigError "PORT: Invalid input: expected number…"
 * ```
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  try {
    publishedRates({ FACT_RATES_FILE: config.FACT_RATES_FILE });
  } catch (e) {
    throw new ConfigError(`Invalid configuration:\n  FACT_RATES_FILE: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!config.SESSION_SECRET) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)');
    }
    return { ...config, SESSION_SECRET: DEV_SECRET };
  }
  return { ...config, SESSION_SECRET: config.SESSION_SECRET };
}

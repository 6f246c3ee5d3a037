import type { AccessControl } from './authz/access.js';
import { denyAll } from './authz/access.js';
import { createDbAccess } from './authz/db-access.js';
import { DEFAULT_LOGIN_POLICY, type LoginThrottlePolicy } from './auth/login-throttle.js';
import type { AuthUser, Role } from './auth/user.js';
import type { Clock } from './clock/local-date.js';
import type { Database } from './db.js';
import type { DocumentStore } from './documents/store.js';
import { memoryDocumentStore } from './documents/store.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';

/** Limits and secrets the API works with; the server reads them from its configuration. */
export interface ApiSettings {
  /** Keys the HMAC under which session and API tokens are stored. */
  readonly tokenSecret: string;
  readonly sessionTtlMs: number;
  readonly maxUploadBytes: number;
  /**
   * Seals secrets kept in the database (the firm's signing keys, factors' push secrets) with
   * AES-256-GCM under a key derived from it (FACT_KEY_SECRET); without it they are stored plain.
   */
  readonly keySecret?: string | null;
  /** Extra certificates (PEM) trusted for factors' HTTPS endpoints, e.g. a factor's private CA. */
  readonly pushCa?: string | null;
  /**
   * Allow factors' endpoints on loopback/private/link-local… addresses (FACT_PUSH_ALLOW_PRIVATE=1);
   * refused by default so a user-typed URL cannot reach the server's own network (docs/security.md).
   */
  readonly pushAllowPrivate?: boolean;
  /** Folder packages are delivered to (one sub-folder per factor) for factors without an endpoint. */
  readonly factoringOutboxDir?: string | null;
  /** Log-in rate limiting and lock-out, counted in the database (shared by every instance). */
  readonly loginPolicy: LoginThrottlePolicy;
}

/** Defaults for tests and scripts. The server always passes its own. */
export const DEFAULT_SETTINGS: ApiSettings = {
  tokenSecret: 'test-secret-not-for-production-0123456789',
  sessionTtlMs: 12 * 3600_000,
  maxUploadBytes: 10 * 1024 * 1024,
  loginPolicy: DEFAULT_LOGIN_POLICY,
};

/** What createContextInner needs; everything but db, user and clock has a default. */
export interface ContextOptions {
  db: Database;
  user: AuthUser | null;
  /** Returns the current instant. As-of dates are derived from it in each company's time zone. */
  clock: Clock;
  logger?: Logger;
  request?: { ip: string; userAgent?: string };
  documents?: DocumentStore;
  settings?: Partial<ApiSettings>;
}

/** The context every procedure receives. */
export interface Context {
  readonly db: Database;
  readonly user: AuthUser | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly request: { ip: string; userAgent?: string };
  readonly documents: DocumentStore;
  readonly settings: ApiSettings;
  /** The tenant guard's view of what this user may see (cached for the request). */
  readonly access: AccessControl;
  /** Roles the caller holds on the records of this call; set by the authorization middleware. */
  readonly roles?: Role[];
}

/**
 * Builds the context from injected parts, so tests call procedures through `createCaller` on a
 * real database with a fixed clock, and the HTTP server passes the authenticated user.
 *
 * @example
 * ```ts
 * const ctx = createContextInner({ db, user, clock: () => new Date('2025-03-15T10:00:00Z') });
 * const caller = createCaller(ctx);
 * ```
 */
export function createContextInner(options: ContextOptions): Context {
  const user = options.user;
  return {
    db: options.db,
    user,
    clock: options.clock,
    logger: options.logger ?? silentLogger,
    request: options.request ?? { ip: 'internal' },
    documents: options.documents ?? memoryDocumentStore(),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    access: user ? createDbAccess(options.db, user) : denyAll,
  };
}

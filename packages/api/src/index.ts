// Public surface of @fact/api. Every export is named; nothing is re-exported with `*`.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { appRouter, type AppRouter } from './root.js';
import { createCallerFactory } from './trpc.js';

export { appRouter };
export type { AppRouter };

/**
 * Calls procedures in-process (tests, the portal's server side, scripts).
 *
 * @example
 * ```ts
 * const caller = createCaller(createContextInner({ db, user, clock: () => new Date() }));
 * const companies = await caller.firm.companies();
 * ```
 */
export const createCaller = createCallerFactory(appRouter);

/** Inputs of every procedure, by path: `RouterInputs['invoice']['create']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, by path: `RouterOutputs['firm']['companies']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { createContextInner, DEFAULT_SETTINGS } from './context.js';
export type { ApiSettings, Context, ContextOptions } from './context.js';
export type { AuthUser, Membership, Role, TokenScope } from './auth/user.js';
export { ROLES, TOKEN_SCOPES } from './auth/user.js';
export { authenticateSession, loadAuthUser } from './auth/sessions.js';
export { authenticateApiToken } from './auth/api-tokens.js';
export { DEFAULT_LOGIN_POLICY } from './auth/login-throttle.js';
export type { LoginThrottlePolicy } from './auth/login-throttle.js';
export { fileDocumentStore, memoryDocumentStore } from './documents/store.js';
export type { DocumentStore } from './documents/store.js';
export type { Logger } from './logger.js';
export { silentLogger } from './logger.js';
export type { Clock } from './clock/local-date.js';
export { localDate } from './clock/local-date.js';
export type { ProcedureMeta, Access } from './meta.js';
export { SCOPED_KEYS } from './authz/scoped-keys.js';
export type { ScopedKey } from './authz/scoped-keys.js';
export { DELIVERY_POLICY, retryDueDeliveries } from './services/factoring/deliveries.js';
export type { DeliveryEnv } from './services/factoring/deliveries.js';
export { DeliveryConfigError, deliveryEnvFromEnv, pushAllowPrivateFlag } from './services/factoring/delivery-env.js';
export { importLegacyFactoringFiles } from './services/factoring/legacy-files.js';
export type { LegacyImport } from './services/factoring/legacy-files.js';

import { authenticateApiToken } from './auth/api-tokens.js';
import { authenticateSession } from './auth/sessions.js';
import type { AuthUser } from './auth/user.js';
import type { Database } from './db.js';

/**
 * The user behind a bearer token (a session token `fs_…` or an API token `fat_…`), or null.
 *
 * @example
 * ```ts
 * const user = await authenticate(db, bearer, { now: new Date(), secret: config.SESSION_SECRET });
 * ```
 */
export async function authenticate(db: Database, token: string | null, options: { now: Date; secret: string }): Promise<AuthUser | null> {
  if (!token) return null;
  return (await authenticateSession(db, token, options)) ?? (await authenticateApiToken(db, token, options));
}
// Rates published after this release (FACT_RATES_FILE): servers check the file at start.
export { publishedRates } from '@fact/dunning-runner';

import type { Role } from '../auth/user.js';
import type { ScopedKey } from './scoped-keys.js';

/**
 * What the tenant guard asks about the caller. Implemented once over the database
 * (see ./db-access.ts) and cached per request.
 */
export interface AccessControl {
  /** Whether the caller may see the record; false for unknown ids too (same answer, on purpose). */
  canSee(key: ScopedKey, id: string): Promise<boolean>;
  /** The company a visible record belongs to (null for the caller's own sessions/tokens). */
  companyOf(key: ScopedKey, id: string): Promise<string | null>;
  /** The roles the caller holds on a company (through its firm or directly). */
  rolesOn(companyId: string): Promise<Role[]>;
  /** Companies the caller may see at all, with the roles held on each. */
  visibleCompanies(): Promise<{ companyId: string; roles: Role[] }[]>;
  /** The factors the caller works for (memberships with a `factor_id`). */
  factorIds(): Promise<string[]>;
}

/** An access control that sees nothing: for anonymous callers. @example denyAll.canSee('invoiceId', id) // false */
export const denyAll: AccessControl = {
  canSee: async () => false,
  companyOf: async () => null,
  rolesOn: async () => [],
  visibleCompanies: async () => [],
  factorIds: async () => [],
};

import { error } from '@sveltejs/kit';
import type { AuthUser, Role } from '@fact/api';

/** The roles a user holds anywhere. */
export function rolesOf(user: AuthUser | null): Set<Role> {
  return new Set(user?.memberships.map((m) => m.role) ?? []);
}

/** A page for other roles is, for this user, a page that does not exist. */
export function requireRole(user: AuthUser | null, ...roles: Role[]): AuthUser {
  if (!user || !roles.some((r) => rolesOf(user).has(r))) error(404, 'Not found');
  return user;
}

/** The one company an entrepreneur manages, or null. */
export function ownCompanyId(user: AuthUser | null): string | null {
  return user?.memberships.find((m) => m.role === 'entrepreneur')?.companyId ?? null;
}

/** Who uses Fact: an accountant of a firm, an entrepreneur of one company, or a factor's user. */
export const ROLES = ['accountant', 'entrepreneur', 'factor'] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do: `read` for queries, `write` for mutations. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * One thing a user may see, with a role: a whole firm (accountants) or one company
 * (entrepreneurs, factors). Mirrors a row of @fact/db `memberships`.
 */
export interface Membership {
  readonly role: Role;
  readonly firmId: string | null;
  readonly companyId: string | null;
}

/** How the caller proved who they are. */
export type AuthVia =
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'token'; readonly tokenId: string; readonly scopes: readonly TokenScope[] }
  | { readonly kind: 'internal' };

/**
 * The signed-in user as procedures see it: who, what they may see (memberships), and how they
 * signed in (a browser session or an API token whose scopes limit what it may do).
 */
export interface AuthUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly memberships: readonly Membership[];
  readonly via: AuthVia;
}

/**
 * The distinct roles a user holds anywhere.
 *
 * @example
 * ```ts
 * rolesOf({ memberships: [{ role: 'accountant', firmId: 'f', companyId: null }] } as AuthUser); // ['accountant']
 * ```
 */
export function rolesOf(user: Pick<AuthUser, 'memberships'>): Role[] {
  return [...new Set(user.memberships.map((m) => m.role))];
}

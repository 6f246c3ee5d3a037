import type { Role } from './auth/user.js';

/**
 * How a procedure is reached, declared once on it and checked by the tenant-isolation test:
 * - `public`: no log-in (log in);
 * - `self`: about the caller only (their profile, sessions, tokens);
 * - `tenant`: its input names records (companyId, invoiceId…) that the tenant guard checks;
 * - `scoped`: no record in its input; it lists what the caller's scope holds (firm-wide lists).
 */
export type Access = 'public' | 'self' | 'tenant' | 'scoped';

/** The OpenAPI route of a procedure (the shape trpc-to-openapi reads). */
export interface OpenApiRoute {
  enabled?: boolean;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: `/${string}`;
  summary?: string;
  description?: string;
  protect?: boolean;
  tags?: string[];
}

/** Metadata every procedure carries. */
export interface ProcedureMeta {
  access?: Access;
  /** Roles allowed; absent = every signed-in role. Checked after the tenant guard. */
  roles?: readonly Role[];
  openapi?: OpenApiRoute;
}

import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.js';
import { KIND_OF, collectScopedIds } from './authz/scoped-keys.js';
import { apiError } from './errors/api-error.js';
import { formatIssues, toTRPCError } from './errors/to-trpc-error.js';
import type { ProcedureMeta } from './meta.js';
import { rolesOf, type Role } from './auth/user.js';

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Every error a client sees carries what it needs to act: the domain code and the field when
    // there is one, every input issue, and the support id of an unexpected failure.
    errorFormatter({ shape, error }) {
      const extra = error as { field?: string; factCode?: string; errorId?: string; reason?: string; reasonParams?: Record<string, unknown> };
      const cause = error.cause as { issues?: unknown } | undefined;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          field: extra.field ?? null,
          factCode: extra.factCode ?? null,
          errorId: extra.errorId ?? null,
          reason: extra.reason ?? null,
          reasonParams: extra.reasonParams ?? null,
          issues:
            error.code === 'BAD_REQUEST' && cause && Array.isArray(cause.issues)
              ? formatIssues(cause.issues as Parameters<typeof formatIssues>[0])
              : null,
        },
      };
    },
  });

/** Builds a router from plain objects of procedures. @example router({ ping: publicProcedure.query(() => 'pong') }) */
export const router = t.router;
/** Creates a server-side caller factory. @example createCallerFactory(appRouter)(ctx) */
export const createCallerFactory = t.createCallerFactory;

/** Maps every failure to its precise tRPC error (see errors/to-trpc-error.ts). */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error, ctx.logger, { path, type });
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(errorMapping).meta({ access: 'public' });

/**
 * The one place authorization happens, in this order:
 * 1. a signed-in user (UNAUTHORIZED otherwise);
 * 2. the tenant guard: every record id in the input must be visible to that user, else
 *    NOT_FOUND with the same words as for an id that does not exist;
 * 3. the role the procedure allows (FORBIDDEN otherwise);
 * 4. for API tokens, the scope: `read` for queries, `write` for mutations.
 */
const authorization = t.middleware(async ({ ctx, meta, next, type, getRawInput }) => {
  const user = ctx.user;
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please log in first (no valid session or API token was sent).' });
  const companies = new Set<string>();
  for (const [key, id] of collectScopedIds(await getRawInput())) {
    if (!(await ctx.access.canSee(key, id))) throw apiError.notFound(KIND_OF[key], id);
    const companyId = await ctx.access.companyOf(key, id);
    if (companyId) companies.add(companyId);
  }
  // The roles that count are those held on every company the input touches.
  let roles: Role[] = rolesOf(user);
  for (const companyId of companies) {
    const held = await ctx.access.rolesOn(companyId);
    roles = roles.filter((r) => held.includes(r));
  }
  if (meta?.roles && !roles.some((r) => meta.roles?.includes(r))) {
    const mine = roles.length ? roles.join(', ') : 'none';
    throw apiError.forbidden(`Your role here (${mine}) does not allow this; it needs: ${meta.roles.join(' or ')}.`);
  }
  if (user.via.kind === 'token') {
    const needed = type === 'mutation' ? 'write' : 'read';
    if (!user.via.scopes.includes(needed)) {
      throw apiError.forbidden(`This API token lacks the "${needed}" scope needed for this call.`);
    }
  }
  return next({ ctx: { ...ctx, user, roles } });
});

const signedIn = t.procedure.use(errorMapping).use(authorization);

/** About the caller only: profile, sessions, API tokens. */
export const selfProcedure = signedIn.meta({ access: 'self' });

/** Lists of what the caller's own scope holds (a firm's companies, firm-wide dunning). */
export function scopedProcedure(...roles: Role[]) {
  return signedIn.meta({ access: 'scoped', ...(roles.length ? { roles } : {}) });
}

/** Accountant-only lists over the firm's companies. */
export const firmProcedure = scopedProcedure('accountant');

/**
 * A procedure on a tenant's records, for the given roles (all signed-in roles when none). Its
 * input must name the record(s) it acts on; the guard has checked them before it runs.
 *
 * @example
 * ```ts
 * companyProcedure('accountant', 'entrepreneur').input(z.object({ companyId: recordId })).query(...)
 * ```
 */
export function companyProcedure(...roles: Role[]) {
  return signedIn.meta({ access: 'tenant', ...(roles.length ? { roles } : {}) });
}

/** What a factor sees: invoices addressed (offered or assigned) to it. */
export const factorProcedure = companyProcedure('factor');

/** Those who manage receivables: the firm's accountants and the company's entrepreneur. */
export const MANAGERS: Role[] = ['accountant', 'entrepreneur'];

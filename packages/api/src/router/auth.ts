import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.js';
import { passwordLogin, profile, totpLogin } from '../auth/login.js';
import { closeSession, listSessions } from '../auth/sessions.js';
import { TOKEN_SCOPES } from '../auth/user.js';
import { apiError } from '../errors/api-error.js';
import { appendAudit } from '../services/audit.js';
import { publicProcedure, router, selfProcedure } from '../trpc.js';
import { totpRouter } from './auth-totp.js';

const membershipOutput = z.object({
  role: z.enum(['accountant', 'entrepreneur', 'factor']),
  firmId: z.string().nullable(),
  companyId: z.string().nullable(),
});
const profileOutput = z.object({ id: z.string(), email: z.string(), name: z.string(), memberships: z.array(membershipOutput) });
const loginOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signedIn'), token: z.string(), expiresAt: z.string(), user: profileOutput.nullable() }),
  z.object({ status: z.literal('totpRequired'), pendingToken: z.string(), expiresAt: z.string() }),
]);

/** Log in and out, sessions and API tokens: everything about the caller's own access. */
export const authRouter = router({
  login: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/login',
        protect: false,
        tags: ['auth'],
        summary: 'Log in with email and password; returns a bearer token, or a pending-login token when the user has a second factor (then POST /auth/login/totp)',
      },
    })
    .input(
      z.object({
        email: z.string().trim().toLowerCase().max(320).pipe(z.email({ message: 'must be an email address' })),
        password: z.string().min(1, 'is required').max(1000),
      }),
    )
    .output(loginOutput)
    .mutation(({ ctx, input }) => passwordLogin(ctx, input.email, input.password)),

  /** The second log-in step for a user with TOTP on: the pending-login token and the current code. */
  loginTotp: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/login/totp', protect: false, tags: ['auth'], summary: 'Second log-in step: the pending-login token and the 6-digit code; returns a bearer token' } })
    .input(
      z.object({
        pendingToken: z.string().min(1, 'is required').max(1000),
        code: z.string().trim().max(20).regex(/^\d{3} ?\d{3}$/, 'must be the 6-digit code from your authenticator app'),
      }),
    )
    .output(loginOutput)
    .mutation(({ ctx, input }) => totpLogin(ctx, input.pendingToken, input.code)),

  totp: totpRouter,

  logout: selfProcedure.mutation(async ({ ctx }) => {
    if (ctx.user.via.kind !== 'session') throw apiError.precondition('Only a browser session can log out; revoke an API token instead.');
    const sessionId = ctx.user.via.sessionId;
    await ctx.db.transaction(async (tx) => {
      await closeSession(tx, ctx.user.id, sessionId);
      await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.logout', entityType: 'user', entityId: ctx.user.id, at: ctx.clock() });
    });
    return { loggedOut: true as const };
  }),

  me: selfProcedure
    .meta({ openapi: { method: 'GET', path: '/me', tags: ['auth'], summary: 'The signed-in user and what they may see' } })
    .input(z.void())
    .output(profileOutput.extend({ companies: z.array(z.object({ companyId: z.string(), roles: z.array(z.string()) })) }))
    .query(async ({ ctx }) => ({ ...profile(ctx.user), companies: await ctx.access.visibleCompanies() })),

  sessions: selfProcedure.query(async ({ ctx }) => {
    const now = ctx.clock();
    const rows = await listSessions(ctx.db, ctx.user.id, now);
    const current = ctx.user.via.kind === 'session' ? ctx.user.via.sessionId : null;
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), current: r.id === current }));
  }),

  revokeSession: selfProcedure.input(z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'must be a session id') })).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      if (!(await closeSession(tx, ctx.user.id, input.sessionId))) throw apiError.notFound('session', input.sessionId);
      await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.session.revoke', entityType: 'session', entityId: input.sessionId, at: ctx.clock() });
    });
    return { revoked: true as const };
  }),

  apiTokens: selfProcedure.query(async ({ ctx }) =>
    (await listApiTokens(ctx.db, ctx.user.id, ctx.clock())).map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
  ),

  createApiToken: selfProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'is required').max(100),
        scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'choose at least one scope: read, write').transform((s) => [...new Set(s)]),
        expiresInDays: z.number().int().min(1).max(366).default(90),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (ctx.user.via.kind === 'token') throw apiError.forbidden('API tokens cannot create other API tokens; log in to do this.');
      const now = ctx.clock();
      const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
      const created = await ctx.db.transaction(async (tx) => {
        const made = await createApiToken(tx, ctx.user.id, { name: input.name, scopes: input.scopes, now, expiresAt, secret: ctx.settings.tokenSecret });
        await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.api_token.create', entityType: 'api_token', entityId: made.info.id, at: now, after: { name: input.name, scopes: input.scopes, expiresAt } });
        return made;
      });
      return { token: created.token, id: created.info.id, name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() };
    }),

  revokeApiToken: selfProcedure.input(z.object({ tokenId: z.string().regex(/^[0-9a-f]{64}$/, 'must be an API token id') })).mutation(async ({ ctx, input }) => {
    const now = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      if (!(await revokeApiToken(tx, ctx.user.id, input.tokenId, now))) throw apiError.notFound('API token', input.tokenId);
      await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.api_token.revoke', entityType: 'api_token', entityId: input.tokenId, at: now });
    });
    return { revoked: true as const };
  }),
});

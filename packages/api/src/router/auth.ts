import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from '@fact/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.js';
import { closeSession, listSessions, loadAuthUser, openSession } from '../auth/sessions.js';
import { TOKEN_SCOPES } from '../auth/user.js';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';
import { appendAudit } from '../services/audit.js';
import { publicProcedure, router, selfProcedure } from '../trpc.js';

let dummyHash: Promise<string> | undefined;
/** Verifying against a throw-away hash keeps "unknown email" as slow as "wrong password". */
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password', DEFAULT_SCRYPT_COST);
  return dummyHash;
}

const WRONG = 'The email address or password is not correct.';

async function login(ctx: Context, email: string, password: string) {
  const now = ctx.clock();
  const ip = ctx.request.ip;
  const limit = ctx.loginLimiter.check(email, ip, now);
  if (!limit.allowed) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many failed log-ins for this email address from your network. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s).`,
    });
  }
  const u = ctx.db.tables.users;
  const rows = await ctx.db.db.select({ id: u.id, passwordHash: u.passwordHash, disabled: u.disabled }).from(u).where(eq(u.email, email)).limit(1);
  const row = rows[0];
  const ok = await verifyPassword(password, row?.passwordHash ?? (await timingDummy()));
  if (!row || !ok || row.disabled) {
    ctx.loginLimiter.recordFailure(email, ip, now);
    ctx.logger.warn({ email, ip }, 'failed log-in');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG });
  }
  ctx.loginLimiter.recordSuccess(email, ip);
  const session = await ctx.db.transaction(async (tx) => {
    const opened = await openSession(tx, row.id, { now, ttlMs: ctx.settings.sessionTtlMs, secret: ctx.settings.tokenSecret });
    await appendAudit(tx, { companyId: null, actorUserId: row.id, action: 'auth.login', entityType: 'user', entityId: row.id, at: now, after: { ip } });
    return opened;
  });
  const user = await loadAuthUser(ctx.db, row.id, { kind: 'session', sessionId: session.sessionId });
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: user && profile(user) };
}

function profile(user: NonNullable<Context['user']>) {
  return { id: user.id, email: user.email, name: user.name, memberships: [...user.memberships] };
}

const membershipOutput = z.object({
  role: z.enum(['accountant', 'entrepreneur', 'factor']),
  firmId: z.string().nullable(),
  companyId: z.string().nullable(),
});
const profileOutput = z.object({ id: z.string(), email: z.string(), name: z.string(), memberships: z.array(membershipOutput) });

/** Log in and out, sessions and API tokens: everything about the caller's own access. */
export const authRouter = router({
  login: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/login', protect: false, tags: ['auth'], summary: 'Log in with email and password; returns a bearer token' } })
    .input(
      z.object({
        email: z.string().trim().toLowerCase().max(320).pipe(z.email({ message: 'must be an email address' })),
        password: z.string().min(1, 'is required').max(1000),
      }),
    )
    .output(z.object({ token: z.string(), expiresAt: z.string(), user: profileOutput.nullable() }))
    .mutation(({ ctx, input }) => login(ctx, input.email, input.password)),

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

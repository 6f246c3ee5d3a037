import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { acceptTotpStep } from '../auth/login.js';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp.js';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';
import { appendAudit } from '../services/audit.js';
import { router, selfProcedure } from '../trpc.js';

const code = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, 'must be the 6-digit code from your authenticator app')
  .transform((s) => s.replace(' ', ''));

type Self = Context & { user: NonNullable<Context['user']> };

async function totpRow(ctx: Self) {
  const u = ctx.db.tables.users;
  const rows = await ctx.db.db.select({ secret: u.totpSecret, enabledAt: u.totpEnabledAt, lastStep: u.totpLastStep }).from(u).where(eq(u.id, ctx.user.id)).limit(1);
  return rows[0] ?? { secret: null, enabledAt: null, lastStep: null };
}

/** An API token must not change how its owner logs in. */
function browserOnly(ctx: Self): void {
  if (ctx.user.via.kind === 'token') throw apiError.forbidden('An API token cannot change the second factor; log in to do this.');
}

const wrongCode = () => apiError.badInput('code', 'is not correct, or was already used; enter the code your app shows now');

/**
 * The optional second factor (TOTP, RFC 6238) of the signed-in user: start enrolling (a secret
 * made on the server, shown as an otpauth:// URI for a QR code), confirm with a first code, turn
 * it off with a current code. Log-in then asks for a code after the password (auth.loginTotp).
 */
export const totpRouter = router({
  status: selfProcedure.query(async ({ ctx }) => {
    const row = await totpRow(ctx);
    return {
      enabled: row.enabledAt !== null,
      enabledAt: row.enabledAt?.toISOString() ?? null,
      // While enrolling, the person may reload the page and still scan the same secret.
      pending: row.secret && !row.enabledAt ? { secret: row.secret, uri: totpUri(row.secret, ctx.user.email) } : null,
    };
  }),

  begin: selfProcedure.mutation(async ({ ctx }) => {
    browserOnly(ctx);
    if ((await totpRow(ctx)).enabledAt) throw apiError.precondition('The second factor is already on. Turn it off first to move it to another device.');
    const secret = newTotpSecret();
    await ctx.db.transaction(async (tx) => {
      const u = tx.tables.users;
      await tx.db.update(u).set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where(eq(u.id, ctx.user.id));
    });
    return { secret, uri: totpUri(secret, ctx.user.email) };
  }),

  confirm: selfProcedure.input(z.object({ code })).mutation(async ({ ctx, input }) => {
    browserOnly(ctx);
    const row = await totpRow(ctx);
    if (row.enabledAt) throw apiError.precondition('The second factor is already on.');
    if (!row.secret) throw apiError.precondition('Start setting up the second factor first (auth.totp.begin).');
    const now = ctx.clock();
    const step = matchTotp(row.secret, input.code, now);
    if (step === null) throw wrongCode();
    await ctx.db.transaction(async (tx) => {
      if (!(await acceptTotpStep(tx, ctx.user.id, step, { totpEnabledAt: now }))) throw wrongCode();
      await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.totp.enable', entityType: 'user', entityId: ctx.user.id, at: now });
    });
    return { enabled: true as const, enabledAt: now.toISOString() };
  }),

  disable: selfProcedure.input(z.object({ code })).mutation(async ({ ctx, input }) => {
    browserOnly(ctx);
    const row = await totpRow(ctx);
    if (!row.enabledAt || !row.secret) throw apiError.precondition('The second factor is not on.');
    const now = ctx.clock();
    const step = matchTotp(row.secret, input.code, now);
    if (step === null) throw wrongCode();
    await ctx.db.transaction(async (tx) => {
      if (!(await acceptTotpStep(tx, ctx.user.id, step))) throw wrongCode();
      const u = tx.tables.users;
      await tx.db.update(u).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(u.id, ctx.user.id));
      await appendAudit(tx, { companyId: null, actorUserId: ctx.user.id, action: 'auth.totp.disable', entityType: 'user', entityId: ctx.user.id, at: now });
    });
    return { enabled: false as const };
  }),
});

import { authenticateSession, localDate } from '@fact/api';
import { seedDemoIfEmpty } from '@fact/db';
import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { isLocale, languageOf, negotiateLocale } from '$lib/i18n/locales.js';
import { apiFor } from '$lib/server/api.js';
import { getRuntime } from '$lib/server/runtime.js';
import { clearSessionCookie, LOCALE_COOKIE, SESSION_COOKIE } from '$lib/server/session.js';

/**
 * Opens the one database of this process, brings its schema up to date and, unless
 * SEED_DEMO=never, fills an empty database with the demo data (safe when the API server does the
 * same at the same moment: @fact/db checks and seeds in one write transaction).
 */
export const init: ServerInit = async () => {
  const rt = getRuntime();
  await rt.db.migrate();
  if ((env.SEED_DEMO ?? 'auto') !== 'never') {
    const outcome = await seedDemoIfEmpty(rt.db, { asOf: localDate(rt.clock(), 'Europe/Brussels'), companies: 12, invoices: 2400 });
    if (outcome.seeded) console.log(`[portal] seeded the demo data (${outcome.result?.companies ?? 0} companies, ${outcome.result?.invoices ?? 0} invoices)`);
  }
};

export const handle: Handle = async ({ event, resolve }) => {
  const rt = getRuntime();
  const chosen = event.cookies.get(LOCALE_COOKIE);
  const locale = isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  event.locals.sessionExpired = false;

  const token = event.cookies.get(SESSION_COOKIE);
  let user = null;
  if (token) {
    user = await authenticateSession(rt.db, token, { now: rt.clock(), secret: rt.settings.tokenSecret });
    if (!user) {
      clearSessionCookie(event.cookies);
      event.locals.sessionExpired = true;
    }
  }
  event.locals.user = user;
  const userAgent = event.request.headers.get('user-agent');
  event.locals.api = apiFor(user, { ip: event.getClientAddress(), ...(userAgent ? { userAgent } : {}) });

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', languageOf(locale)),
  });
  // The CSP itself (with nonces and frame-ancestors 'none') comes from kit.csp in svelte.config.js.
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (user) response.headers.set('Cache-Control', 'private, no-store');
  return response;
};

/** Unexpected failures are logged once with an id; the person sees only that id. */
export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status === 404) return { message };
  const id = randomUUID();
  console.error(`[portal] error ${id}`, error);
  return { message: 'Internal error', id };
};

import type { Cookies } from '@sveltejs/kit';

/** The session cookie: an opaque token; the database stores only its keyed hash. */
export const SESSION_COOKIE = 'fact_session';
export const LOCALE_COOKIE = 'fact_locale';

/**
 * Stores the session token: http-only (no script can read it), SameSite=Lax (not sent on
 * cross-site posts), Secure everywhere except http://localhost (SvelteKit's default).
 */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * Between the password and the code of a user with a second factor: the API's signed,
 * five-minute pending-login token, http-only and sent only to /login. It opens no session.
 */
export const PENDING_LOGIN_COOKIE = 'fact_pending_login';

export function setPendingLoginCookie(cookies: Cookies, token: string, expiresAt: Date): void {
  cookies.set(PENDING_LOGIN_COOKIE, token, { path: '/login', httpOnly: true, sameSite: 'strict', expires: expiresAt });
}

export function clearPendingLoginCookie(cookies: Cookies): void {
  cookies.delete(PENDING_LOGIN_COOKIE, { path: '/login' });
}

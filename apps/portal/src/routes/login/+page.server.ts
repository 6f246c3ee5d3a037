import { fail, redirect, type Cookies } from '@sveltejs/kit';
import type { Api } from '$lib/server/api.js';
import { isApiFailure } from '$lib/server/errors.js';
import { clearPendingLoginCookie, PENDING_LOGIN_COOKIE, setPendingLoginCookie, setSessionCookie } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
  if (locals.user) redirect(303, '/');
  return {
    expired: url.searchParams.has('expired') || locals.sessionExpired,
    loggedOut: url.searchParams.has('loggedOut'),
    // The password was right and the account has a second factor: ask for the code.
    codeStep: Boolean(cookies.get(PENDING_LOGIN_COOKIE)),
  };
};

function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

type Outcome = Awaited<ReturnType<Api['auth']['login']>>;

/** A session (the API made a fresh token: whatever cookie came in is replaced), or the code step. */
function signIn(cookies: Cookies, outcome: Outcome, next: string | null): never {
  if (outcome.status === 'totpRequired') {
    setPendingLoginCookie(cookies, outcome.pendingToken, new Date(outcome.expiresAt));
    redirect(303, `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  }
  clearPendingLoginCookie(cookies);
  setSessionCookie(cookies, outcome.token, new Date(outcome.expiresAt));
  redirect(303, safeNext(next));
}

function rateLimited(e: { message: string }, values: Record<string, string>) {
  const minutes = /in (\d+) minute/.exec(e.message)?.[1] ?? '15';
  return fail(429, { values, errors: { form: 'login.rateLimited' }, minutes });
}

export const actions: Actions = {
  password: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const values = { email };
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'validation.required';
    if (!password) errors.password = 'validation.required';
    if (Object.keys(errors).length) return fail(422, { values, errors });
    let outcome: Outcome;
    try {
      outcome = await locals.api.auth.login({ email, password });
    } catch (e) {
      if (isApiFailure(e) && e.code === 'TOO_MANY_REQUESTS') return rateLimited(e, values);
      if (isApiFailure(e) && (e.code === 'UNAUTHORIZED' || e.code === 'BAD_REQUEST')) return fail(401, { values, errors: { form: 'login.failed' } });
      throw e;
    }
    signIn(cookies, outcome, url.searchParams.get('next'));
  },

  code: async ({ request, locals, cookies, url }) => {
    const pendingToken = cookies.get(PENDING_LOGIN_COOKIE);
    if (!pendingToken) return fail(401, { values: {}, errors: { form: 'login.codeExpired' } });
    const code = String((await request.formData()).get('code') ?? '').trim();
    if (!/^\d{3} ?\d{3}$/.test(code)) return fail(422, { values: {}, errors: { code: code ? 'login.codeWrong' : 'validation.required' }, codeStep: true });
    let outcome: Outcome;
    try {
      outcome = await locals.api.auth.loginTotp({ pendingToken, code });
    } catch (e) {
      if (isApiFailure(e) && e.code === 'TOO_MANY_REQUESTS') {
        clearPendingLoginCookie(cookies);
        return rateLimited(e, {});
      }
      if (isApiFailure(e) && e.code === 'UNAUTHORIZED') {
        if (/log in again/i.test(e.message)) {
          clearPendingLoginCookie(cookies);
          return fail(401, { values: {}, errors: { form: 'login.codeExpired' } });
        }
        return fail(401, { values: {}, errors: { code: 'login.codeWrong' }, codeStep: true });
      }
      throw e;
    }
    signIn(cookies, outcome, url.searchParams.get('next'));
  },

  restart: async ({ cookies }) => {
    clearPendingLoginCookie(cookies);
    redirect(303, '/login');
  },
};

import { fail, redirect } from '@sveltejs/kit';
import { isApiFailure } from '$lib/server/errors.js';
import { setSessionCookie } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, '/');
  return {
    expired: url.searchParams.has('expired') || locals.sessionExpired,
    loggedOut: url.searchParams.has('loggedOut'),
  };
};

function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const values = { email };
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'validation.required';
    if (!password) errors.password = 'validation.required';
    if (Object.keys(errors).length) return fail(422, { values, errors });
    try {
      const session = await locals.api.auth.login({ email, password });
      setSessionCookie(cookies, session.token, new Date(session.expiresAt));
    } catch (e) {
      if (isApiFailure(e) && e.code === 'TOO_MANY_REQUESTS') {
        const minutes = /in (\d+) minute/.exec(e.message)?.[1] ?? '15';
        return fail(429, { values, errors: { form: 'login.rateLimited' }, minutes });
      }
      if (isApiFailure(e) && (e.code === 'UNAUTHORIZED' || e.code === 'BAD_REQUEST')) {
        return fail(401, { values, errors: { form: 'login.failed' } });
      }
      throw e;
    }
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};

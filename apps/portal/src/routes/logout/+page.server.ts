import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.user) {
      try {
        await locals.api.auth.logout();
      } catch {
        // The session may already have ended; the cookie goes either way.
      }
    }
    clearSessionCookie(cookies);
    redirect(303, '/login?loggedOut=1');
  },
};

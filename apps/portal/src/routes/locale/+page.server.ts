import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales.js';
import { LOCALE_COOKIE } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** Only a path on this site: never an open redirect. */
function safePath(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    const locale = form.get('locale');
    if (isLocale(locale)) cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    redirect(303, safePath(form.get('redirectTo')));
  },
};

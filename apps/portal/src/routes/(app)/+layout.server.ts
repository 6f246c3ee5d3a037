import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) needs a signed-in user; an ended session says so on the log-in page. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) {
    const next = encodeURIComponent(url.pathname + url.search);
    redirect(303, `/login?next=${next}${locals.sessionExpired ? '&expired=1' : ''}`);
  }
};

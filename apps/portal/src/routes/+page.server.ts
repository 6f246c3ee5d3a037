import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Each role starts where its work is. */
export const load: PageServerLoad = ({ locals }) => {
  const roles = new Set(locals.user?.memberships.map((m) => m.role) ?? []);
  if (!locals.user) redirect(303, locals.sessionExpired ? '/login?expired=1' : '/login');
  if (roles.has('accountant')) redirect(303, '/dashboard');
  if (roles.has('entrepreneur')) redirect(303, '/my');
  if (roles.has('factor')) redirect(303, '/factor');
  redirect(303, '/login');
};

import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

/** What is addressed to a factor: per company it has a membership on, the offered/assigned invoices. */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals.user, 'factor');
  const companyIds = [...new Set(user.memberships.filter((m) => m.role === 'factor' && m.companyId).map((m) => m.companyId!))];
  const companies = await load404(
    Promise.all(companyIds.map(async (companyId) => ({ companyId, invoices: await locals.api.factor.invoices({ companyId }) }))),
  );
  return { companies };
};

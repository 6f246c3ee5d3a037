import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

/** What is addressed to the factor the user works for: its batches, and per seller the invoices in them. */
export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals.user, 'factor');
  const batches = await load404(locals.api.factor.batches());
  const sellers = [...new Map(batches.map((b) => [b.companyId, b.seller])).entries()];
  const companies = await load404(Promise.all(sellers.map(async ([companyId, seller]) => ({ companyId, seller, invoices: await locals.api.factor.invoices({ companyId }) }))));
  return { batches, companies };
};

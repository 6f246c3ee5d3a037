import { load404 } from '$lib/server/errors.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { companyId, batchId } = params;
  const company = await load404(locals.api.company.get({ companyId }));
  const batch = await load404(locals.api.factoring.batch({ companyId, batchId }));
  return { company: { id: company.id, legalName: company.legalName }, batch, created: url.searchParams.get('created') === '1' };
};

import { fail, redirect } from '@sveltejs/kit';
import { isApiFailure, load404, translate } from '$lib/server/errors.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { companyId, batchId } = params;
  const company = await load404(locals.api.company.get({ companyId }));
  const batch = await load404(locals.api.factoring.batch({ companyId, batchId }));
  return { company: { id: company.id, legalName: company.legalName }, batch, created: url.searchParams.get('created') === '1', delivered: url.searchParams.get('delivered') === '1' };
};

export const actions: Actions = {
  /** Hands the package to the factor now; a failure is shown with the attempts, and retried later. */
  deliver: async ({ locals, params }) => {
    let outcome;
    try {
      outcome = await locals.api.factoring.deliver({ companyId: params.companyId, batchId: params.batchId });
    } catch (e) {
      if (isApiFailure(e) && (e.code === 'PRECONDITION_FAILED' || e.code === 'CONFLICT')) return fail(422, { deliveryError: e.message, nextAttemptAt: null as string | null });
      throw translate(e);
    }
    if (outcome.status !== 'delivered') return fail(422, { deliveryError: outcome.attempts.at(-1)?.error ?? outcome.status, nextAttemptAt: outcome.nextAttemptAt });
    redirect(303, `/companies/${params.companyId}/factoring/batches/${params.batchId}?delivered=1`);
  },
};

import { error } from '@sveltejs/kit';
import type { ApiProblem } from '$lib/i18n/problem.js';
import { apiProblems } from '$lib/server/api-problems.js';
import { isApiFailure, load404 } from '$lib/server/errors.js';
import { firmAgeing, periodFrom } from '$lib/server/reports.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals.user, 'accountant');
  const api = locals.api;
  const ageing = await load404(firmAgeing(api));
  const companyId = url.searchParams.get('company') ?? ageing.rows[0]?.companyId;
  const today = ageing.rows.find((r) => r.companyId === companyId)?.asOf ?? ageing.rows[0]?.asOf ?? '2000-01-01';
  const periodText = url.searchParams.get('period') ?? '';
  const period = periodFrom(periodText, today);
  let vat = null;
  let periodError: string | ApiProblem | null = null;
  if (companyId) {
    if (!ageing.rows.some((r) => r.companyId === companyId)) error(404, 'Not found');
    try {
      vat = await api.reports.vatRelief({ companyId, period });
    } catch (e) {
      if (!isApiFailure(e) || e.code !== 'BAD_REQUEST') throw e;
      periodError = apiProblems(e)[0] ?? null;
    }
  }
  if (periodText && periodText !== period) periodError = 'reports.periodHint';
  return { ageing, companyId, period: periodText || period, vat, periodError };
};

import { error } from '@sveltejs/kit';
import { load404 } from '$lib/server/errors.js';
import { download, periodFrom, vatReliefCsv, CSV } from '$lib/server/reports.js';
import { requireRole } from '$lib/server/roles.js';
import type { RequestHandler } from './$types';

/** The invoices whose VAT may be reclaimed in a return period, as a download. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireRole(locals.user, 'accountant');
  const companyId = url.searchParams.get('company');
  if (!companyId || !/^[0-9a-f-]{36}$/i.test(companyId)) error(404, 'Not found');
  const company = await load404(locals.api.company.get({ companyId }));
  const period = periodFrom(url.searchParams.get('period'), company.asOf);
  const report = await load404(locals.api.reports.vatRelief({ companyId, period }));
  return download(await vatReliefCsv(report), `vat-relief-${period}.csv`, CSV);
};

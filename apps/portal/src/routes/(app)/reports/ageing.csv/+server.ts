import { load404 } from '$lib/server/errors.js';
import { ageingCsv, download, CSV } from '$lib/server/reports.js';
import { requireRole } from '$lib/server/roles.js';
import type { RequestHandler } from './$types';

/** The firm's ageing per company, as a download. Endpoints do not run layout loads: check the role here. */
export const GET: RequestHandler = async ({ locals }) => {
  requireRole(locals.user, 'accountant');
  const body = await load404(ageingCsv(locals.api));
  return download(body, 'ageing.csv', CSV);
};

import { error } from '@sveltejs/kit';
import { isCalendarDate } from '$lib/server/dates.js';
import { isApiFailure, load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { RequestHandler } from './$types';

/** The real letter PDF of a level, language and kind of debtor, with the saved template (if any) and a sample debtor. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  requireRole(locals.user, 'accountant');
  // Another tenant's company is a 404 before anything about the query is said.
  await load404(locals.api.company.get({ companyId: params.companyId }));
  const level = Number(url.searchParams.get('level'));
  const language = url.searchParams.get('language');
  if (!Number.isInteger(level) || level < 1 || (language !== 'nl' && language !== 'fr' && language !== 'en')) error(400, 'level and language (nl, fr, en) are required');
  const kind = url.searchParams.get('kind') === 'consumer' ? 'consumer' : 'business';
  const asOf = url.searchParams.get('asOf');
  if (asOf && !isCalendarDate(asOf)) error(400, 'asOf must be a date YYYY-MM-DD');
  let p;
  try {
    p = await load404(locals.api.dunningRun.templates.preview({ companyId: params.companyId, level, language, kind, ...(asOf && { asOf }) }));
  } catch (e) {
    if (isApiFailure(e) && e.code === 'PRECONDITION_FAILED') error(409, e.message);
    throw e;
  }
  return new Response(Buffer.from(p.pdfBase64, 'base64'), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="preview-level-${level}-${language}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
};

import { firmCompanies, firmTotals, SORT_KEYS, sortLines, type SortKey } from '$lib/server/dashboard.js';
import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import { withinOrStreamed } from '$lib/server/streamed.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals.user, 'accountant');
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const wanted = url.searchParams.get('sort');
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(wanted ?? '') ? (wanted as SortKey) : 'overdue';
  const dir: 'asc' | 'desc' = url.searchParams.get('dir') === 'asc' ? 'asc' : 'desc';
  // Every company's figures come in this first response, sorted on any column. The firm's overdue
  // trend too when it is ready in time (it is cached per company); after a restart or at midnight
  // its first computation reads the whole history, so then it streams in once ready.
  const trend = locals.api.overview.trend().then((t) => t.points);
  const [lines, points] = await load404(Promise.all([firmCompanies(locals.api, q), withinOrStreamed(trend, 250)]));
  return { q, sort, dir, lines: sortLines(lines, sort, dir), totals: firmTotals(lines), trend: 'now' in points ? points.now : points.later };
};

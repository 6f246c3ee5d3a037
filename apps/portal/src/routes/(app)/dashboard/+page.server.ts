import { firmCompanies, firmTotals, SORT_KEYS, sortLines, type SortKey } from '$lib/server/dashboard.js';
import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals.user, 'accountant');
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const wanted = url.searchParams.get('sort');
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(wanted ?? '') ? (wanted as SortKey) : 'overdue';
  const dir: 'asc' | 'desc' = url.searchParams.get('dir') === 'asc' ? 'asc' : 'desc';
  // Every figure comes in this first response (overview.firm and the firm's overdue trend), sorted on any column.
  const [lines, trend] = await load404(Promise.all([firmCompanies(locals.api, q), locals.api.overview.trend()]));
  return { q, sort, dir, lines: sortLines(lines, sort, dir), totals: firmTotals(lines), trend: trend.points };
};

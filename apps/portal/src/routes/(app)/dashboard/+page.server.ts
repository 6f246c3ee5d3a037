import { firmCompanies, firmExtras, firmTotals, SORT_KEYS, sortLines, withExtras, type SortKey } from '$lib/server/dashboard.js';
import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

const SLOW: readonly SortKey[] = ['dso', 'remindersToday', 'vatRelief'];

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals.user, 'accountant');
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const wanted = url.searchParams.get('sort');
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(wanted ?? '') ? (wanted as SortKey) : 'overdue';
  const dir: 'asc' | 'desc' = url.searchParams.get('dir') === 'asc' ? 'asc' : 'desc';
  const lines = await load404(firmCompanies(locals.api, q));
  const extras = firmExtras(locals.api, user.id, Date.now());
  // Sorting by a slow column needs its figures now; otherwise they stream in after the table.
  if (SLOW.includes(sort) || url.searchParams.has('full')) {
    const full = withExtras(lines, await extras);
    return { q, sort, dir, lines: sortLines(full, sort, dir), totals: firmTotals(full), extras: null, complete: true as const };
  }
  return { q, sort, dir, lines: sortLines(lines, sort, dir), totals: firmTotals(lines), extras, complete: false as const };
};

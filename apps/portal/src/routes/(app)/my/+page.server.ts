import { error } from '@sveltejs/kit';
import { load404 } from '$lib/server/errors.js';
import { ownCompanyId, requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

/** The entrepreneur's own company: open invoices and the reminders the planner would send today. */
export const load: PageServerLoad = async ({ locals }) => {
  const companyId = ownCompanyId(requireRole(locals.user, 'entrepreneur'));
  if (!companyId) error(404, 'Not found');
  const api = locals.api;
  const [company, open, preview] = await load404(
    Promise.all([api.company.get({ companyId }), api.invoice.list({ companyId, status: 'open', limit: 200, sort: 'dueDate' }), api.dunning.preview({ companyId })]),
  );
  const byId = new Map(open.items.map((i) => [i.id, i]));
  const planned = preview.actions.map((a) => ({
    debtorName: byId.get(a.itemIds[0] ?? '')?.debtorName ?? '',
    level: a.level,
    channel: a.channel,
    dueOn: a.dueOn,
    amount: a.amount,
    invoices: a.itemIds.map((id) => ({ id, number: byId.get(id)?.number ?? '' })),
    final: a.final ?? null,
  }));
  return { company: { id: company.id, legalName: company.legalName, asOf: company.asOf, kpis: company.kpis }, open: open.items, planned };
};

import { error } from '@sveltejs/kit';
import { disputeAction, holdAction, planAction, promiseAction } from '$lib/server/collection-actions.js';
import { behaviourOf, type TimelineEntry } from '$lib/server/debtor-view.js';
import { load404 } from '$lib/server/errors.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const api = locals.api;
  const { companyId, debtorId } = params;
  const debtor = await load404(api.debtor.get({ debtorId }));
  if (debtor.companyId !== companyId) error(404, 'Not found');
  const company = await load404(api.company.get({ companyId }));
  const asOf = company.asOf;
  const [open, all, claim, reminders] = await load404(
    Promise.all([
      api.invoice.list({ companyId, debtorId, status: 'open', limit: 200 }),
      api.invoice.list({ companyId, debtorId, limit: 200, sort: 'issueDate', direction: 'desc' }),
      api.reports.claimStatement({ debtorId, asOf }),
      api.dunning.history({ debtorId, limit: 100 }),
    ]),
  );
  const { summary, grade, payments } = await load404(behaviourOf(api, companyId, debtorId, asOf));
  const collection = await load404(Promise.all(open.items.slice(0, 25).map((i) => api.collection.forInvoice({ invoiceId: i.id }).then((c) => ({ invoice: i, ...c })))));
  const numberOf = new Map(all.items.map((i) => [i.id, i.number]));

  const timeline: TimelineEntry[] = [
    ...all.items.map((i) => ({ on: i.issueDate, kind: 'invoice' as const, text: { number: i.number }, amount: i.total, href: `/companies/${companyId}/invoices/${i.id}` })),
    ...payments.map((p) => ({ on: p.receivedOn, kind: 'payment' as const, text: {}, amount: p.amount, href: null })),
    ...reminders.map((r) => ({ on: r.occurredOn, kind: 'reminder' as const, text: { level: r.level, number: r.invoiceId ? (numberOf.get(r.invoiceId) ?? '') : '' }, amount: null, href: null })),
    ...collection.flatMap((c) => [
      ...c.disputes.map((d) => ({ on: d.openedOn, kind: 'dispute' as const, text: { reason: d.reason, number: c.invoice.number }, amount: null, href: null })),
      ...c.paymentPlans.map((p) => ({ on: p.agreedOn, kind: 'plan' as const, text: {}, amount: p.total, href: null })),
    ]),
    ...dedupeHolds(collection.flatMap((c) => c.holds)).map((h) => ({ on: h.fromDate, kind: 'hold' as const, text: { reason: h.reason }, amount: null, href: null })),
  ].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));

  return {
    company: { id: company.id, legalName: company.legalName, asOf },
    debtor,
    open: open.items,
    claim,
    behaviour: summary,
    riskGrade: grade,
    timeline: timeline.slice(0, 100),
    done: url.searchParams.get('done'),
  };
};

function dedupeHolds<T extends { id: string }>(holds: T[]): T[] {
  return [...new Map(holds.map((h) => [h.id, h])).values()];
}

async function context(locals: App.Locals, params: { companyId: string; debtorId: string }) {
  const company = await load404(locals.api.company.get({ companyId: params.companyId }));
  const debtor = await load404(locals.api.debtor.get({ debtorId: params.debtorId }));
  if (debtor.companyId !== company.id) error(404, 'Not found');
  return { today: company.asOf, back: `/companies/${company.id}/debtors/${debtor.id}` };
}

export const actions: Actions = {
  dispute: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    return disputeAction(locals.api, await request.formData(), back, today);
  },
  hold: async ({ locals, params, request }) => {
    const { back } = await context(locals, params);
    return holdAction(locals.api, await request.formData(), back, { debtorId: params.debtorId });
  },
  promise: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    return promiseAction(locals.api, await request.formData(), back, today, params.debtorId);
  },
  plan: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    const open = await load404(locals.api.invoice.list({ companyId: params.companyId, debtorId: params.debtorId, status: 'open', limit: 200 }));
    return planAction(locals.api, await request.formData(), back, params.debtorId, new Map(open.items.map((i) => [i.id, i.open])), today);
  },
};

import { error, fail, redirect } from '@sveltejs/kit';
import { localDate } from '@fact/api';
import { disputeAction, holdAction, planAction, promiseAction } from '$lib/server/collection-actions.js';
import { behaviourOf, dunningTimeline, newestFirst, type TimelineEntry } from '$lib/server/debtor-view.js';
import { fieldErrors, isApiFailure, load404, translate } from '$lib/server/errors.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const api = locals.api;
  const { companyId, debtorId } = params;
  const debtor = await load404(api.debtor.get({ debtorId }));
  if (debtor.companyId !== companyId) error(404, 'Not found');
  const company = await load404(api.company.get({ companyId }));
  const asOf = company.asOf;
  const [open, all, claim, history, notes] = await load404(
    Promise.all([
      api.invoice.list({ companyId, debtorId, status: 'open', limit: 200 }),
      api.invoice.list({ companyId, debtorId, limit: 200, sort: 'issueDate', direction: 'desc' }),
      claimOrWhyNot(api.reports.claimStatement({ debtorId, asOf })),
      api.dunningRun.debtorHistory({ debtorId }),
      api.debtor.notes.list({ debtorId, limit: 100 }),
    ]),
  );
  const { summary, grade, payments } = await load404(behaviourOf(api, companyId, debtorId, asOf));
  const collection = await load404(Promise.all(open.items.slice(0, 25).map((i) => api.collection.forInvoice({ invoiceId: i.id }).then((c) => ({ invoice: i, ...c })))));
  const numberOf = new Map(all.items.map((i) => [i.id, i.number]));

  const timeline: TimelineEntry[] = [
    ...all.items.map((i) => ({ on: i.issueDate, kind: 'invoice' as const, text: { number: i.number }, amount: i.total, href: `/companies/${companyId}/invoices/${i.id}` })),
    ...payments.map((p) => ({ on: p.receivedOn, kind: 'payment' as const, text: {}, amount: p.amount, href: null })),
    ...dunningTimeline(history, notes, (id) => numberOf.get(id) ?? '', (at) => localDate(new Date(at), company.timeZone)),
    ...collection.flatMap((c) => [
      ...c.disputes.map((d) => ({ on: d.openedOn, kind: 'dispute' as const, text: { reason: d.reason, number: c.invoice.number }, amount: null, href: null })),
      ...c.paymentPlans.map((p) => ({ on: p.agreedOn, kind: 'plan' as const, text: {}, amount: p.total, href: null })),
    ]),
    ...dedupeHolds(collection.flatMap((c) => c.holds)).map((h) => ({ on: h.fromDate, kind: 'hold' as const, text: { reason: h.reason }, amount: null, href: null })),
  ].sort(newestFirst);

  return {
    company: { id: company.id, legalName: company.legalName, asOf },
    debtor,
    open: open.items,
    claim: claim.ok ? claim.claim : null,
    claimProblem: claim.ok ? null : claim.reason,
    behaviour: summary,
    riskGrade: grade,
    timeline: timeline.slice(0, 150),
    done: url.searchParams.get('done'),
  };
};

/**
 * The claim statement, or why it cannot be computed today: a rate table that does not reach
 * today (PRECONDITION_FAILED) is our data's gap, so the page still shows everything else and says
 * so where the figures would be, instead of failing.
 */
async function claimOrWhyNot<T>(call: Promise<T>): Promise<{ ok: true; claim: T } | { ok: false; reason: string }> {
  try {
    return { ok: true, claim: await call };
  } catch (e) {
    if (isApiFailure(e) && e.code === 'PRECONDITION_FAILED') return { ok: false, reason: e.message };
    throw e;
  }
}

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
  /** A note on the debtor (optionally about one of its invoices), shown in the timeline. */
  note: async ({ locals, params, request }) => {
    const { back } = await context(locals, params);
    const form = await request.formData();
    const values = { body: String(form.get('body') ?? '').trim(), invoiceId: String(form.get('invoiceId') ?? '') };
    if (!values.body) return fail(422, { action: 'note', values, errors: { body: 'validation.required' } });
    if (values.body.length > 4000) return fail(422, { action: 'note', values, errors: { body: 'validation.tooLong' } });
    try {
      await locals.api.debtor.notes.add({ debtorId: params.debtorId, body: values.body, ...(values.invoiceId && { invoiceId: values.invoiceId }) });
    } catch (e) {
      if (isApiFailure(e) && e.code === 'BAD_REQUEST') {
        const errors: Record<string, string> = {};
        for (const [field, message] of Object.entries(fieldErrors(e))) errors[field in values ? field : 'body'] = message;
        return fail(422, { action: 'note', values, errors });
      }
      throw translate(e);
    }
    redirect(303, `${back}?done=note#timeline`);
  },
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

import { fail, redirect } from '@sveltejs/kit';
import { languageOf } from '$lib/i18n/locales.js';
import { isApiFailure, load404, translate } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { Actions, PageServerLoad } from './$types';

// Today's follow-up queue over every company (issue 6 §4): approve, skip with a reason, send now,
// mark a phone call done, one by one (a small form per send) or in bulk (checkboxes that belong
// to the bulk form through their `form` attribute, so no form is nested and nothing needs JS).

const TARGET = /^([0-9a-f-]{36}):([0-9a-f]{32})$/;

type Target = { companyId: string; key: string };
type Bag = Record<string, string>;

/** The form again (422): which send or the bulk form it was, what was typed and chosen, and why not. */
function refuse(target: string, values: Bag, selected: string[], errors: Bag) {
  return fail(422, { target, values, selected, errors });
}

function parseTarget(value: FormDataEntryValue | null): Target | null {
  const m = TARGET.exec(String(value ?? ''));
  return m ? { companyId: m[1]!, key: m[2]! } : null;
}

const done = (what: string, extra: Record<string, string | number> = {}) => `/queue?${new URLSearchParams({ done: what, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals.user, 'accountant');
  const queue = await load404(locals.api.dunningRun.firmQueue({ language: languageOf(locals.locale) }));
  const n = (name: string) => {
    const v = url.searchParams.get(name);
    return v && /^\d+$/.test(v) ? Number(v) : 0;
  };
  const what = url.searchParams.get('done');
  return {
    queue,
    count: queue.reduce((s, c) => s + c.debtors.reduce((t, d) => t + d.items.length, 0), 0),
    done: what === 'approved' || what === 'skipped' || what === 'sent' || what === 'called' ? { what: what as 'approved' | 'skipped' | 'sent' | 'called', n: n('n'), sent: n('sent'), dropped: n('dropped'), failed: n('failed') } : null,
  };
};

/** Runs a decision; a refusal the user can act on comes back next to the form that asked for it. */
async function attempt(target: string, values: Bag, selected: string[], call: () => Promise<unknown>) {
  try {
    return { ok: true as const, result: await call() };
  } catch (e) {
    if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'PRECONDITION_FAILED' || e.code === 'CONFLICT')) {
      return { ok: false as const, failure: refuse(target, values, selected, { form: e.message }) };
    }
    throw translate(e);
  }
}

async function decideMany(locals: App.Locals, form: FormData, decision: 'approve' | 'skip' | 'send') {
  const one = parseTarget(form.get('one'));
  const selected = form.getAll('selected').map(String);
  const items = one ? [one] : selected.map(parseTarget).filter((t): t is Target => t !== null);
  const target = one ? one.key : 'bulk';
  const reason = String(form.get(one ? `reason-${one.key}` : 'bulkReason') ?? '').trim();
  const values = { reason };
  if (items.length === 0) return refuse(target, values, selected, { form: 'queue.pickOne' });
  if (decision === 'skip' && reason.length < 3) return refuse(target, values, selected, { reason: 'validation.reason' });
  const outcome = await attempt(target, values, selected, () =>
    locals.api.dunningRun.decideMany({ items, decision: decision === 'skip' ? { decision, reason } : { decision } }),
  );
  if (!outcome.ok) return outcome.failure;
  const r = outcome.result as { decided: number; delivery: { sent: number; dropped: unknown[]; failed: number; tasks: number } | null };
  if (decision === 'send' && r.delivery) redirect(303, done('sent', { n: r.decided, sent: r.delivery.sent, dropped: r.delivery.dropped.length, failed: r.delivery.failed }));
  redirect(303, done(decision === 'approve' ? 'approved' : 'skipped', { n: r.decided }));
}

export const actions: Actions = {
  approve: async ({ locals, request }) => {
    requireRole(locals.user, 'accountant');
    return decideMany(locals, await request.formData(), 'approve');
  },
  skip: async ({ locals, request }) => {
    requireRole(locals.user, 'accountant');
    return decideMany(locals, await request.formData(), 'skip');
  },
  send: async ({ locals, request }) => {
    requireRole(locals.user, 'accountant');
    return decideMany(locals, await request.formData(), 'send');
  },
  /** A phone task: the call was made (with an optional note of what was said). */
  called: async ({ locals, request }) => {
    requireRole(locals.user, 'accountant');
    const form = await request.formData();
    const one = parseTarget(form.get('one'));
    if (!one) return refuse('bulk', {}, [], { form: 'queue.pickOne' });
    const note = String(form.get(`reason-${one.key}`) ?? '').trim();
    const outcome = await attempt(one.key, { reason: note }, [], () =>
      locals.api.dunningRun.decide({ companyId: one.companyId, key: one.key, decision: { decision: 'complete-task', ...(note && { note }) } }),
    );
    if (!outcome.ok) return outcome.failure;
    redirect(303, done('called', { n: 1 }));
  },
};

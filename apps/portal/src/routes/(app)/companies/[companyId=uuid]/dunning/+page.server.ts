import { fail, redirect } from '@sveltejs/kit';
import type { DunningPolicy } from '@fact/core';
import { fieldErrors, isApiFailure, load404, translate } from '$lib/server/errors.js';
import { policyErrorField, policyForm, policyValues, readPolicyForm } from '$lib/server/policy-form.js';
import { requireRole } from '$lib/server/roles.js';
import type { Actions, PageServerLoad } from './$types';

// A company's dunning (issue 6 §4): how the runner works (auto or approval, send time, sender
// identity), run it now, and the policy per kind of debtor, started from the legal preset of the
// company's country, with the legal gates next to the fields they constrain.

const KINDS = ['business', 'consumer'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (v: unknown): v is Kind => v === 'business' || v === 'consumer';
type Bag = Record<string, string>;

/** The form again (422), with what was typed and an error next to each field. */
function refuse(action: string, values: Bag, errors: Bag) {
  return fail(422, { action, values, errors });
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals.user, 'accountant');
  const companyId = params.companyId;
  const [company, settings] = await load404(Promise.all([locals.api.company.get({ companyId }), locals.api.dunningRun.settings({ companyId })]));
  // "Start from the preset" fills the form with the legal default; nothing is stored until saved.
  const fromPreset = isKind(url.searchParams.get('preset')) ? (url.searchParams.get('preset') as Kind) : null;
  const policies = KINDS.map((kind) => {
    const base = (fromPreset === kind ? settings.presets[kind] : settings[kind]) as DunningPolicy;
    return { kind, own: settings.own[kind], fromPreset: fromPreset === kind, presetName: settings.presets[kind].name, presetId: settings.presets[kind].id, policy: base, form: policyForm(base, kind), values: policyValues(base) };
  });
  const r = url.searchParams;
  const ran = r.get('ran') === '1' ? { planned: Number(r.get('planned') ?? 0), sent: Number(r.get('sent') ?? 0), dropped: Number(r.get('dropped') ?? 0), waiting: r.get('mode') === 'approve' } : null;
  return {
    company: { id: company.id, legalName: company.legalName, country: settings.country, asOf: company.asOf },
    version: settings.version,
    runner: settings.runner,
    policies,
    saved: r.get('saved'),
    ran,
  };
};

/** The API's refusal, next to the field it names (422), or the error page for what is not the user's to fix. */
function refused(e: unknown, action: string, values: Record<string, string>, fieldOf: (field: string | undefined | null) => string) {
  if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'CONFLICT' || e.code === 'PRECONDITION_FAILED')) {
    const errors: Record<string, string> = {};
    if (e.code === 'BAD_REQUEST' && e.field) {
      const [first] = Object.values(fieldErrors(e));
      errors[fieldOf(e.field)] = first ?? e.message;
    } else errors.form = e.message;
    return refuse(action, values, errors);
  }
  throw translate(e);
}

async function current(locals: App.Locals, companyId: string) {
  return load404(locals.api.dunningRun.settings({ companyId }));
}

export const actions: Actions = {
  runner: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const form = await request.formData();
    const keys = ['version', 'mode', 'sendAt', 'email', 'name', 'replyTo', 'signature', 'phone', 'street', 'postalCode', 'city'];
    const values = Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? '').trim()]));
    const errors: Record<string, string> = {};
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.sendAt!)) errors.sendAt = 'validation.time';
    const address = values.street || values.postalCode || values.city;
    const anyIdentity = address || values.name || values.replyTo || values.signature || values.phone;
    if (anyIdentity && !values.email) errors.email = 'validation.required';
    if (address) for (const k of ['street', 'postalCode', 'city']) if (!values[k]) errors[k] = 'validation.required';
    if (Object.keys(errors).length) return refuse('runner', values, errors);
    const optional = (k: string) => (values[k] ? { [k]: values[k] } : {});
    const { digestTo } = (await current(locals, params.companyId)).runner;
    const runner = {
      mode: values.mode === 'auto' ? 'auto' : 'approve',
      sendAt: values.sendAt,
      ...(digestTo && { digestTo }),
      ...(values.email && {
        identity: { email: values.email, ...optional('name'), ...optional('replyTo'), ...optional('signature'), ...optional('phone'), ...(address && { address: { street: values.street, postalCode: values.postalCode, city: values.city } }) },
      }),
    };
    try {
      await locals.api.dunningRun.updateSettings({ companyId: params.companyId, version: Number(values.version), runner });
    } catch (e) {
      return refused(e, 'runner', values, (f) => (f ?? 'form').replace(/^runner\.(identity\.(address\.)?)?/, '') || 'form');
    }
    redirect(303, `/companies/${params.companyId}/dunning?saved=runner`);
  },

  policy: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const form = await request.formData();
    const kind = form.get('kind');
    if (!isKind(kind)) return refuse('policy', {}, { form: 'validation.required' });
    const settings = await current(locals, params.companyId);
    const base = (form.get('from') === 'preset' ? settings.presets[kind] : settings[kind]) as DunningPolicy;
    // A saved change is a new version of the company's own policy, so every letter can be traced to its rules.
    const own = settings[kind] as DunningPolicy;
    const id = `own-${settings.country}-${kind === 'business' ? 'B2B' : 'B2C'}`;
    const version = (settings.own[kind] ? own.version : Math.max(own.version, base.version)) + 1;
    const { policy, values, errors } = readPolicyForm(form, base, id, version);
    values.kind = kind;
    values.from = String(form.get('from') ?? '');
    values.version = String(form.get('version') ?? '');
    if (Object.keys(errors).length) return refuse(`policy-${kind}`, values, errors);
    try {
      await locals.api.dunningRun.updateSettings({ companyId: params.companyId, version: Number(values.version), [kind]: policy });
    } catch (e) {
      return refused(e, `policy-${kind}`, values, policyErrorField);
    }
    redirect(303, `/companies/${params.companyId}/dunning?saved=${kind}`);
  },

  reset: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const form = await request.formData();
    const kind = form.get('kind');
    if (!isKind(kind)) return refuse('policy', {}, { form: 'validation.required' });
    try {
      await locals.api.dunningRun.updateSettings({ companyId: params.companyId, version: Number(form.get('version')), [kind]: null });
    } catch (e) {
      return refused(e, `policy-${kind}`, {}, () => 'form');
    }
    redirect(303, `/companies/${params.companyId}/dunning?saved=${kind}`);
  },

  run: async ({ locals, params }) => {
    requireRole(locals.user, 'accountant');
    let report;
    try {
      report = await locals.api.dunningRun.runNow({ companyId: params.companyId });
    } catch (e) {
      return refused(e, 'run', {}, () => 'form');
    }
    const q = new URLSearchParams({ ran: '1', planned: String(report.planned), sent: String(report.sent), dropped: String(report.dropped.length), mode: report.mode });
    redirect(303, `/companies/${params.companyId}/dunning?${q}`);
  },
};

import { fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/messages.js';
import { isApiFailure, load404, translate } from '$lib/server/errors.js';
import type { Actions, PageServerLoad } from './$types';

// Factoring (issue 7 §4): the firm's factor profiles, the eligibility preview of a company's open
// invoices under one profile, selling a selection as a package, and the batches sold so far.

type Problem = { key: MessageKey } | { text: string };

/** The profile form's fields, with the defaults a new profile starts from. */
const PROFILE_DEFAULTS = {
  id: 'factor-standard',
  name: 'Standard terms',
  factorName: '',
  factorIban: '',
  assignment: 'open',
  advancePercent: '85',
  feePercent: '1.5',
  maxInvoiceAgeDays: '90',
  maxDaysPastDue: '60',
  recourseDays: '90',
};
type ProfileField = keyof typeof PROFILE_DEFAULTS;
const PROFILE_FIELDS = Object.keys(PROFILE_DEFAULTS) as ProfileField[];
const DAY_FIELDS: ProfileField[] = ['maxInvoiceAgeDays', 'maxDaysPastDue', 'recourseDays'];

/** Where an error of the profile (a path such as `factor.iban`) belongs on the form. */
function profileFieldOf(path: string | undefined): ProfileField | 'form' {
  const p = (path ?? '').replace(/^profile\./, '');
  if (p.startsWith('factor.iban')) return 'factorIban';
  if (p.startsWith('factor.name')) return 'factorName';
  if (p.startsWith('recourse')) return 'recourseDays';
  const first = p.split(/[.[]/)[0] ?? '';
  return (PROFILE_FIELDS as string[]).includes(first) ? (first as ProfileField) : 'form';
}

/** An API refusal a form shows (bad input, a precondition, a conflict); anything else is thrown on. */
function refusal(e: unknown): { field?: string; text: string } | null {
  if (!isApiFailure(e) || ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'INTERNAL_SERVER_ERROR'].includes(e.code)) return null;
  const issue = (e.cause as { issues?: { path?: unknown[]; message: string }[] } | undefined)?.issues?.[0];
  if (issue) return { field: (issue.path ?? []).map((p) => (p && typeof p === 'object' && 'key' in p ? String((p as { key: unknown }).key) : String(p))).join('.'), text: issue.message };
  return e.field ? { field: e.field, text: e.message } : { text: e.message };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const companyId = params.companyId;
  const api = locals.api;
  const company = await load404(api.company.get({ companyId }));
  const [profiles, seller, batches] = await load404(Promise.all([api.factoring.profiles.list({ companyId }), api.factoring.seller.get({ companyId }), api.factoring.batches({ companyId })]));
  const wanted = url.searchParams.get('profile');
  const profile = profiles.profiles.find((p) => p.id === wanted) ?? profiles.profiles[0] ?? null;
  let preview = null;
  let previewProblem: string | null = null;
  if (profile) {
    try {
      preview = await api.factoring.preview({ companyId, profileId: profile.id });
    } catch (e) {
      const r = refusal(e);
      if (!r) throw translate(e);
      previewProblem = r.text;
    }
  }
  const saved = url.searchParams.get('saved');
  return {
    company: { id: company.id, legalName: company.legalName },
    profiles: profiles.profiles.map((p) => ({ id: p.id, name: p.name, factorName: p.factorName, assignment: p.assignment, advancePercent: p.advancePercent, feePercent: p.feePercent })),
    invalidProfiles: profiles.invalid.map((p) => p.id),
    profile: profile ? { id: profile.id, name: profile.name, factorName: profile.factorName } : null,
    preview,
    previewProblem,
    seller,
    batches,
    profileDefaults: PROFILE_DEFAULTS,
    saved: saved === 'profile' || saved === 'seller' ? saved : null,
  };
};

export const actions: Actions = {
  saveProfile: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, String(form.get(f) ?? '').trim()])) as Record<ProfileField, string>;
    const errors: Partial<Record<ProfileField | 'form', Problem>> = {};
    for (const f of PROFILE_FIELDS) if (values[f] === '') errors[f] = { key: 'factoring.required' };
    for (const f of DAY_FIELDS) if (values[f] !== '' && !/^\d{1,5}$/.test(values[f])) errors[f] = { key: 'factoring.wholeDays' };
    const refuse = () => fail(422, { action: 'saveProfile' as const, values, errors });
    if (Object.keys(errors).length) return refuse();
    const profile = {
      formatVersion: 1,
      id: values.id,
      name: values.name,
      factor: { name: values.factorName, iban: values.factorIban.replace(/\s+/g, '').toUpperCase() },
      assignment: values.assignment,
      advancePercent: values.advancePercent.replace(',', '.'),
      feePercent: values.feePercent.replace(',', '.'),
      maxInvoiceAgeDays: Number(values.maxInvoiceAgeDays),
      maxDaysPastDue: Number(values.maxDaysPastDue),
      recourse: { days: Number(values.recourseDays), from: 'due-date' },
    };
    try {
      await locals.api.factoring.profiles.save({ companyId, profile });
    } catch (e) {
      const r = refusal(e);
      if (!r) throw translate(e);
      errors[profileFieldOf(r.field)] = { text: r.text };
      return refuse();
    }
    redirect(303, `/companies/${companyId}/factoring?profile=${encodeURIComponent(values.id)}&saved=profile`);
  },

  saveSeller: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const values = { street: String(form.get('street') ?? '').trim(), postalCode: String(form.get('postalCode') ?? '').trim(), city: String(form.get('city') ?? '').trim() };
    const errors: Partial<Record<keyof typeof values | 'form', Problem>> = {};
    for (const [k, v] of Object.entries(values)) if (v === '') errors[k as keyof typeof values] = { key: 'factoring.required' };
    const refuse = () => fail(422, { action: 'saveSeller' as const, values, errors });
    if (Object.keys(errors).length) return refuse();
    try {
      await locals.api.factoring.seller.save({ companyId, ...values });
    } catch (e) {
      const r = refusal(e);
      if (!r) throw translate(e);
      const field = r.field?.split('.')[0];
      errors[field === 'street' || field === 'postalCode' || field === 'city' ? field : 'form'] = { text: r.text };
      return refuse();
    }
    redirect(303, `/companies/${companyId}/factoring?saved=seller`);
  },

  createBatch: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const profileId = String(form.get('profileId') ?? '');
    const invoiceIds = form.getAll('invoiceId').map(String);
    const refuse = (problem: Problem) => fail(422, { action: 'createBatch' as const, profileId, selected: invoiceIds, problem });
    if (invoiceIds.length === 0) return refuse({ key: 'factoring.noSelection' });
    let batch;
    try {
      batch = await locals.api.factoring.createBatch({ companyId, profileId, invoiceIds });
    } catch (e) {
      const r = refusal(e);
      if (!r) throw translate(e);
      return refuse({ text: r.text });
    }
    redirect(303, `/companies/${companyId}/factoring/batches/${batch.batchId}?created=1`);
  },
};

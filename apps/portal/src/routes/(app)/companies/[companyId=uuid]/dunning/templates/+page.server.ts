import { fail, redirect } from '@sveltejs/kit';
import { languageOf } from '$lib/i18n/locales.js';
import { fieldErrors, isApiFailure, load404, translate } from '$lib/server/errors.js';
import { isCalendarDate } from '$lib/server/dates.js';
import { requireRole } from '$lib/server/roles.js';
import type { Actions, PageServerLoad } from './$types';

// Letter templates per dunning level and language (issue 6 §4): the company's own subject and
// body, with placeholders; a preview renders the real letter (text here, PDF at preview.pdf) with
// the company's data and a sample debtor and invoice. The legal mentions and amounts stay generated.

const LANGS = ['nl', 'fr', 'en'] as const;
type Lang = (typeof LANGS)[number];
const isLang = (v: unknown): v is Lang => LANGS.includes(v as Lang);
type Bag = Record<string, string>;
interface Preview {
  title: string;
  text: string;
  total: string;
  usesTemplate: 'draft' | 'saved' | 'none';
}

/** What the form gets back: which action, what was typed, errors per field, and a preview. */
function answer(action: string, values: Bag, errors: Bag, preview: Preview | null = null) {
  return { action, values, errors, preview };
}

function chosen(url: URL, fallback: Lang, levels: number) {
  const level = Number(url.searchParams.get('level'));
  const language = url.searchParams.get('language');
  const kind = url.searchParams.get('kind') === 'consumer' ? 'consumer' : 'business';
  return { level: Number.isInteger(level) && level >= 1 && level <= levels ? level : Math.min(2, levels), language: isLang(language) ? language : fallback, kind } as const;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals.user, 'accountant');
  const companyId = params.companyId;
  const [company, settings, list] = await load404(
    Promise.all([locals.api.company.get({ companyId }), locals.api.dunningRun.settings({ companyId }), locals.api.dunningRun.templates.list({ companyId })]),
  );
  const levels = Math.max(settings.business.levels.length, settings.consumer.levels.length);
  const pick = chosen(url, languageOf(locals.locale), levels);
  const current = list.templates.find((t) => t.level === pick.level && t.language === pick.language) ?? null;
  return {
    company: { id: company.id, legalName: company.legalName },
    levels: Array.from({ length: levels }, (_, i) => ({ level: i + 1, business: settings.business.levels[i]?.key ?? null, consumer: settings.consumer.levels[i]?.key ?? null })),
    templates: list.templates,
    placeholders: list.placeholders,
    pick,
    current,
    saved: url.searchParams.get('saved'),
  };
};

function read(form: FormData) {
  const level = Number(form.get('level'));
  const language = String(form.get('language') ?? '');
  const kind = form.get('kind') === 'consumer' ? ('consumer' as const) : ('business' as const);
  const version = form.get('version') ? Number(form.get('version')) : undefined;
  const values: { subject: string; body: string; kind: string; letterDate: string } = { subject: String(form.get('subject') ?? ''), body: String(form.get('body') ?? '').replace(/\r\n?/g, '\n'), kind, letterDate: String(form.get('letterDate') ?? '').trim() };
  return { level, language, kind, version, values };
}

function refused(e: unknown, action: string, values: Bag) {
  if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'CONFLICT' || e.code === 'PRECONDITION_FAILED')) {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(fieldErrors(e))) errors[field === 'subject' || field === 'body' ? field : field === 'asOf' ? 'letterDate' : 'form'] = message;
    return fail(422, answer(action, values, errors));
  }
  throw translate(e);
}

export const actions: Actions = {
  save: async ({ locals, params, request, url }) => {
    requireRole(locals.user, 'accountant');
    const { level, language, version, values } = read(await request.formData());
    if (!isLang(language) || !Number.isInteger(level)) return fail(422, answer('save', values, { form: 'validation.required' }));
    const errors: Bag = {};
    if (!values.subject.trim()) errors.subject = 'validation.required';
    if (!values.body.trim()) errors.body = 'validation.required';
    if (Object.keys(errors).length) return fail(422, answer('save', values, errors));
    try {
      await locals.api.dunningRun.templates.save({ companyId: params.companyId, level, language, subject: values.subject, body: values.body, ...(version !== undefined && { version }) });
    } catch (e) {
      return refused(e, 'save', values);
    }
    redirect(303, `${url.pathname}?${new URLSearchParams({ level: String(level), language, kind: values.kind, saved: 'saved' })}`);
  },

  /** Renders the letter with what is typed (not saved): the form stays as it is. */
  preview: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const { level, language, kind, values } = read(await request.formData());
    if (!isLang(language) || !Number.isInteger(level)) return fail(422, answer('preview', values, { form: 'validation.required' }));
    const draft = values.subject.trim() || values.body.trim() ? { draft: { subject: values.subject, body: values.body } } : {};
    if (values.letterDate && !isCalendarDate(values.letterDate)) return fail(422, answer('preview', values, { letterDate: 'validation.date' }));
    try {
      const p = await locals.api.dunningRun.templates.preview({ companyId: params.companyId, level, language, kind, ...draft, ...(values.letterDate && { asOf: values.letterDate }) });
      return answer('preview', values, {}, { title: p.title, text: p.text, total: p.total, usesTemplate: p.usesTemplate });
    } catch (e) {
      return refused(e, 'preview', values);
    }
  },

  remove: async ({ locals, params, request, url }) => {
    requireRole(locals.user, 'accountant');
    const { level, language, version, values } = read(await request.formData());
    if (!isLang(language) || !Number.isInteger(level) || version === undefined) return fail(422, answer('save', values, { form: 'validation.required' }));
    try {
      await locals.api.dunningRun.templates.remove({ companyId: params.companyId, level, language, version });
    } catch (e) {
      return refused(e, 'save', values);
    }
    redirect(303, `${url.pathname}?${new URLSearchParams({ level: String(level), language, saved: 'removed' })}`);
  },
};

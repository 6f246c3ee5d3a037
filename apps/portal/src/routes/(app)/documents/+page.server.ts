import { error, fail, redirect } from '@sveltejs/kit';
import { detectFormat } from '$lib/server/detect-format.js';
import { isApiFailure, load404, translate } from '$lib/server/errors.js';
import { ownCompanyId, requireRole, rolesOf } from '$lib/server/roles.js';
import { getRuntime } from '$lib/server/runtime.js';
import type { Api } from '$lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

/** The company whose documents are shown: the entrepreneur's own, or the one an accountant picked. */
async function companyFor(locals: App.Locals, url: URL): Promise<{ id: string; choices: { id: string; name: string }[] }> {
  const user = requireRole(locals.user, 'accountant', 'entrepreneur');
  if (rolesOf(user).has('accountant')) {
    const companies = await load404(locals.api.firm.companies());
    const choices = companies.map((c) => ({ id: c.id, name: c.legalName }));
    const wanted = url.searchParams.get('company');
    const id = wanted ?? choices[0]?.id;
    if (!id) error(404, 'Not found');
    return { id, choices };
  }
  const own = ownCompanyId(user);
  if (!own) error(404, 'Not found');
  return { id: own, choices: [] };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const { id, choices } = await companyFor(locals, url);
  const company = await load404(locals.api.company.get({ companyId: id }));
  const documents = await load404(locals.api.document.list({ companyId: id, limit: 100 }));
  return {
    company: { id: company.id, legalName: company.legalName },
    choices,
    documents,
    maxBytes: getRuntime().settings.maxUploadBytes,
    uploaded: Number(url.searchParams.get('uploaded') ?? 0) || 0,
    outcome: { imported: count(url, 'imported'), refused: count(url, 'refused'), stored: count(url, 'stored') },
  };
};

function count(url: URL, name: string): number {
  const v = url.searchParams.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : 0;
}

type Problem = { key: 'documents.tooLarge' | 'documents.unknownType' | 'documents.empty' | 'documents.noFiles'; params: Record<string, string> };

const FORMAT_LABEL = { ubl: 'UBL', pdf: 'PDF', csv: 'CSV', coda: 'CODA', camt053: 'camt.053' } as const;

/** Stores each file and turns it into what it holds; returns how many became what. */
async function store(api: Api, companyId: string, files: { name: string; bytes: Uint8Array; kind: string; mediaType: string }[]) {
  const outcome = { imported: 0, refused: 0, stored: 0 };
  for (const f of files) {
    const doc = await api.document.upload({
      companyId,
      kind: f.kind as never,
      fileName: f.name.replace(/[/\\\0]/g, '_').slice(0, 200),
      mediaType: f.mediaType as never,
      contentBase64: Buffer.from(f.bytes).toString('base64'),
      process: true,
    });
    outcome[doc.status]++;
  }
  return outcome;
}

export const actions: Actions = {
  default: async ({ locals, request, url }) => {
    const { id } = await companyFor(locals, url);
    const max = getRuntime().settings.maxUploadBytes;
    const form = await request.formData();
    const files = form.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
    const refuse = (status: number, problem: Problem) => fail(status, { problem });
    if (files.length === 0) return refuse(422, { key: 'documents.noFiles', params: {} });
    // Every file is checked before any is stored: one bad file means nothing is stored.
    const ready = [];
    for (const file of files) {
      if (file.size === 0) return refuse(422, { key: 'documents.empty', params: { file: file.name } });
      if (file.size > max) return refuse(413, { key: 'documents.tooLarge', params: { file: file.name, size: String(file.size), max: String(max) } });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const detected = detectFormat(file.name, bytes);
      if (!detected.ok) return refuse(415, { key: 'documents.unknownType', params: { file: file.name } });
      ready.push({ name: file.name, bytes, kind: detected.kind, mediaType: detected.mediaType, format: FORMAT_LABEL[detected.format] });
    }
    let outcome;
    try {
      outcome = await store(locals.api, id, ready);
    } catch (e) {
      if (isApiFailure(e) && e.code === 'PAYLOAD_TOO_LARGE') return refuse(413, { key: 'documents.tooLarge', params: { file: ready[0]?.name ?? '', size: '?', max: String(max) } });
      throw translate(e);
    }
    const back = new URLSearchParams();
    if (url.searchParams.has('company')) back.set('company', id);
    back.set('uploaded', String(ready.length));
    for (const [k, v] of Object.entries(outcome)) back.set(k, String(v));
    redirect(303, `/documents?${back}`);
  },
};

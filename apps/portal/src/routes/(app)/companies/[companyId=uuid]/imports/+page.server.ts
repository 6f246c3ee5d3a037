import { error, fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/messages.js';
import { DATE_FORMATS, DELIMITERS, isTarget, MAPPING_FIELDS, readMappingForm, rowProblems, type ImportTarget } from '$lib/server/csv-import.js';
import { detectFormat } from '$lib/server/detect-format.js';
import { isApiFailure, load404, translate } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import { getRuntime } from '$lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

// Invoices or debtors from a CSV file, with the columns chosen by the accountant: (1) choose the
// target and upload a file or pick a stored CSV document, (2) confirm the mapping the API
// suggests, (3) import, all or nothing. An upload is stored as a company document first, so the
// mapping step works on its documentId and nothing is lost between the steps.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const here = (companyId: string, documentId: string, target: ImportTarget) => `/companies/${companyId}/imports?${new URLSearchParams({ documentId, target })}`;

type Problem = { key: MessageKey; params?: Record<string, string> } | { text: string };

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals.user, 'accountant');
  const companyId = params.companyId;
  const target: ImportTarget = isTarget(url.searchParams.get('target')) ? (url.searchParams.get('target') as ImportTarget) : 'invoices';
  const wanted = url.searchParams.get('documentId');
  const [company, documents] = await load404(Promise.all([locals.api.company.get({ companyId }), locals.api.document.list({ companyId, limit: 200 })]));
  // A CSV not imported yet: waiting for its mapping, or refused and worth another try.
  const waiting = documents.filter((d) => d.mediaType === 'text/csv' && d.status !== 'imported').map((d) => ({ id: d.id, fileName: d.fileName, uploadedAt: d.uploadedAt, status: d.status }));
  const base = {
    company: { id: company.id, legalName: company.legalName, country: company.country, language: company.language },
    target,
    fields: MAPPING_FIELDS[target],
    delimiters: DELIMITERS,
    dateFormats: DATE_FORMATS,
    waiting,
    maxBytes: getRuntime().settings.maxUploadBytes,
  };
  if (!wanted) return { ...base, document: null, suggestion: null, unreadable: null };
  if (!UUID.test(wanted)) error(404, 'Not found');
  const document = await load404(locals.api.document.get({ documentId: wanted }));
  // Another company's document is, on this page, one that does not exist.
  if (document.companyId !== companyId) error(404, 'Not found');
  const doc = { id: document.id, fileName: document.fileName, status: document.status, result: document.result };
  if (document.status === 'imported') return { ...base, document: doc, suggestion: null, unreadable: null };
  try {
    const suggestion = await locals.api.imports.suggestMapping({ companyId, documentId: document.id, target });
    return { ...base, document: doc, suggestion, unreadable: null };
  } catch (e) {
    if (isApiFailure(e) && e.code === 'BAD_REQUEST') return { ...base, document: doc, suggestion: null, unreadable: e.message };
    throw translate(e);
  }
};

export const actions: Actions = {
  /** Step 1 with a new file: store it as a document of the company, then map its columns. */
  upload: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const companyId = params.companyId;
    const form = await request.formData();
    const target: ImportTarget = isTarget(form.get('target')) ? (form.get('target') as ImportTarget) : 'invoices';
    const file = form.get('file');
    const refuse = (status: number, problem: Problem) => fail(status, { action: 'upload' as const, target, problem });
    if (!(file instanceof File) || file.size === 0) return refuse(422, { key: 'imports.noFile' });
    const max = getRuntime().settings.maxUploadBytes;
    if (file.size > max) return refuse(413, { key: 'imports.tooLarge', params: { max: `${Math.round(max / 1024)} kB` } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const detected = detectFormat(file.name, bytes);
    if (!detected.ok || detected.format !== 'csv') return refuse(415, { key: 'imports.notCsv', params: { file: file.name } });
    let doc;
    try {
      doc = await locals.api.document.upload({
        companyId,
        kind: 'spreadsheet',
        fileName: file.name.replace(/[/\\\0]/g, '_').slice(0, 200) || 'import.csv',
        mediaType: 'text/csv',
        contentBase64: Buffer.from(bytes).toString('base64'),
        // Processing a CSV only notes that it waits for its mapping, as in the documents list.
        process: true,
      });
    } catch (e) {
      if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'PAYLOAD_TOO_LARGE')) return refuse(422, { text: e.message });
      throw translate(e);
    }
    redirect(303, here(companyId, doc.id, target));
  },

  /** Step 3: import with the chosen columns; every row or none. */
  import: async ({ locals, params, request }) => {
    requireRole(locals.user, 'accountant');
    const companyId = params.companyId;
    const form = await request.formData();
    const target: ImportTarget = isTarget(form.get('target')) ? (form.get('target') as ImportTarget) : 'invoices';
    const documentId = String(form.get('documentId') ?? '');
    if (!UUID.test(documentId)) error(404, 'Not found');
    // The headers come from the file itself, not from the form.
    const { headers } = await load404(locals.api.imports.suggestMapping({ companyId, documentId, target }));
    const read = readMappingForm(form, target, headers);
    if (!read.ok) return fail(422, { action: 'import' as const, target, values: read.values, errors: read.errors, problem: null, rows: null });
    const refuse = (problem: Problem, rows: ReturnType<typeof rowProblems> = null) => fail(422, { action: 'import' as const, target, values: read.values, errors: {}, problem, rows });
    try {
      if (read.input.target === 'invoices') {
        const { target: _, ...input } = read.input;
        await locals.api.imports.invoicesCsv({ companyId, documentId, ...input });
      } else {
        const { target: _, ...input } = read.input;
        await locals.api.imports.debtorsCsv({ companyId, documentId, ...input });
      }
    } catch (e) {
      if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'CONFLICT' || e.code === 'PRECONDITION_FAILED')) {
        const rows = rowProblems(e);
        return rows ? refuse({ key: 'imports.rowsRefused', params: { count: String(rows.length) } }, rows) : refuse({ text: e.message });
      }
      throw translate(e);
    }
    redirect(303, here(companyId, documentId, target));
  },
};

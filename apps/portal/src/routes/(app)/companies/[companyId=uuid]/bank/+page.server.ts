import { fail, redirect } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/messages.js';
import { fieldErrors, isApiFailure, load404, translate } from '$lib/server/errors.js';
import { getRuntime } from '$lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

// Bank statements (issue 5 §6): import a CODA or camt.053 file, then work the unmatched queue.
// The outcome of an import travels in the redirect's query string, so a reload shows it again
// without posting twice.

const AMOUNT = /^\d+([.,]\d{1,2})?$/;

function count(url: URL, name: string): number | null {
  const v = url.searchParams.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

/** The import result carried by the redirect after a successful upload, or null. */
function resultFrom(url: URL) {
  const imported = count(url, 'imported');
  if (imported === null) return null;
  const format = url.searchParams.get('format');
  return {
    format: format === 'coda' ? 'CODA' : format === 'camt053' ? 'camt.053' : '',
    imported,
    skipped: count(url, 'skipped') ?? 0,
    matched: count(url, 'matched') ?? 0,
    queued: count(url, 'queued') ?? 0,
    reversed: count(url, 'reversed') ?? 0,
    warnings: url.searchParams.getAll('warning').slice(0, 10),
  };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const companyId = params.companyId;
  const company = await load404(locals.api.company.get({ companyId }));
  const queue = await load404(locals.api.bank.unmatched({ companyId, limit: 100 }));
  const done = url.searchParams.get('done');
  return {
    company: { id: company.id, legalName: company.legalName },
    queue,
    result: resultFrom(url),
    done: done === 'confirmed' || done === 'ignored' || done === 'returned' ? (done as 'confirmed' | 'ignored' | 'returned') : null,
    maxBytes: getRuntime().settings.maxUploadBytes,
  };
};

type Problem = { key: MessageKey; params?: Record<string, string> };

export const actions: Actions = {
  import: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const file = form.get('statement');
    const acceptUnbalanced = form.get('acceptUnbalanced') === 'on';
    const refuse = (problem: Problem | { text: string }) => fail(422, { action: 'import' as const, problem, acceptUnbalanced });
    if (!(file instanceof File) || file.size === 0) return refuse({ key: 'bank.noFile' });
    const max = getRuntime().settings.maxUploadBytes;
    if (file.size > max) return refuse({ key: 'bank.tooLarge', params: { max: `${Math.round(max / 1024)} kB` } });
    const bytes = Buffer.from(await file.arrayBuffer());
    let result;
    try {
      result = await locals.api.bank.importStatement({
        companyId,
        contentBase64: bytes.toString('base64'),
        fileName: file.name.replace(/[/\\\0]/g, '_').slice(0, 200) || 'statement',
        acceptUnbalanced,
      });
    } catch (e) {
      if (isApiFailure(e) && (e.code === 'BAD_REQUEST' || e.code === 'PAYLOAD_TOO_LARGE' || e.code === 'PRECONDITION_FAILED' || e.code === 'CONFLICT')) return refuse({ text: e.message });
      throw translate(e);
    }
    const back = new URLSearchParams({
      format: result.format,
      imported: String(result.transactionsInserted),
      skipped: String(result.transactionsSkipped),
      matched: String(result.matched),
      queued: String(result.unmatched),
      reversed: String(result.reversedPaymentIds.length),
    });
    for (const w of result.warnings.slice(0, 10)) back.append('warning', w.slice(0, 300));
    redirect(303, `/companies/${companyId}/bank?${back}`);
  },

  confirm: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const transactionId = String(form.get('transactionId') ?? '');
    const invoiceIds = form.getAll('invoiceId').map(String);
    const amounts = form.getAll('amount').map((a) => String(a).trim());
    const values = Object.fromEntries(invoiceIds.map((id, i) => [id, amounts[i] ?? '']));
    const refuse = (errors: Record<string, Problem | { text: string }>) => fail(422, { action: 'confirm' as const, transactionId, values, errors });
    const errors: Record<string, Problem> = {};
    const allocations: { invoiceId: string; amount: string }[] = [];
    invoiceIds.forEach((invoiceId, i) => {
      const amount = amounts[i] ?? '';
      if (amount === '') return;
      if (!AMOUNT.test(amount)) errors[invoiceId] = { key: 'bank.badAmount' };
      else allocations.push({ invoiceId, amount: amount.replace(',', '.') });
    });
    if (Object.keys(errors).length) return refuse(errors);
    if (allocations.length === 0) return refuse({ form: { key: 'bank.noAllocation' } });
    try {
      await locals.api.bank.confirm({ companyId, transactionId, allocations });
    } catch (e) {
      if (isApiFailure(e) && e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN' && e.code !== 'UNAUTHORIZED') return refuse({ form: { text: Object.values(fieldErrors(e)).join(' ') } });
      throw translate(e);
    }
    redirect(303, `/companies/${companyId}/bank?done=confirmed`);
  },

  /** A queued return takes back this payment: reverse it (the invoices are open again). */
  confirmReturn: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const transactionId = String(form.get('transactionId') ?? '');
    const paymentId = String(form.get('paymentId') ?? '');
    try {
      await locals.api.bank.confirmReturn({ companyId, transactionId, paymentId });
    } catch (e) {
      if (isApiFailure(e) && e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN' && e.code !== 'UNAUTHORIZED') return fail(422, { action: 'confirmReturn' as const, transactionId, problem: { text: e.message } });
      throw translate(e);
    }
    redirect(303, `/companies/${companyId}/bank?done=returned`);
  },

  ignore: async ({ locals, params, request }) => {
    const companyId = params.companyId;
    const form = await request.formData();
    const transactionId = String(form.get('transactionId') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    const refuse = (problem: Problem | { text: string }) => fail(422, { action: 'ignore' as const, transactionId, reason, problem });
    if (reason.length < 3) return refuse({ key: 'bank.reasonTooShort' });
    try {
      await locals.api.bank.ignore({ companyId, transactionId, reason });
    } catch (e) {
      if (isApiFailure(e) && e.code !== 'NOT_FOUND' && e.code !== 'FORBIDDEN' && e.code !== 'UNAUTHORIZED') return refuse({ text: e.message });
      throw translate(e);
    }
    redirect(303, `/companies/${companyId}/bank?done=ignored`);
  },
};

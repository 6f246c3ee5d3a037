import { error } from '@sveltejs/kit';
import { disputeAction, holdAction, promiseAction } from '$lib/server/collection-actions.js';
import { load404 } from '$lib/server/errors.js';
import { paymentQrSvg, printedReference } from '$lib/server/payment-qr.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const api = locals.api;
  const invoice = await load404(api.invoice.get({ invoiceId: params.invoiceId }));
  if (invoice.companyId !== params.companyId) error(404, 'Not found');
  const company = await load404(api.company.get({ companyId: params.companyId }));
  const debtor = await load404(api.debtor.get({ debtorId: invoice.debtorId }));
  const [reminders, collection, payments] = await load404(
    Promise.all([
      api.dunning.history({ invoiceId: invoice.id, limit: 100 }),
      api.collection.forInvoice({ invoiceId: invoice.id }),
      api.payment.list({ companyId: company.id, debtorId: invoice.debtorId, limit: 50 }),
    ]),
  );
  // The API has no "payments of an invoice" query: read the debtor's recent payments' allocations.
  const allocations = [];
  for (const p of payments.items) {
    const full = await load404(api.payment.get({ paymentId: p.id }));
    for (const a of full.allocations) {
      if (a.invoiceId === invoice.id) allocations.push({ paymentId: p.id, receivedOn: p.receivedOn, method: p.method, allocatedOn: a.allocatedOn, amount: a.amount, reversed: a.reversed || p.reversed });
    }
  }
  const qr = invoice.status === 'open' ? await paymentQrSvg({ name: company.legalName, iban: company.iban, bic: company.bic, amount: invoice.open, reference: invoice.paymentReference, number: invoice.number }) : null;
  return {
    company: { id: company.id, legalName: company.legalName, asOf: company.asOf, iban: company.iban },
    debtor: { id: debtor.id, name: debtor.name },
    invoice,
    reference: printedReference(invoice.paymentReference),
    qr,
    reminders,
    collection,
    allocations,
    done: url.searchParams.get('done'),
  };
};

async function context(locals: App.Locals, params: { companyId: string; invoiceId: string }) {
  const invoice = await load404(locals.api.invoice.get({ invoiceId: params.invoiceId }));
  if (invoice.companyId !== params.companyId) error(404, 'Not found');
  return { today: invoice.asOf, back: `/companies/${params.companyId}/invoices/${invoice.id}` };
}

export const actions: Actions = {
  dispute: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    return disputeAction(locals.api, await request.formData(), back, today);
  },
  promise: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    return promiseAction(locals.api, await request.formData(), back, today);
  },
  hold: async ({ locals, params, request }) => {
    const { back } = await context(locals, params);
    return holdAction(locals.api, await request.formData(), back, { invoiceId: params.invoiceId });
  },
};

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
  const [reminders, collection, settled, promises] = await load404(
    Promise.all([
      api.dunning.history({ invoiceId: invoice.id, limit: 100 }),
      api.collection.forInvoice({ invoiceId: invoice.id }),
      api.payment.forInvoice({ invoiceId: invoice.id }),
      api.collection.promise.list({ debtorId: invoice.debtorId }),
    ]),
  );
  // Payments and credit notes applied to this invoice (a credit note has no receipt date: its allocation date stands in).
  const allocations = settled.settlements.map((s) => ({ id: s.allocationId, receivedOn: s.receivedOn ?? s.allocatedOn, method: s.method, allocatedOn: s.allocatedOn, amount: s.amount, reversed: s.reversed }));
  const qr = invoice.status === 'open' ? await paymentQrSvg({ name: company.legalName, iban: company.iban, bic: company.bic, amount: invoice.open, reference: invoice.paymentReference, number: invoice.number }) : null;
  return {
    company: { id: company.id, legalName: company.legalName, asOf: company.asOf, iban: company.iban },
    debtor: { id: debtor.id, name: debtor.name },
    invoice,
    reference: printedReference(invoice.paymentReference),
    qr,
    reminders,
    collection,
    promises: promises.filter((p) => p.invoiceId === invoice.id),
    allocations,
    done: url.searchParams.get('done'),
  };
};

async function context(locals: App.Locals, params: { companyId: string; invoiceId: string }) {
  const invoice = await load404(locals.api.invoice.get({ invoiceId: params.invoiceId }));
  if (invoice.companyId !== params.companyId) error(404, 'Not found');
  return { today: invoice.asOf, debtorId: invoice.debtorId, back: `/companies/${params.companyId}/invoices/${invoice.id}` };
}

export const actions: Actions = {
  dispute: async ({ locals, params, request }) => {
    const { today, back } = await context(locals, params);
    return disputeAction(locals.api, await request.formData(), back, today);
  },
  promise: async ({ locals, params, request }) => {
    const { today, back, debtorId } = await context(locals, params);
    return promiseAction(locals.api, await request.formData(), back, today, debtorId);
  },
  hold: async ({ locals, params, request }) => {
    const { back } = await context(locals, params);
    return holdAction(locals.api, await request.formData(), back, { invoiceId: params.invoiceId });
  },
};

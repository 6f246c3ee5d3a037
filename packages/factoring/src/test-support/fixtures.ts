// A small batch and a profile for the tests, with valid test identifiers (reference.md §6–§7).
import type { FactoringBatchInput } from '../input/parse-batch.js';
import type { FactorProfileInput } from '../profile/parse-profile.js';

export const AS_OF = '2025-06-30';

export function profileInput(over: Partial<FactorProfileInput> = {}): FactorProfileInput {
  return {
    formatVersion: 1,
    id: 'acme-2025',
    name: 'Acme Factoring standard terms',
    factor: { name: 'Acme Factoring NV', iban: 'BE71096123456769', bic: 'GKCCBEBB', address: 'Kunstlaan 1, 1000 Brussel', email: 'ops@acme-factoring.example' },
    assignment: 'open',
    advancePercent: '85',
    feePercent: '1.5',
    fixedFeePerInvoice: '2.50',
    maxInvoiceAgeDays: 90,
    maxDaysPastDue: 60,
    recourse: { days: 90, from: 'due-date' },
    ...over,
  };
}

type InvoiceIn = FactoringBatchInput['invoices'][number];
type DebtorIn = FactoringBatchInput['debtors'][number];

export function debtorInput(id: string, over: Partial<DebtorIn> = {}): DebtorIn {
  return {
    id,
    name: `Debtor ${id} BV`,
    kind: 'business',
    country: 'BE',
    language: 'nl',
    vatNumber: 'BE0428759497',
    address: { street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
    ...over,
  };
}

export function invoiceInput(id: string, debtorId: string, over: Partial<InvoiceIn> = {}): InvoiceIn {
  return {
    id,
    number: `F-${id}`,
    debtorId,
    issueDate: '2025-06-01',
    dueDate: '2025-07-01',
    currency: 'EUR',
    netAmount: '1000.00',
    vatAmount: '210.00',
    grossAmount: '1210.00',
    outstanding: '1210.00',
    paymentReference: '+++240/2838/42818+++',
    documents: { ubl: { text: `<Invoice><cbc:ID>F-${id}</cbc:ID></Invoice>` } },
    ...over,
  };
}

export function batchInput(invoices: InvoiceIn[], debtors: DebtorIn[], over: Partial<FactoringBatchInput> = {}): FactoringBatchInput {
  return {
    formatVersion: 1,
    batchId: 'B-2025-06-30-1',
    seller: {
      id: 'seller-1',
      name: 'Atelier Lumière BV',
      country: 'BE',
      vatNumber: 'BE0403019261',
      enterpriseNumber: '0403019261',
      iban: 'BE68539007547034',
      bic: 'GKCCBEBB',
      address: { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent', country: 'BE' },
      email: 'boekhouding@atelier-lumiere.be',
    },
    debtors,
    invoices,
    ...over,
  };
}

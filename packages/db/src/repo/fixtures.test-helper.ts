import { money } from '@fact/core';
import type { Executor } from '../client/types.js';
import { createDebtor } from './debtors.js';
import { createInvoice, type InvoiceLine } from './invoices.js';
import { createCompany, createFirm } from './tenancy.js';

/** A firm with two companies (A and B) and a debtor in each: the smallest two-tenant world. */
export async function twoTenants(db: Executor) {
  const firm = await createFirm(db, { name: 'Demo Accountants', country: 'BE' });
  const base = { country: 'BE' as const, language: 'nl' as const, timeZone: 'Europe/Brussels', enterpriseNumber: null, vatNumber: null, iban: null, bic: null, dunningPolicy: null };
  const a = await createCompany(db, firm.id, { ...base, legalName: 'Alpha BV' });
  const b = await createCompany(db, firm.id, { ...base, legalName: 'Beta NV' });
  const debtorA = await createDebtor(db, { companyId: a.id }, { kind: 'business', name: 'Kroon NV', language: 'nl', country: 'BE' });
  const debtorB = await createDebtor(db, { companyId: b.id }, { kind: 'consumer', name: 'Jan Peeters', language: 'nl', country: 'BE' });
  return { firm, a, b, debtorA, debtorB };
}

/** One 21 % line of `net` euro. */
export function line(net: string): InvoiceLine {
  const n = money(net);
  return { description: 'Services', quantity: '1', unitPrice: net, vatRate: '21', vatCategory: 'S', net: n, vat: n.times('0.21').toDecimalPlaces(2) };
}

/** Creates an open invoice of `net` euro (+21 %) for a debtor. */
export function invoiceFor(db: Executor, companyId: string, debtorId: string, number: string, net = '100', dates = { issueDate: '2025-03-01', dueDate: '2025-03-31' }) {
  return createInvoice(db, { companyId }, { debtorId, number, ...dates, lines: [line(net)] });
}

import { money } from '@fact/core';
import type { BankTransaction, Remittance } from '../src/model/types.js';
import type { OpenInvoice } from '../src/reconcile/types.js';

let counter = 0;

/** A booked transaction with sensible defaults: `amount` signed, + money in. */
export function tx(amount: string, extra: Partial<Omit<BankTransaction, 'amount'>> & { remittance?: Remittance } = {}): BankTransaction {
  counter++;
  const value = money(amount);
  return {
    dedupKey: `test:${counter}`,
    bookingDate: '2025-03-10',
    valueDate: '2025-03-10',
    amount: value,
    currency: 'EUR',
    direction: value.isNegative() ? 'debit' : 'credit',
    reversal: false,
    counterparty: {},
    remittance: {},
    ...extra,
  };
}

/** An open invoice with sensible defaults. */
export function invoice(id: string, openAmount: string, extra: Partial<OpenInvoice> = {}): OpenInvoice {
  return {
    id,
    companyId: 'co_1',
    number: `2025-${id.replace(/\D/g, '').padStart(4, '0')}`,
    debtorName: 'Bakkerij Peeters BV',
    debtorIbans: ['BE68539007547034'],
    openAmount,
    dueDate: '2025-03-01',
    ...extra,
  };
}

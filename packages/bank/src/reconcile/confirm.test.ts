import { isFactError } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { invoice, tx } from '../../test/builders.js';
import { confirmAllocation } from './confirm.js';
import { paymentLines } from './paymentLines.js';

const line = paymentLines(tx('300.00'))[0]!;
const invoices = [invoice('i1', '100.00'), invoice('i2', '250.00')];

function fieldOf(run: () => unknown): [string | undefined, string | undefined] {
  try {
    run();
  } catch (e) {
    if (isFactError(e)) return [e.code, e.field];
    throw e;
  }
  return [undefined, undefined];
}

describe('confirmAllocation (the accountant assigns a payment from the queue)', () => {
  it('returns the allocations and what is left unapplied', () => {
    const r = confirmAllocation(line, [{ invoiceId: 'i1', amount: '100.00' }, { invoiceId: 'i2', amount: '150.00' }], invoices);
    expect(r.allocations.map((a) => [a.invoiceId, a.amount.toFixed(2)])).toEqual([['i1', '100.00'], ['i2', '150.00']]);
    expect(r.unapplied.toFixed(2)).toBe('50.00');
  });

  it('refuses more than the invoice has open', () => {
    expect(fieldOf(() => confirmAllocation(line, [{ invoiceId: 'i1', amount: '100.01' }], invoices))).toEqual(['INVALID_AMOUNT', 'allocations[0].amount']);
  });

  it('refuses more than the payment in total', () => {
    expect(fieldOf(() => confirmAllocation(line, [{ invoiceId: 'i2', amount: '250.00' }, { invoiceId: 'i1', amount: '60.00' }], invoices))).toEqual(['INVALID_AMOUNT', 'allocations[1].amount']);
  });

  it('refuses an unknown invoice, zero, and money out', () => {
    expect(fieldOf(() => confirmAllocation(line, [{ invoiceId: 'nope', amount: '1.00' }], invoices))).toEqual(['UNKNOWN_ITEM', 'allocations[0].invoiceId']);
    expect(fieldOf(() => confirmAllocation(line, [{ invoiceId: 'i1', amount: '0' }], invoices))).toEqual(['INVALID_AMOUNT', 'allocations[0].amount']);
    expect(fieldOf(() => confirmAllocation(paymentLines(tx('-5.00'))[0]!, [], invoices))).toEqual(['INVALID_ARGUMENT', 'payment']);
  });
});

import fc from 'fast-check';
import { Dec } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { invoice, tx } from '../../test/builders.js';
import { reconcile } from './reconcile.js';
import type { OpenInvoice } from './types.js';

// Valid OGMs: 10 digits n, then n mod 97 (97 for 0). reference.md §6.1.
const ogmOf = (n: number) => {
  const base = String(n).padStart(10, '0');
  const r = n % 97;
  return base + String(r === 0 ? 97 : r).padStart(2, '0');
};
const IBANS = ['BE68539007547034', 'BE72000000001616', 'BE43730004200601'];

const invoicesArb = fc
  .array(fc.record({ cents: fc.integer({ min: 0, max: 50_000 }), withRef: fc.boolean(), iban: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 8 })
  .map((list): OpenInvoice[] =>
    list.map((x, i) =>
      invoice(`i${i + 1}`, new Dec(x.cents).dividedBy(100).toFixed(2), {
        ...(x.withRef ? { reference: ogmOf(i + 1) } : {}),
        debtorIbans: [IBANS[x.iban] ?? ''],
      }),
    ),
  );

const paymentArb = fc.record({
  cents: fc.integer({ min: -30_000, max: 60_000 }),
  target: fc.integer({ min: 1, max: 10 }),
  second: fc.integer({ min: 1, max: 10 }),
  how: fc.constantFrom('ref', 'text-ogm', 'numbers', 'number', 'nothing'),
  iban: fc.integer({ min: 0, max: 3 }),
  reversal: fc.boolean(),
});

type Payment = typeof paymentArb extends fc.Arbitrary<infer T> ? T : never;

function transactionsOf(payments: Payment[]) {
  return payments.map((p) => {
    const amount = new Dec(p.cents).dividedBy(100).toFixed(2);
    const remittance =
      p.how === 'ref' ? { structured: { scheme: 'ogm' as const, reference: ogmOf(p.target) } }
      : p.how === 'text-ogm' ? { unstructured: `+++${ogmOf(p.target).replace(/^(\d{3})(\d{4})(\d{5})$/, '$1/$2/$3')}+++` }
      : p.how === 'numbers' ? { unstructured: `2025-${String(p.target).padStart(4, '0')} 2025-${String(p.second).padStart(4, '0')}` }
      : p.how === 'number' ? { unstructured: `2025-${String(p.target).padStart(4, '0')}` }
      : {};
    return tx(amount, { remittance, reversal: p.reversal && p.cents < 0, counterparty: IBANS[p.iban] ? { iban: IBANS[p.iban] } : {} });
  });
}

describe('reconcile invariants (fast-check)', () => {
  it('never allocates more than a payment, nor more than an invoice has open, and is deterministic', () => {
    fc.assert(
      fc.property(invoicesArb, fc.array(paymentArb, { maxLength: 12 }), (invoices, payments) => {
        const txs = transactionsOf(payments);
        const results = reconcile(txs, invoices);
        const open = new Map(invoices.map((inv) => [inv.id, new Dec(String(inv.openAmount))]));
        for (const { payment, outcome } of results) {
          if (outcome.kind === 'reversal') {
            for (const a of outcome.original?.allocations ?? []) open.set(a.invoiceId, (open.get(a.invoiceId) ?? new Dec(0)).plus(a.amount));
          }
          if (outcome.kind !== 'auto') continue;
          const total = outcome.allocations.reduce((s, a) => s.plus(a.amount), new Dec(0));
          expect(total.lte(payment.amount)).toBe(true);
          expect(total.plus(outcome.unapplied).eq(payment.amount)).toBe(true);
          for (const a of outcome.allocations) {
            expect(a.amount.isPositive() && !a.amount.isZero()).toBe(true);
            const left = (open.get(a.invoiceId) ?? new Dec(0)).minus(a.amount);
            expect(left.isNegative()).toBe(false);
            open.set(a.invoiceId, left);
          }
        }
        expect(JSON.stringify(reconcile(txs, invoices))).toBe(JSON.stringify(results));
      }),
      { numRuns: 300 },
    );
  });

  it('suggestions never score 100 and never list an invoice twice', () => {
    fc.assert(
      fc.property(invoicesArb, fc.array(paymentArb, { maxLength: 8 }), (invoices, payments) => {
        for (const { outcome } of reconcile(transactionsOf(payments), invoices)) {
          if (outcome.kind !== 'suggest') continue;
          const ids = outcome.candidates.map((c) => c.invoiceId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(outcome.candidates.every((c) => c.score > 0 && c.score < 100)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { computeInvoiceTotals } from '../invoice/totals.js';
import type { InvoiceLineInput } from '../invoice/types.js';
import { roundCents, sumMoney, toCents } from '../money/money.js';
import { discountTerms } from './discount-terms.js';
import { settleWithDiscount } from './settle.js';
import type { DiscountVatMode } from './types.js';

function totalsOf(lines: InvoiceLineInput[], extra: { prepaidAmount?: string; kind?: 'invoice' | 'credit-note' } = {}) {
  return computeInvoiceTotals({
    kind: extra.kind ?? 'invoice',
    number: 'F1',
    issueDate: '2025-03-01',
    currency: 'EUR',
    vatCountry: 'BE',
    lines,
    ...(extra.prepaidAmount ? { prepaidAmount: extra.prepaidAmount } : {}),
    ...(extra.kind === 'credit-note' ? { correctsInvoice: 'F0' } : {}),
  });
}
const hundred = totalsOf([{ description: 'Service', quantity: 1, unitPrice: '100', vatCategory: 'S', vatRate: 21 }]);
const odoo = (vatMode: DiscountVatMode) => discountTerms(hundred, { percent: 2, withinDays: 7, vatMode }, '2025-03-01');

function expectFact(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactError);
    expect([(e as FactError).code, (e as FactError).field]).toEqual([code, field]);
    return;
  }
  throw new Error(`expected ${code} on ${field}, nothing was thrown`);
}

describe('discountTerms: Odoo documentation example (€100 + 21 %, 2 % within 7 days, net 30; other-systems.md §2.1)', () => {
  it('"Always" / Belgian mode: 118.58 early, 120.58 late, VAT on the discounted base from the start', () => {
    const t = odoo('on-discounted-base');
    expect(t.deadline).toBe('2025-03-08');
    expect([t.payableIfEarly.toFixed(2), t.payableIfLate.toFixed(2)]).toEqual(['118.58', '120.58']);
    expect([t.baseDiscount.toFixed(2), t.vatDiscount.toFixed(2), t.discountTotal.toFixed(2)]).toEqual(['2.00', '0.42', '2.42']);
    expect(t.invoiceVatTotal.toFixed(2)).toBe('20.58');
  });

  it('"On early payment": 118.58 early, 121.00 late', () => {
    const t = odoo('reduce-on-early-payment');
    expect([t.payableIfEarly.toFixed(2), t.payableIfLate.toFixed(2)]).toEqual(['118.58', '121.00']);
    expect(t.invoiceVatTotal.toFixed(2)).toBe('21.00');
  });

  it('"Never": 119.00 early, 121.00 late', () => {
    const t = odoo('none');
    expect([t.payableIfEarly.toFixed(2), t.payableIfLate.toFixed(2)]).toEqual(['119.00', '121.00']);
    expect(t.vatDiscount.isZero()).toBe(true);
  });
});

describe('discountTerms: rounding once', () => {
  // Odoo PR #247996 (other-systems.md §5 item 23): per-line rounding gives a different discount than
  // global rounding. Ten lines of 0.95: per line 2 % = 0.019 → 0.02 each = 0.20; on the total 9.50 × 2 % = 0.19.
  const tenLines = totalsOf(Array.from({ length: 10 }, (_, i) => ({ id: String(i), description: 'x', quantity: 1, unitPrice: '0.95', vatCategory: 'S' as const, vatRate: 21 })));

  it('takes the discount on the total (0.19), not per line (0.20)', () => {
    const t = discountTerms(tenLines, { percent: 2, withinDays: 10, vatMode: 'none' }, '2025-03-01');
    expect(t.baseDiscount.toFixed(2)).toBe('0.19');
  });

  it('keeps Belgian VAT equal to rate × discounted base for every category', () => {
    const mixed = totalsOf([
      { description: 'a', quantity: 3, unitPrice: '33.37', vatCategory: 'S', vatRate: 21 },
      { description: 'b', quantity: 7, unitPrice: '12.49', vatCategory: 'S', vatRate: 6 },
      { description: 'c', quantity: 1, unitPrice: '55.55', vatCategory: 'AE', vatRate: 0 },
    ]);
    const t = discountTerms(mixed, { percent: '2.5', withinDays: 14, vatMode: 'on-discounted-base' }, '2025-03-01');
    for (const c of t.perCategory) {
      expect(c.vatOnDiscountedBase.equals(roundCents(c.taxableAmount.minus(c.baseDiscount).times(c.rate).dividedBy(100)))).toBe(true);
    }
    expect(sumMoney(t.perCategory.map((c) => c.baseDiscount)).equals(t.baseDiscount)).toBe(true);
    expect(t.perCategory.find((c) => c.category === 'AE')?.vatDiscount.isZero()).toBe(true);
  });

  it('property: discount + discounted payable = original, and the parts add up to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cents: fc.integer({ min: 0, max: 5_000_000 }),
            qty: fc.integer({ min: 1, max: 20 }),
            vat: fc.constantFrom<[InvoiceLineInput['vatCategory'], number]>(['S', 21], ['S', 12], ['S', 6], ['Z', 0], ['K', 0]),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 999 }).map((p) => (p / 100).toString()),
        fc.constantFrom<DiscountVatMode>('on-discounted-base', 'reduce-on-early-payment', 'none'),
        (ls, percent, vatMode) => {
          const totals = totalsOf(ls.map((l, i) => ({ id: String(i), description: 'x', quantity: l.qty, unitPrice: (l.cents / 100).toFixed(2), vatCategory: l.vat[0], vatRate: l.vat[1] })));
          const t = discountTerms(totals, { percent, withinDays: 10, vatMode }, '2025-03-01');
          expect(t.discountTotal.plus(t.payableIfEarly).equals(totals.payable)).toBe(true);
          expect(t.baseDiscount.plus(t.vatDiscount).equals(t.discountTotal)).toBe(true);
          expect(sumMoney(t.perCategory.map((c) => c.vatDiscount)).equals(t.vatDiscount)).toBe(true);
          expect(t.payableIfLate.greaterThanOrEqualTo(t.payableIfEarly)).toBe(true);
          expect(t.vatDiscount.isNegative() && !t.vatDiscount.isZero()).toBe(false);
          for (const m of [t.discountTotal, t.payableIfEarly, t.payableIfLate]) expect(() => toCents(m)).not.toThrow();
          // Paying exactly the early amount by the deadline settles the invoice with nothing left.
          const payments = t.payableIfEarly.greaterThan(0) ? [{ date: t.deadline, amount: t.payableIfEarly.toFixed(2) }] : [];
          const s = settleWithDiscount(t, payments);
          if (t.payableIfEarly.greaterThan(0)) expect(s).toMatchObject({ status: 'earned' });
          if (s.status === 'earned') expect(s.remaining.isZero() && s.overpaid.isZero()).toBe(true);
        },
      ),
    );
  });

  it('refuses broken offers, naming the field', () => {
    expectFact(() => discountTerms(hundred, { percent: 0, withinDays: 7, vatMode: 'none' }, '2025-03-01'), 'INVALID_PERCENTAGE', 'discount.percent');
    expectFact(() => discountTerms(hundred, { percent: 100, withinDays: 7, vatMode: 'none' }, '2025-03-01'), 'INVALID_PERCENTAGE', 'discount.percent');
    expectFact(() => discountTerms(hundred, { percent: '2%', withinDays: 7, vatMode: 'none' }, '2025-03-01'), 'INVALID_PERCENTAGE', 'discount.percent');
    expectFact(() => discountTerms(hundred, { percent: 2, withinDays: -1, vatMode: 'none' }, '2025-03-01'), 'INVALID_ARGUMENT', 'discount.withinDays');
    expectFact(() => discountTerms(hundred, { percent: 2, withinDays: 7, vatMode: 'always' as never }, '2025-03-01'), 'INVALID_ARGUMENT', 'discount.vatMode');
    expectFact(() => discountTerms(hundred, { percent: 2, withinDays: 7, vatMode: 'none' }, '2025-3-1'), 'INVALID_DATE', 'from');
    const cn = totalsOf([{ description: 'x', quantity: 1, unitPrice: '10', vatCategory: 'S', vatRate: 21 }], { kind: 'credit-note' });
    expectFact(() => discountTerms(cn, { percent: 2, withinDays: 7, vatMode: 'none' }, '2025-03-01'), 'INVALID_INVOICE', 'totals.kind');
    const mostlyPrepaid = totalsOf([{ description: 'x', quantity: 1, unitPrice: '100', vatCategory: 'S', vatRate: 21 }], { prepaidAmount: '120.00' });
    expectFact(() => discountTerms(mostlyPrepaid, { percent: 2, withinDays: 7, vatMode: 'none' }, '2025-03-01'), 'INVALID_AMOUNT', 'totals.payable');
  });
});

describe('settleWithDiscount', () => {
  const be = odoo('on-discounted-base');

  it('earns the discount when partial payments within the deadline reach the discounted amount (no 0.01 residue, ERPNext PR #34287)', () => {
    const s = settleWithDiscount(be, [
      { date: '2025-03-03', amount: '50.00' },
      { date: '2025-03-08', amount: '68.58' },
    ]);
    expect(s.status).toBe('earned');
    if (s.status !== 'earned') return;
    expect([s.remaining.toFixed(2), s.overpaid.toFixed(2), s.discountGranted.toFixed(2)]).toEqual(['0.00', '0.00', '2.42']);
    expect(s.vatCorrection.isZero()).toBe(true); // Belgian mode: VAT was already on the discounted base.
  });

  it('in "reduce on early payment" mode, an earned discount comes with its VAT correction', () => {
    const s = settleWithDiscount(odoo('reduce-on-early-payment'), [{ date: '2025-03-07', amount: '118.58' }]);
    expect(s).toMatchObject({ status: 'earned' });
    if (s.status === 'earned') expect(s.vatCorrection.toFixed(2)).toBe('0.42');
  });

  it('a part paid in time does not earn part of the discount: the late amount minus payments is owed', () => {
    const s = settleWithDiscount(be, [{ date: '2025-03-05', amount: '100.00' }]);
    expect(s.status).toBe('lost');
    if (s.status === 'lost') expect([s.remaining.toFixed(2), s.paidInTime.toFixed(2)]).toEqual(['20.58', '100.00']);
    // Paying that remainder closes the invoice exactly.
    const closed = settleWithDiscount(be, [{ date: '2025-03-05', amount: '100.00' }, { date: '2025-04-01', amount: '20.58' }]);
    expect(closed).toMatchObject({ status: 'lost' });
    if (closed.status === 'lost') expect([closed.remaining.toFixed(2), closed.overpaid.toFixed(2)]).toEqual(['0.00', '0.00']);
  });

  it('a payment one day after the deadline is late; on the deadline it is in time', () => {
    expect(settleWithDiscount(be, [{ date: '2025-03-09', amount: '118.58' }])).toMatchObject({ status: 'lost' });
    expect(settleWithDiscount(be, [{ date: '2025-03-08', amount: '118.58' }])).toMatchObject({ status: 'earned' });
  });

  it('before the deadline, an unearned discount is pending with the rest of the discounted amount (Odoo PR #94050)', () => {
    const s = settleWithDiscount(be, [{ date: '2025-03-02', amount: '18.58' }], '2025-03-04');
    expect(s.status).toBe('pending');
    if (s.status === 'pending') expect([s.remainingToEarn.toFixed(2), s.remainingIfLate.toFixed(2), s.deadline]).toEqual(['100.00', '102.00', '2025-03-08']);
  });

  it('reports an overpayment instead of a negative balance', () => {
    const s = settleWithDiscount(odoo('none'), [{ date: '2025-04-30', amount: '125.00' }]);
    expect(s).toMatchObject({ status: 'lost' });
    if (s.status === 'lost') expect([s.remaining.toFixed(2), s.overpaid.toFixed(2)]).toEqual(['0.00', '4.00']);
  });

  it('refuses broken payments, naming the field', () => {
    expectFact(() => settleWithDiscount(be, [{ date: '2025-03-02', amount: '0' }]), 'INVALID_AMOUNT', 'payments[0].amount');
    expectFact(() => settleWithDiscount(be, [{ date: '2025-03-02', amount: '1' }, { date: '2025-03-02', amount: '1.001' }]), 'INVALID_AMOUNT', 'payments[1].amount');
    expectFact(() => settleWithDiscount(be, [{ date: 'yesterday', amount: '1' }]), 'INVALID_DATE', 'payments[0].date');
  });
});

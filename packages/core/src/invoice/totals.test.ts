import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { money, sumMoney, toCents } from '../money/money.js';
import type { VatRateTable } from '../vat/rates.js';
import { ledgerSign, signedAmount } from './credit-note.js';
import { depositDeductions } from './deposit.js';
import { lineNetAmount } from './line-net.js';
import { computeInvoiceTotals } from './totals.js';
import type { InvoiceInput, InvoiceLineInput } from './types.js';

const base = {
  kind: 'invoice',
  number: 'F2025-001',
  issueDate: '2025-03-01',
  currency: 'EUR',
  vatCountry: 'BE',
} as const;

function inv(lines: InvoiceLineInput[], extra: Partial<InvoiceInput> = {}): InvoiceInput {
  return { ...base, lines, ...extra };
}

function line(unitPrice: string, vatRate: number | string = 21, extra: Partial<InvoiceLineInput> = {}): InvoiceLineInput {
  return { description: 'Item', quantity: 1, unitPrice, vatCategory: 'S', vatRate, ...extra };
}

/** Expects a FactError with this code and field. */
function expectFact(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactError);
    expect((e as FactError).code).toBe(code);
    expect((e as FactError).field).toBe(field);
    expect((e as FactError).message).toContain(field);
    return;
  }
  throw new Error(`expected ${code} on ${field}, nothing was thrown`);
}

describe('computeInvoiceTotals: EN 16931 totals', () => {
  it('rounds VAT once per category on the sum of line nets, not per line (BR-CO-17)', () => {
    // Ten lines of 0.10 at 21 %: per-line rounding gives 10 × 0.02 = 0.20; on the sum 1.00 × 21 % = 0.21.
    const t = computeInvoiceTotals(inv(Array.from({ length: 10 }, (_, i) => line('0.10', 21, { id: `L${i}` }))));
    expect(t.sumOfLineNets.toFixed(2)).toBe('1.00');
    expect(t.vatTotal.toFixed(2)).toBe('0.21');
    expect(t.payable.toFixed(2)).toBe('1.21');
  });

  it('groups a Belgian invoice by rate and applies document allowances and charges to their category', () => {
    const t = computeInvoiceTotals(
      inv(
        [
          { description: 'Consultancy', quantity: '10', unitPrice: '95', vatCategory: 'S', vatRate: 21, lineAllowance: '50' },
          { description: 'Book', quantity: 3, unitPrice: '13.333', vatCategory: 'S', vatRate: '6' },
          { description: 'Renovation (private home > 10 y)', quantity: 1, unitPrice: '1000', vatCategory: 'S', vatRate: 6 },
        ],
        {
          allowancesCharges: [
            { charge: false, amount: '100', reason: 'Loyalty', vatCategory: 'S', vatRate: 21 },
            { charge: true, amount: '15.50', reason: 'Shipping', vatCategory: 'S', vatRate: 6 },
          ],
          prepaidAmount: '200',
        },
      ),
    );
    expect(t.lineNets.map((l) => l.net.toFixed(2))).toEqual(['900.00', '40.00', '1000.00']);
    expect(t.sumOfLineNets.toFixed(2)).toBe('1940.00');
    expect(t.allowanceTotal.toFixed(2)).toBe('100.00');
    expect(t.chargeTotal.toFixed(2)).toBe('15.50');
    expect(t.taxExclusive.toFixed(2)).toBe('1855.50');
    expect(t.vatBreakdown.map((v) => [v.category, v.rate.toString(), v.taxableAmount.toFixed(2), v.vatAmount.toFixed(2)])).toEqual([
      ['S', '21', '800.00', '168.00'],
      ['S', '6', '1055.50', '63.33'],
    ]);
    expect(t.vatTotal.toFixed(2)).toBe('231.33');
    expect(t.taxInclusive.toFixed(2)).toBe('2086.83');
    expect(t.prepaid.toFixed(2)).toBe('200.00');
    expect(t.payable.toFixed(2)).toBe('1886.83');
  });

  it('reproduces the Peppol BIS Allowance-example totals (shared/fixtures/peppol/Allowance-example.xml)', () => {
    const xml = readFileSync(new URL('../../../../../shared/fixtures/peppol/Allowance-example.xml', import.meta.url), 'utf8');
    const amount = (tag: string) => money(new RegExp(`<cbc:${tag} currencyID="EUR">([\\d.]+)<`).exec(xml)?.[1] ?? 'x');
    // The example is Norwegian (S 25 %): the rate table is data, so the test supplies that row.
    const norway: VatRateTable = [
      { country: 'BE', category: 'S', rates: ['25'], validFrom: '2000-01-01', source: 'test: Peppol example uses 25 %' },
      { country: 'BE', category: 'E', rates: ['0'], validFrom: '2000-01-01', source: 'test' },
    ];
    const t = computeInvoiceTotals(
      {
        ...base,
        issueDate: '2017-11-13',
        lines: [
          { id: '1', description: 'item name', quantity: 10, unitPrice: 410, priceBaseQuantity: 1, lineCharge: 1, lineAllowance: 101, vatCategory: 'S', vatRate: '25.0' },
          { id: '2', description: 'item name', quantity: 10, unitPrice: 200, priceBaseQuantity: 2, vatCategory: 'E', vatRate: '0.0' },
          { id: '3', description: 'item name', quantity: 10, unitPrice: 100, lineCharge: 1, lineAllowance: 101, vatCategory: 'S', vatRate: '25.0' },
        ],
        allowancesCharges: [
          { charge: true, amount: 200, reason: 'Cleaning', vatCategory: 'S', vatRate: 25 },
          { charge: false, amount: 200, reason: 'Discount', vatCategory: 'S', vatRate: 25 },
        ],
        prepaidAmount: 1000,
        exemptionReasons: { E: 'Reason for tax exempt' },
      },
      { vatRates: norway },
    );
    expect(t.sumOfLineNets.equals(amount('LineExtensionAmount'))).toBe(true);
    expect(t.taxExclusive.equals(amount('TaxExclusiveAmount'))).toBe(true);
    expect(t.allowanceTotal.equals(amount('AllowanceTotalAmount'))).toBe(true);
    expect(t.chargeTotal.equals(amount('ChargeTotalAmount'))).toBe(true);
    expect(t.taxInclusive.equals(amount('TaxInclusiveAmount'))).toBe(true);
    expect(t.prepaid.equals(amount('PrepaidAmount'))).toBe(true);
    expect(t.payable.equals(amount('PayableAmount'))).toBe(true);
    expect(t.vatTotal.toFixed(2)).toBe('1225.00');
    expect(t.vatBreakdown[1]).toMatchObject({ category: 'E', exemptionReason: 'Reason for tax exempt' });
    expect(t.vatBreakdown[1]?.taxableAmount.toFixed(2)).toBe('1000.00');
  });

  it('puts the legal mention on reverse-charge and intra-EU breakdowns, in the invoice language', () => {
    const t = computeInvoiceTotals(
      inv([line('500', 0, { vatCategory: 'AE' }), line('300', 0, { vatCategory: 'K', id: 'k' })], { language: 'fr' }),
    );
    expect(t.vatTotal.isZero()).toBe(true);
    expect(t.vatBreakdown.map((v) => [v.category, v.exemptionReason])).toEqual([
      ['AE', 'Autoliquidation – art. 51, § 2 CTVA'],
      ['K', 'Livraison intracommunautaire exonérée – art. 39bis CTVA'],
    ]);
  });

  it('accepts the Dutch 9 % rate in NL and refuses it in BE', () => {
    expect(computeInvoiceTotals(inv([line('100', 9)], { vatCountry: 'NL' })).vatTotal.toFixed(2)).toBe('9.00');
    expectFact(() => computeInvoiceTotals(inv([line('100', 9)])), 'INVALID_VAT_RATE', 'lines[0].vatRate');
    expectFact(() => computeInvoiceTotals(inv([line('100', 12)], { vatCountry: 'NL' })), 'INVALID_VAT_RATE', 'lines[0].vatRate');
  });

  it('refuses broken input with a stable code and the field', () => {
    expectFact(() => computeInvoiceTotals(inv([line('10'), line('1', 21, { quantity: -2 })])), 'INVALID_QUANTITY', 'lines[1].quantity');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { vatCategory: 'X' as never })])), 'UNKNOWN_VAT_CATEGORY', 'lines[0].vatCategory');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { vatCategory: 'AE' })])), 'INVALID_VAT_RATE', 'lines[0].vatRate');
    expectFact(() => computeInvoiceTotals(inv([line('-10')])), 'INVALID_AMOUNT', 'lines[0].unitPrice');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { lineAllowance: 11 })])), 'INVALID_AMOUNT', 'lines[0].lineAllowance');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { priceBaseQuantity: 0 })])), 'INVALID_QUANTITY', 'lines[0].priceBaseQuantity');
    expectFact(() => computeInvoiceTotals(inv([line('10', 'abc')])), 'INVALID_VAT_RATE', 'lines[0].vatRate');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { quantity: 'two' })])), 'INVALID_QUANTITY', 'lines[0].quantity');
    expectFact(() => computeInvoiceTotals(inv([line('10', 21, { id: 'a' }), line('5', 21, { id: 'a' })])), 'DUPLICATE_ID', 'lines[1].id');
    expectFact(() => computeInvoiceTotals(inv([])), 'INVALID_INVOICE', 'lines');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { number: ' ' })), 'INVALID_INVOICE', 'number');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { issueDate: '2025-02-30' })), 'INVALID_DATE', 'issueDate');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { currency: 'USD' as never })), 'UNSUPPORTED_CURRENCY', 'currency');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { prepaidAmount: '12.105' })), 'INVALID_AMOUNT', 'prepaidAmount');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { prepaidAmount: '12.11' })), 'INVALID_AMOUNT', 'prepaidAmount');
    expectFact(
      () => computeInvoiceTotals(inv([line('10')], { allowancesCharges: [{ charge: false, amount: 20, reason: 'x', vatCategory: 'S', vatRate: 21 }] })),
      'INVALID_AMOUNT',
      'allowancesCharges[0]',
    );
    expectFact(() => computeInvoiceTotals(inv([line('10'), line('5', 0, { vatCategory: 'O', id: 'o' })])), 'INVALID_INVOICE', 'lines[1].vatCategory');
    expectFact(() => computeInvoiceTotals(inv([line('10')], { issueDate: '2018-06-01', vatCountry: 'NL' })), 'RATE_TABLE_GAP', 'vatRate');
  });

  it('never produces NaN or a fraction of a cent (property: breakdown sums equal totals, payable = taxInclusive − prepaid)', () => {
    const lineArb = fc.record({
      quantity: fc.integer({ min: 0, max: 1000 }).map((q) => (q / 10).toString()),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 1000).toString()),
      vat: fc.constantFrom<[InvoiceLineInput['vatCategory'], number]>(['S', 21], ['S', 12], ['S', 6], ['Z', 0], ['E', 0], ['AE', 0]),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100 }), (ls, prepaidPct) => {
        const lines = ls.map((l) => ({ description: 'x', quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: l.vat[0], vatRate: l.vat[1] }));
        const gross = computeInvoiceTotals(inv(lines)).taxInclusive;
        const prepaid = gross.times(prepaidPct).dividedBy(100).toDecimalPlaces(2, 1);
        const t = computeInvoiceTotals(inv(lines, { prepaidAmount: prepaid.toFixed(2) }));
        expect(sumMoney(t.vatBreakdown.map((v) => v.taxableAmount)).equals(t.taxExclusive)).toBe(true);
        expect(sumMoney(t.vatBreakdown.map((v) => v.vatAmount)).equals(t.vatTotal)).toBe(true);
        expect(t.taxInclusive.equals(t.taxExclusive.plus(t.vatTotal))).toBe(true);
        expect(t.payable.equals(t.taxInclusive.minus(t.prepaid))).toBe(true);
        for (const m of [t.payable, t.vatTotal, t.taxExclusive, ...t.lineNets.map((l) => l.net)]) expect(() => toCents(m)).not.toThrow();
      }),
    );
  });
});

describe('credit notes and deposits', () => {
  it('a credit note must name the invoice it corrects; its amounts are positive and its ledger sign negative', () => {
    expectFact(() => computeInvoiceTotals(inv([line('100')], { kind: 'credit-note' })), 'INVALID_INVOICE', 'correctsInvoice');
    expectFact(() => computeInvoiceTotals(inv([line('100')], { correctsInvoice: 'F1' })), 'INVALID_INVOICE', 'correctsInvoice');
    const cn = computeInvoiceTotals(inv([line('100')], { kind: 'credit-note', number: 'CN-1', correctsInvoice: 'F2025-001' }));
    expect(cn.correctsInvoice).toEqual(['F2025-001']);
    expect(cn.payable.toFixed(2)).toBe('121.00');
    expect(signedAmount(cn.kind, cn.payable).toFixed(2)).toBe('-121.00');
    expect(ledgerSign('invoice')).toBe(1);
    expect(ledgerSign('deposit')).toBe(1);
    expectFact(() => ledgerSign('quote' as never), 'INVALID_INVOICE', 'kind');
  });

  it('a final invoice deducts a deposit invoice per rate, charging VAT only on the rest', () => {
    const deposit = computeInvoiceTotals(inv([line('300')], { kind: 'deposit', number: 'D-1' }));
    expect(deposit.payable.toFixed(2)).toBe('363.00');
    const final = computeInvoiceTotals(inv([line('1000')], { number: 'F-9', deductedDeposits: depositDeductions(deposit) }));
    expect(final.lineNets[1]).toMatchObject({ deductsDeposit: 'D-1' });
    expect(final.taxExclusive.toFixed(2)).toBe('700.00');
    expect(final.vatTotal.toFixed(2)).toBe('147.00');
    expect(final.payable.toFixed(2)).toBe('847.00');
    // Deposit VAT + final VAT = VAT on the whole job.
    expect(deposit.vatTotal.plus(final.vatTotal).toFixed(2)).toBe('210.00');
    expectFact(() => depositDeductions(final), 'INVALID_INVOICE', 'deposit.kind');
    expectFact(
      () => computeInvoiceTotals(inv([line('100')], { deductedDeposits: depositDeductions(deposit) })),
      'INVALID_AMOUNT',
      'deductedDeposits[0]',
    );
  });

  it('a paid deposit without its own VAT invoice is a prepaid amount (BT-113)', () => {
    const t = computeInvoiceTotals(inv([line('1000')], { prepaidAmount: '363.00' }));
    expect(t.vatTotal.toFixed(2)).toBe('210.00');
    expect(t.payable.toFixed(2)).toBe('847.00');
  });
});

describe('lineNetAmount', () => {
  it('divides by the price base quantity and rounds the line once', () => {
    expect(lineNetAmount(line('2.50', 21, { quantity: 3, priceBaseQuantity: 100 })).toFixed(2)).toBe('0.08');
    expect(lineNetAmount(line('33.333', 21, { quantity: 3 })).toFixed(2)).toBe('100.00');
  });
});

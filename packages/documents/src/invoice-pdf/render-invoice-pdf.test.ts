import { discountTerms, computeInvoiceTotals, epcQrPayload, type InvoiceInput } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { beBusiness, beCompany, nlBusiness, nlCompany } from '../test-support/fixtures.js';
import { extractPdf, flat } from '../test-support/pdf-text.js';
import { invoiceModel } from './invoice-model.js';
import { renderInvoicePdf } from './render-invoice-pdf.js';
import type { InvoicePdfInput } from './types.js';

const beInvoice: InvoiceInput = {
  kind: 'invoice',
  number: '2025-0042',
  issueDate: '2025-03-01',
  currency: 'EUR',
  vatCountry: 'BE',
  lines: [
    { description: 'Restauratie luster "Émile" – messing', quantity: '2', unitPrice: '1234.56', vatCategory: 'S', vatRate: '21' },
    { description: 'Boeken over verlichting', quantity: '3', unitPrice: '19.995', vatCategory: 'S', vatRate: '6' },
    { description: 'Montage op locatie (medecontractant)', quantity: '1', unitPrice: '500', vatCategory: 'AE', vatRate: '0' },
  ],
};

function beInput(language: InvoicePdfInput['language']): InvoicePdfInput {
  const totals = computeInvoiceTotals(beInvoice);
  return {
    invoice: beInvoice,
    supplier: beCompany,
    customer: { ...beBusiness, kind: 'business' },
    language,
    supplyDate: '2025-02-27',
    dueDate: '2025-03-31',
    customerReference: 'PO-7781',
    paymentReference: '240283842818',
    discount: discountTerms(totals, { percent: '2', withinDays: 10, vatMode: 'on-discounted-base' }, '2025-03-01'),
    conditions: {
      lateInterest: { basis: 'statutory' },
      recoveryCosts: true,
      penalty: { percent: '10', minimum: '125', maximum: '2500' },
      retentionOfTitle: true,
    },
  };
}

describe('invoice PDF (BE, KB nr. 1 art. 5 – reference.md §10)', () => {
  it('computes the amounts with core: 2×1,234.56 at 21 %, 3×19.995 at 6 %, 500 reverse-charged', () => {
    // Before the discount; the printed VAT follows the discount (next test).
    const { totals } = invoiceModel(beInput('nl'));
    expect(totals.taxExclusive.toFixed(2)).toBe('3029.11'); // 2469.12 + 59.99 + 500
    expect(totals.vatTotal.toFixed(2)).toBe('522.12'); // 518.52 + 3.60
    expect(totals.payable.toFixed(2)).toBe('3551.23');
  });

  it.each([
    ['nl', ['Factuur 2025-0042', 'Factuurdatum 01/03/2025', 'Leveringsdatum 27/02/2025', 'Vervaldatum 31/03/2025', 'Btw-nr.: BE 0403.019.261', 'Btw-nr.: BE 0428.759.497', '1.234,56 €', '2.469,12 €', '19,995 €', 'Maatstaf van heffing', '2.419,74 €', '508,15 €', '3,53 €', 'Totaal btw 511,68 €', 'Verlegging van heffing – art. 51, § 2 WBTW', 'Te betalen 3.540,79 €', '+++240/2838/42818+++', 'IBAN BE68 5390 0754 7034', 'uiterlijk op 31 maart 2025', 'eigendomsvoorbehoud', 'wet van 2 augustus 2002', '40,00 €', 'minimum van 125,00 €', 'Uw referentie PO-7781']],
    ['fr', ['Facture 2025-0042', 'Date de facture 01/03/2025', 'N° TVA: BE 0403.019.261', '1.234,56 €', 'Base imposable', 'Autoliquidation – art. 51, § 2 CTVA', 'À payer 3.540,79 €', '+++240/2838/42818+++', 'au plus tard le 31 mars 2025', 'réserve de propriété', 'loi du 2 août 2002', 'Escompte pour paiement comptant : 2 %']],
    ['en', ['Invoice 2025-0042', 'Invoice date 01/03/2025', 'VAT no.: BE 0403.019.261', '€1,234.56', 'Taxable amount', 'Reverse charge – art. 51, § 2 Belgian VAT Code', 'Amount due €3,540.79', 'by 31 March 2025', 'retention of title', 'Law of 2 August 2002', 'Early-payment discount: 2%']],
  ] as const)('shows the legal mentions, amounts and payment data in %s (golden)', async (language, expected) => {
    const { text } = await extractPdf(await renderInvoicePdf(beInput(language)));
    const f = flat(text);
    for (const fragment of expected) expect(f).toContain(fragment);
  });

  it('prints the discount from core: 2 % within 10 days, VAT on the discounted base', async () => {
    const input = beInput('nl');
    const d = input.discount;
    // 2 % of 3,029.11 = 60.58, split 49.38 / 1.20 / 10.00 over the rates; VAT on the discounted
    // bases: 21 % × 2,419.74 = 508.15 and 6 % × 58.79 = 3.53, so 3,029.11 + 511.68 = 3,540.79 late
    // and 3,540.79 − 60.58 = 3,480.21 early.
    expect(d?.baseDiscount.toFixed(2)).toBe('60.58');
    const f = flat((await extractPdf(await renderInvoicePdf(input))).text);
    expect(f).toContain('bij betaling uiterlijk op 11 maart 2025; u betaalt dan 3.480,21 €. Daarna is 3.540,79 € verschuldigd.');
    expect(f).toContain('Gelieve 3.540,79 € te betalen uiterlijk op 31 maart 2025.');
    expect(f).toContain('De btw is berekend op de maatstaf na aftrek van de korting');
  });

  it('writes the same bytes for the same input (factoring packages must be byte-identical)', async () => {
    const a = await renderInvoicePdf(beInput('fr'));
    const b = await renderInvoicePdf(beInput('fr'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { info } = await extractPdf(a);
    expect(info.CreationDate).toBe('D:20250301000000Z');
    expect(info.Title).toBe('Facture 2025-0042');
  });

  it('refuses an invoice without the legal mentions, naming the field', () => {
    const input = beInput('nl');
    expect(() => invoiceModel({ ...input, supplier: { ...beCompany, vatNumber: undefined } as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'supplier.vatNumber' }));
    expect(() => invoiceModel({ ...input, customer: { ...input.customer, vatNumber: undefined } as never })).toThrow(expect.objectContaining({ field: 'customer.vatNumber' }));
    expect(() => invoiceModel({ ...input, dueDate: undefined } as never)).toThrow(expect.objectContaining({ field: 'dueDate' }));
    expect(() => invoiceModel({ ...input, customer: { ...input.customer, kind: 'consumer' } })).toThrow(expect.objectContaining({ field: 'conditions.recoveryCosts' }));
  });

  it('puts the amount due and the OGM digits in the EPC QR code', () => {
    const payment = invoiceModel(beInput('nl')).blocks.find((b) => b.kind === 'payment');
    expect(payment?.kind === 'payment' && payment.qr).toBeTruthy();
    const d = beInput('nl').discount;
    const expected = epcQrPayload({ name: beCompany.name, iban: beCompany.iban, bic: 'GKCCBEBB', amount: d?.payableIfLate ?? '0', reference: '240283842818' });
    expect(expected).toContain(`EUR${d?.payableIfLate.toFixed(2)}\n\n240283842818`);
  });
});

describe('invoice PDF (NL, art. 35a Wet OB)', () => {
  const nlInvoice: InvoiceInput = {
    kind: 'invoice', number: 'GW-2025-7', issueDate: '2025-06-02', currency: 'EUR', vatCountry: 'NL',
    lines: [{ description: 'Grachtenrondvaart, groep', quantity: '1', unitPrice: '1234.56', vatCategory: 'S', vatRate: '21' }],
  };
  const input: InvoicePdfInput = {
    invoice: nlInvoice, supplier: nlCompany, customer: { ...nlBusiness, kind: 'business' }, language: 'nl', dueDate: '2025-07-02',
    paymentReference: 'RF18539007547034', conditions: { lateInterest: { basis: 'statutory' }, recoveryCosts: true },
  };

  it('shows the KvK number, € 1.234,56 style amounts, the RF reference and art. 6:119a BW', async () => {
    const f = flat((await extractPdf(await renderInvoicePdf(input))).text);
    for (const fragment of ['KvK-nr.: 12345678', 'Btw-nr.: NL004495445B01', '€ 1.234,56', '€ 259,26', 'Te betalen € 1.493,82', 'RF18 5390 0754 7034', 'Vervaldatum 02-07-2025', 'art. 6:119a BW', 'Besluit vergoeding voor buitengerechtelijke incassokosten']) {
      expect(f).toContain(fragment);
    }
  });

  it('refuses a Dutch invoice without the KvK number', () => {
    expect(() => invoiceModel({ ...input, supplier: { ...nlCompany, kvkNumber: undefined } as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'supplier.kvkNumber' }));
  });
});

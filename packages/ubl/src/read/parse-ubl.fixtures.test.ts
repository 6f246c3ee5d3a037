import { parseOgm } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { PEPPOL_BIS3 } from '../namespaces.js';
import { fixture, plain, ublFixtures } from '../test-support/fixtures.js';
import { validateUbl } from '../validate/validate-ubl.js';
import { writeUbl } from '../write/write-ubl.js';
import { parseUbl } from './parse-ubl.js';

const all = ublFixtures();

describe('every Peppol and EN 16931 example document', () => {
  it('is found (8 Peppol + 11 EN 16931 files)', () => {
    expect(all.map(([name]) => name)).toHaveLength(19);
  });

  it.each(all)('%s parses with totals, VAT breakdown, parties and lines', (_name, bytes) => {
    const doc = parseUbl(bytes);
    expect(doc.id).toBeTruthy();
    expect(doc.currency).toMatch(/^[A-Z]{3}$/);
    expect(doc.totals.payableAmount).toBeDefined();
    expect(doc.vatBreakdown.length).toBeGreaterThan(0);
    expect(doc.seller.registrationName).toBeTruthy();
    expect(doc.buyer.registrationName).toBeTruthy();
    expect(doc.lines.length).toBeGreaterThan(0);
    // The document's own arithmetic holds in what we read: BT-115 = BT-112 − BT-113 + BT-114.
    const t = doc.totals;
    expect(t.taxInclusiveAmount?.minus(t.prepaidAmount ?? 0).plus(t.payableRoundingAmount ?? 0).equals(t.payableAmount ?? NaN)).toBe(true);
  });

  it.each(all)('%s survives parse → write → parse unchanged', (_name, bytes) => {
    const doc = parseUbl(bytes);
    const again = parseUbl(writeUbl(doc));
    // writeUbl supplies the Peppol ProfileID when the source had none (the EN 16931 examples).
    expect(plain(again)).toEqual(plain({ ...doc, profileId: doc.profileId ?? PEPPOL_BIS3.profileId }));
  });

  it.each(all.filter(([name]) => name.startsWith('peppol/')))('%s passes the validator, before and after writing', (_name, bytes) => {
    const doc = parseUbl(bytes);
    expect(validateUbl(doc).findings).toEqual([]);
    expect(validateUbl(parseUbl(writeUbl(doc))).findings).toEqual([]);
  });

  it('the EN 16931 examples break only Peppol-specific rules, plus BR-CO-25 in the credit note', () => {
    const rules = new Set(
      all
        .filter(([name]) => name.startsWith('en16931/'))
        .flatMap(([, bytes]) => validateUbl(parseUbl(bytes)).findings.filter((f) => f.severity === 'fatal').map((f) => f.rule)),
    );
    // They are plain EN 16931 (CustomizationID urn:cen.eu:en16931:2017), without Peppol endpoints.
    expect([...rules].sort()).toEqual(['BR-CO-25', 'NL-R-003', 'PEPPOL-EN16931-R001', 'PEPPOL-EN16931-R003', 'PEPPOL-EN16931-R004', 'PEPPOL-EN16931-R010', 'PEPPOL-EN16931-R020']);
  });
});

describe('concrete values, as the files state them', () => {
  it('peppol/base-example.xml', () => {
    const doc = parseUbl(fixture('peppol/base-example.xml'));
    expect(doc).toMatchObject({
      kind: 'Invoice',
      customizationId: PEPPOL_BIS3.customizationId,
      profileId: PEPPOL_BIS3.profileId,
      id: 'Snippet1',
      issueDate: '2017-11-13',
      dueDate: '2017-12-01',
      typeCode: '380',
      currency: 'EUR',
      buyerReference: '0150abc',
      paymentTermsNote: 'Payment within 10 days, 2% discount',
    });
    expect(doc.seller.endpointId).toEqual({ value: '9482348239847239874', schemeId: '0088' });
    expect(doc.seller).toMatchObject({ vatId: 'GB1232434', registrationName: 'SupplierOfficialName Ltd', legalId: { value: 'GB983294' }, tradingName: 'SupplierTradingName Ltd.' });
    expect(doc.seller.address).toEqual({ streetName: 'Main street 1', additionalStreetName: 'Postbox 123', cityName: 'London', postalZone: 'GB 123 EW', countryCode: 'GB' });
    expect(doc.buyer).toMatchObject({ vatId: 'SE4598375937', legalId: { value: '39937423947', schemeId: '0183' }, contact: { name: 'Lisa Johnson', email: 'lj@buyer.se' } });
    expect(doc.paymentMeans).toEqual([{ code: '30', codeName: 'Credit transfer', paymentId: 'Snippet1', accountId: 'IBAN32423940', accountName: 'AccountName', bic: 'BIC324098' }]);
    expect(plain(doc.allowanceCharges)).toEqual([{ chargeIndicator: true, reason: 'Insurance', amount: '25', taxCategory: { id: 'S', percent: '25' } }]);
    expect(plain(doc.vatBreakdown)).toEqual([{ taxableAmount: '1325', taxAmount: '331.25', category: { id: 'S', percent: '25' } }]);
    expect(plain(doc.totals)).toEqual({ lineExtensionAmount: '1300', taxExclusiveAmount: '1325', taxInclusiveAmount: '1656.25', chargeTotalAmount: '25', payableAmount: '1656.25' });
    expect(doc.taxAmount?.toFixed(2)).toBe('331.25');
    expect(doc.lines).toHaveLength(2);
    expect(plain(doc.lines[1])).toMatchObject({ id: '2', quantity: '-3', unitCode: 'DAY', lineExtensionAmount: '-1500', price: { amount: '500' }, item: { name: 'item name 2' } });
  });

  it('peppol/base-creditnote-correction.xml refers to the invoice it credits', () => {
    const doc = parseUbl(fixture('peppol/base-creditnote-correction.xml'));
    expect(doc.kind).toBe('CreditNote');
    expect(doc.typeCode).toBe('381');
    expect(doc.billingReferences).toEqual([{ id: 'Snippet1' }]);
    expect(doc.totals.payableAmount?.toFixed(2)).toBe('1656.25');
    expect(doc.lines.map((l) => l.quantity?.toString())).toEqual(['7', '-3']);
  });

  it('peppol/Allowance-example.xml: allowances, charges, prepaid amount and VAT in SEK', () => {
    const doc = parseUbl(fixture('peppol/Allowance-example.xml'));
    expect(plain(doc.totals)).toMatchObject({ lineExtensionAmount: '5900', allowanceTotalAmount: '200', chargeTotalAmount: '200', prepaidAmount: '1000', payableAmount: '6125' });
    expect(doc.taxCurrency).toBe('SEK');
    expect(doc.taxAmount?.toFixed(2)).toBe('1225.00');
    expect(doc.taxAmountInTaxCurrency?.toFixed(2)).toBe('9324.00');
    expect(plain(doc.vatBreakdown.map((b) => [b.category.id, b.taxableAmount, b.taxAmount, b.category.exemptionReason]))).toEqual([
      ['S', '4900', '1225', null],
      ['E', '1000', '0', 'Reason for tax exempt'],
    ]);
    expect(plain(doc.lines[0]?.allowanceCharges)).toEqual([
      { chargeIndicator: true, reasonCode: 'CG', reason: 'Cleaning', multiplierFactor: '1', amount: '1', baseAmount: '100' },
      { chargeIndicator: false, reasonCode: '95', reason: 'Discount', amount: '101' },
    ]);
  });

  it('en16931/ubl-tc434-example1.xml: a Dutch invoice with two VAT rates and two accounts', () => {
    const doc = parseUbl(fixture('en16931/ubl-tc434-example1.xml'));
    expect(doc.dueDate).toBe('2015-01-09');
    expect(doc.seller.vatId).toBe('NL8200.98.395.B.01');
    expect(doc.seller.legalId).toEqual({ value: '57151520' });
    expect(doc.paymentMeans.map((p) => [p.code, p.accountId, p.paymentId])).toEqual([
      ['30', 'NL57 RABO 0107307510', 'Deb. 10202 / Fact. 12115118'],
      ['30', 'NL03 INGB 0004489902', undefined],
    ]);
    expect(plain(doc.vatBreakdown.map((b) => [b.category.percent, b.taxableAmount, b.taxAmount]))).toEqual([
      ['6', '183.23', '10.99'],
      ['21', '46.37', '9.74'],
    ]);
    expect(doc.taxAmount?.toFixed(2)).toBe('20.73');
    expect(doc.totals.payableAmount?.toFixed(2)).toBe('250.33');
    expect(doc.lines).toHaveLength(20);
  });

  it('en16931/ubl-tc434-creditnote1.xml: a Belgian credit note whose PaymentID is a valid OGM', () => {
    const doc = parseUbl(fixture('en16931/ubl-tc434-creditnote1.xml'));
    expect(doc.kind).toBe('CreditNote');
    expect(doc.seller.endpointId).toEqual({ value: '0000000196', schemeId: '0201' });
    expect(doc.invoicePeriod).toEqual({ startDate: '2019-02-01', endDate: '2019-02-28' });
    expect(doc.paymentMeans[0]).toMatchObject({ code: '1', paymentId: '010676609538', accountId: 'BE91000000143476', bic: 'BPOTBEB1' });
    expect(parseOgm(doc.paymentMeans[0]?.paymentId ?? '').printed).toBe('+++010/6766/09538+++');
    expect(plain(doc.vatBreakdown)).toEqual([{ taxableAmount: '100.11', taxAmount: '0', category: { id: 'E', percent: '0', exemptionReason: 'Taxes are not applicable' } }]);
    expect(doc.dueDate).toBeUndefined();
  });

  it('en16931/ubl-tc434-example5.xml: order, project and preceding-invoice references', () => {
    const doc = parseUbl(fixture('en16931/ubl-tc434-example5.xml'));
    expect(doc.orderReference).toBe('PO4711');
    expect(doc.projectReference).toBe('Project345');
    expect(doc.billingReferences.length).toBeGreaterThan(0);
    expect(doc.dueDate).toBe('2013-05-10');
  });
});

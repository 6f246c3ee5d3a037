import { money } from '@fact/core';
import { describe, expect, it } from 'vitest';
import type { UblDocument, UblLine } from '../model.js';
import { PEPPOL_BIS3 } from '../namespaces.js';
import { parseUbl } from '../read/parse-ubl.js';
import { writeUbl } from '../write/write-ubl.js';
import { validateUbl } from './validate-ubl.js';

const line = (id: string, net: string, rate = '21'): UblLine => ({
  id,
  quantity: money('1'),
  unitCode: 'C62',
  lineExtensionAmount: money(net),
  allowanceCharges: [],
  item: { name: `Service ${id}`, classifications: [], properties: [], taxCategory: { id: 'S', percent: money(rate) } },
  price: { amount: money(net) },
});

/** A Belgian B2B invoice as the ledger would produce it: 1000 + 210 VAT, OGM in PaymentID. */
const belgian: UblDocument = {
  kind: 'Invoice',
  customizationId: PEPPOL_BIS3.customizationId,
  profileId: PEPPOL_BIS3.profileId,
  id: 'F2026-0042',
  issueDate: '2026-01-15',
  dueDate: '2026-02-14',
  typeCode: '380',
  notes: [],
  currency: 'EUR',
  buyerReference: 'PO-778',
  billingReferences: [],
  additionalDocuments: [],
  seller: {
    endpointId: { value: '0403019261', schemeId: '0208' },
    identifiers: [],
    registrationName: 'Fact Demo NV',
    address: { streetName: 'Kerkstraat 1', cityName: 'Gent', postalZone: '9000', countryCode: 'BE' },
    vatId: 'BE0403019261',
    legalId: { value: '0403019261', schemeId: '0208' },
  },
  buyer: {
    endpointId: { value: '0428759497', schemeId: '0208' },
    identifiers: [],
    registrationName: 'Klant BV',
    address: { cityName: 'Brussel', postalZone: '1000', countryCode: 'BE' },
    vatId: 'BE0428759497',
  },
  paymentMeans: [{ code: '30', paymentId: '+++240/2838/42818+++', accountId: 'BE71096123456769', bic: 'GKCCBEBB' }],
  paymentTermsNote: '30 dagen na factuurdatum',
  allowanceCharges: [],
  taxAmount: money('210'),
  vatBreakdown: [{ taxableAmount: money('1000'), taxAmount: money('210'), category: { id: 'S', percent: money('21') } }],
  totals: { lineExtensionAmount: money('1000'), taxExclusiveAmount: money('1000'), taxInclusiveAmount: money('1210'), payableAmount: money('1210') },
  lines: [line('1', '600'), line('2', '400')],
};

const rules = (doc: UblDocument) => validateUbl(doc).findings.map((f) => f.rule);

describe('validateUbl', () => {
  it('accepts a complete Belgian invoice, and the XML written from it reads back valid with the Peppol ids', () => {
    expect(validateUbl(belgian)).toEqual({ valid: true, findings: [] });
    const xml = writeUbl(belgian);
    expect(xml).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(xml).toContain('<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>');
    expect(xml).toContain('<cbc:EndpointID schemeID="0208">0403019261</cbc:EndpointID>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">1210.00</cbc:PayableAmount>');
    expect(validateUbl(parseUbl(xml)).findings).toEqual([]);
  });

  it('reports wrong totals with the rule, the element and both figures', () => {
    const doc = { ...belgian, totals: { ...belgian.totals, lineExtensionAmount: money('999.99') } };
    const f = validateUbl(doc).findings.find((x) => x.rule === 'BR-CO-10');
    expect(f).toEqual({
      rule: 'BR-CO-10',
      severity: 'fatal',
      element: '/Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount',
      message: 'BT-106 = Σ line net amounts (BT-131): expected 1000.00, the document states 999.99',
    });
    expect(rules(doc)).toContain('BR-CO-13');
    expect(rules({ ...belgian, totals: { ...belgian.totals, taxInclusiveAmount: money('1200') } })).toEqual(expect.arrayContaining(['BR-CO-15', 'BR-CO-16']));
    expect(rules({ ...belgian, totals: { ...belgian.totals, prepaidAmount: money('10') } })).toEqual(['BR-CO-16']);
    expect(rules({ ...belgian, taxAmount: money('200') })).toEqual(expect.arrayContaining(['BR-CO-14', 'BR-CO-15']));
    expect(rules({ ...belgian, totals: { ...belgian.totals, payableAmount: money('1210.001') } })).toEqual(expect.arrayContaining(['BR-CO-16', 'BR-DEC']));
  });

  it('checks document allowances and charges against BT-107/108 and the VAT base', () => {
    const withCharge: UblDocument = {
      ...belgian,
      allowanceCharges: [{ chargeIndicator: true, reason: 'Transport', amount: money('100'), taxCategory: { id: 'S', percent: money('21') } }],
      totals: { ...belgian.totals, chargeTotalAmount: money('100') },
    };
    expect(rules(withCharge)).toEqual(expect.arrayContaining(['BR-CO-13', 'BR-S-08']));
    const fixed: UblDocument = {
      ...withCharge,
      taxAmount: money('231'),
      vatBreakdown: [{ taxableAmount: money('1100'), taxAmount: money('231'), category: { id: 'S', percent: money('21') } }],
      totals: { lineExtensionAmount: money('1000'), chargeTotalAmount: money('100'), taxExclusiveAmount: money('1100'), taxInclusiveAmount: money('1331'), payableAmount: money('1331') },
    };
    expect(rules(fixed)).toEqual([]);
    expect(rules({ ...fixed, totals: { ...fixed.totals, chargeTotalAmount: undefined } })).toEqual(expect.arrayContaining(['BR-CO-12']));
  });

  it('reports missing mandatory terms (BR-02, BR-06, BR-16, BR-CO-25, PEPPOL-EN16931-R003)', () => {
    const doc: UblDocument = { ...belgian, id: undefined, seller: { ...belgian.seller, registrationName: undefined }, buyerReference: undefined, dueDate: undefined, paymentTermsNote: undefined };
    expect(rules(doc)).toEqual(expect.arrayContaining(['BR-02', 'BR-06', 'BR-CO-25', 'PEPPOL-EN16931-R003']));
    expect(rules({ ...belgian, buyerReference: undefined, orderReference: 'PO-1' })).toEqual([]);
    const empty = validateUbl({ ...belgian, lines: [], totals: { ...belgian.totals, lineExtensionAmount: money('0') } });
    expect(empty.findings.find((f) => f.rule === 'BR-16')?.element).toBe('/Invoice/cac:InvoiceLine');
  });

  it('checks VAT categories: rates, VAT amounts, exemption reasons, seller VAT id', () => {
    expect(rules({ ...belgian, vatBreakdown: [{ ...belgian.vatBreakdown[0]!, taxAmount: money('210.01') }], taxAmount: money('210.01'), totals: { ...belgian.totals, taxInclusiveAmount: money('1210.01'), payableAmount: money('1210.01') } })).toEqual(['BR-CO-17']);
    const exempt: UblDocument = {
      ...belgian,
      lines: [{ ...line('1', '1000', '0'), item: { ...line('1', '1000').item, taxCategory: { id: 'E', percent: money('0') } } }],
      vatBreakdown: [{ taxableAmount: money('1000'), taxAmount: money('0'), category: { id: 'E', percent: money('0') } }],
      taxAmount: money('0'),
      totals: { lineExtensionAmount: money('1000'), taxExclusiveAmount: money('1000'), taxInclusiveAmount: money('1000'), payableAmount: money('1000') },
    };
    expect(rules(exempt)).toEqual(['BR-E-10']);
    expect(rules({ ...exempt, vatBreakdown: [{ ...exempt.vatBreakdown[0]!, category: { id: 'E', percent: money('0'), exemptionReasonCode: 'VATEX-EU-132' } }] })).toEqual([]);
    expect(rules({ ...belgian, seller: { ...belgian.seller, vatId: undefined } })).toEqual(['BR-S-02']);
    expect(rules({ ...belgian, lines: [line('1', '600', '0'), line('2', '400')] })).toEqual(expect.arrayContaining(['BR-S-05', 'BR-S-08']));
  });

  it('checks code lists: currency, VAT category, payment means, endpoint scheme', () => {
    expect(rules({ ...belgian, currency: 'EUX' })).toEqual(['BR-CL-04']);
    expect(rules({ ...belgian, paymentMeans: [{ ...belgian.paymentMeans[0]!, code: '99' }] })).toEqual(['BR-CL-16']);
    const unknownScheme = validateUbl({ ...belgian, buyer: { ...belgian.buyer, endpointId: { value: 'x', schemeId: '1234' } } });
    expect(unknownScheme).toMatchObject({ valid: true, findings: [{ rule: 'BR-CL-25', severity: 'warning' }] });
  });

  it('checks payment instructions: account for credit transfers, IBAN for SEPA', () => {
    expect(rules({ ...belgian, paymentMeans: [{ code: '58', paymentId: 'x' }] })).toEqual(['BR-61']);
    const badIban = validateUbl({ ...belgian, paymentMeans: [{ code: '58', accountId: 'BE71096123456768' }] });
    expect(badIban.findings).toEqual([expect.objectContaining({ rule: 'FACT-IBAN', severity: 'warning' })]);
  });

  it('applies the Dutch rules to a Dutch seller (NL-R-001, NL-R-003, NL-R-007)', () => {
    const dutch: UblDocument = {
      ...belgian,
      seller: { ...belgian.seller, endpointId: { value: '69042534', schemeId: '0106' }, legalId: { value: '69042534', schemeId: '0106' }, vatId: 'NL004495445B01', address: { cityName: 'Utrecht', countryCode: 'NL' } },
    };
    expect(rules(dutch)).toEqual([]);
    expect(rules({ ...dutch, seller: { ...dutch.seller, legalId: { value: '0403019261', schemeId: '0208' } } })).toEqual(['NL-R-003']);
    expect(rules({ ...dutch, paymentMeans: [] })).toEqual(['NL-R-007']);
    expect(rules({ ...dutch, kind: 'CreditNote', typeCode: '381' })).toEqual(['NL-R-001']);
    expect(rules({ ...dutch, kind: 'CreditNote', typeCode: '381', billingReferences: [{ id: 'F2025-9' }] })).toEqual([]);
    expect(rules({ ...belgian, kind: 'CreditNote', typeCode: '381' })).toEqual([]);
  });
});

describe('writeUbl for a credit note', () => {
  it('puts the due date in PaymentMeans and the project in a type-50 document reference, and reads them back', () => {
    const credit: UblDocument = { ...belgian, kind: 'CreditNote', typeCode: '381', projectReference: 'P-9', billingReferences: [{ id: 'F2025-9', issueDate: '2025-12-01' }] };
    const xml = writeUbl(credit);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toMatch(/<cbc:PaymentMeansCode>30<\/cbc:PaymentMeansCode>\s*<cbc:PaymentDueDate>2026-02-14<\/cbc:PaymentDueDate>/);
    expect(xml).toMatch(/<cbc:ID>P-9<\/cbc:ID>\s*<cbc:DocumentTypeCode>50<\/cbc:DocumentTypeCode>/);
    expect(xml).toContain('<cac:CreditNoteLine>');
    expect(xml).not.toContain('<cbc:DueDate>');
    const back = parseUbl(xml);
    expect(back).toMatchObject({ kind: 'CreditNote', dueDate: '2026-02-14', projectReference: 'P-9', additionalDocuments: [], billingReferences: [{ id: 'F2025-9', issueDate: '2025-12-01' }] });
    expect(validateUbl(back).findings).toEqual([]);
  });

  it('escapes text so that it reads back unchanged', () => {
    const doc = { ...belgian, notes: ['Tom & Jerry <"BV">'], seller: { ...belgian.seller, registrationName: "L'Oréal & Co" } };
    const back = parseUbl(writeUbl(doc));
    expect(back.notes).toEqual(['Tom & Jerry <"BV">']);
    expect(back.seller.registrationName).toBe("L'Oréal & Co");
  });
});

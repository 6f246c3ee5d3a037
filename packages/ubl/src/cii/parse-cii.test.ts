import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UblDocument } from '../model.js';
import { parseUbl } from '../read/parse-ubl.js';
import { fixture } from '../test-support/fixtures.js';
import { validateUbl } from '../validate/validate-ubl.js';
import { CiiParseError } from './errors.js';
import { parseCii } from './parse-cii.js';

const cii = (name: string) => readFileSync(new URL(`../../test/cii/${name}`, import.meta.url));

/** Our CII test documents and the EN 16931 UBL examples whose facts they restate. */
const PAIRS = [
  ['cii-example1.xml', 'en16931/ubl-tc434-example1.xml'],
  ['cii-example9.xml', 'en16931/ubl-tc434-example9.xml'],
  ['cii-creditnote1.xml', 'en16931/ubl-tc434-creditnote1.xml'],
] as const;

/** The business terms a ledger and a debtor care about, as plain text. */
function terms(doc: UblDocument) {
  const s = (m: { toFixed(n: number): string } | undefined) => m?.toFixed(2) ?? null;
  const party = (p: UblDocument['seller']) => ({ name: p.registrationName, vat: p.vatId ?? null, street: p.address?.streetName, city: p.address?.cityName, postcode: p.address?.postalZone, country: p.address?.countryCode });
  return {
    kind: doc.kind,
    'BT-1': doc.id,
    'BT-2': doc.issueDate,
    'BT-3': doc.typeCode,
    'BT-5': doc.currency,
    'BT-9': doc.dueDate ?? null,
    'BG-4': party(doc.seller),
    'BG-7': party(doc.buyer),
    'BG-16': doc.paymentMeans.map((p) => [p.code, p.accountId]),
    // One remittance reference per document in CII (settlement level), per payment means in UBL.
    'BT-83': doc.paymentMeans.find((p) => p.paymentId)?.paymentId ?? null,
    'BT-106': s(doc.totals.lineExtensionAmount),
    'BT-109': s(doc.totals.taxExclusiveAmount),
    'BT-110': s(doc.taxAmount),
    'BT-112': s(doc.totals.taxInclusiveAmount),
    'BT-115': s(doc.totals.payableAmount),
    'BG-23': doc.vatBreakdown.map((b) => [b.category.id, b.category.percent?.toString(), s(b.taxableAmount), s(b.taxAmount)]),
    'BG-25': doc.lines.map((l) => [l.id, l.quantity?.toString(), l.unitCode, s(l.lineExtensionAmount), l.item.name?.trim(), l.price.amount?.toFixed(2), l.item.taxCategory?.id, l.item.taxCategory?.percent?.toString()]),
  };
}

describe('parseCii', () => {
  it.each(PAIRS)('reads %s with the same business terms as %s', (ciiName, ublName) => {
    const fromCii = parseCii(cii(ciiName));
    const fromUbl = parseUbl(fixture(ublName));
    expect(fromCii.syntax).toBe('cii');
    expect(terms(fromCii)).toEqual(terms(fromUbl));
  });

  it.each(PAIRS)('%s passes the EN 16931 rules that %s passes', (ciiName, ublName) => {
    const core = (doc: UblDocument) => validateUbl(doc).findings.filter((f) => f.rule.startsWith('BR-') && f.severity === 'fatal').map((f) => f.rule);
    expect(core(parseCii(cii(ciiName)))).toEqual(core(parseUbl(fixture(ublName))));
  });

  it('reads the Belgian credit note as a credit note with positive amounts, its parties and BT-83 reference', () => {
    const doc = parseCii(cii('cii-creditnote1.xml'));
    expect(doc).toMatchObject({ kind: 'CreditNote', typeCode: '381', buyerReference: '018304 / 28865', invoicePeriod: { startDate: '2019-02-01', endDate: '2019-02-28' } });
    expect(doc.buyer).toMatchObject({ vatId: 'BE0000000295', endpointId: { value: '0000000295', schemeId: '0201' }, legalId: { value: '0000000295' }, tradingName: 'My Customer Company S.A.', contact: { email: 'pete.smith@mycustomercompany.be' } });
    expect(doc.paymentMeans).toEqual([{ code: '1', paymentId: '010676609538', accountId: 'BE91000000143476', bic: 'BPOTBEB1' }]);
    expect(doc.vatBreakdown[0]?.category).toMatchObject({ id: 'E', exemptionReason: 'Taxes are not applicable' });
  });

  it('names CII elements in its findings: a wrong grand total is BR-CO-15 at ram:GrandTotalAmount', () => {
    const broken = cii('cii-example9.xml').toString('utf8').replace('<ram:GrandTotalAmount>177.87<', '<ram:GrandTotalAmount>177.88<');
    const findings = validateUbl(parseCii(broken)).findings.filter((f) => f.rule === 'BR-CO-15');
    expect(findings).toEqual([
      expect.objectContaining({
        element: '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount',
        message: expect.stringContaining('expected 177.87, the document states 177.88'),
      }),
    ]);
  });

  it('translates every path the validator reports on a document missing everything', () => {
    const empty = `<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <rsm:SupplyChainTradeTransaction><ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>X</ram:CategoryCode><ram:RateApplicablePercent>-1</ram:RateApplicablePercent></ram:ApplicableTradeTax></ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>
      <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>XXY</ram:InvoiceCurrencyCode><ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode></ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax><ram:CategoryCode>E</ram:CategoryCode><ram:BasisAmount>1.001</ram:BasisAmount><ram:CalculatedAmount>1</ram:CalculatedAmount></ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:DuePayableAmount>5</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>
    </rsm:CrossIndustryInvoice>`;
    const findings = validateUbl(parseCii(empty)).findings;
    expect(findings.length).toBeGreaterThan(15);
    for (const f of findings) {
      expect(f.element, f.rule).toMatch(/^\/rsm:CrossIndustryInvoice(\/|$)/);
      expect(f.element, f.rule).not.toMatch(/cac:|cbc:|UBL/);
    }
    expect(findings.some((f) => f.rule.startsWith('PEPPOL-'))).toBe(false);
  });

  it.each([
    ['an XXE entity', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&e;</rsm:CrossIndustryInvoice>', 'CII_UNSAFE_XML'],
    ['a UBL invoice', fixture('peppol/base-example.xml'), 'CII_NOT_CII'],
    ['a CII root in another namespace', '<CrossIndustryInvoice xmlns="urn:example"/>', 'CII_NOT_CII'],
    ['a ZUGFeRD 1.0 document', '<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>', 'CII_UNSUPPORTED'],
    ['broken XML', '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"><a></b>', 'CII_MALFORMED'],
  ])('refuses %s with a CiiParseError', (_label, input, code) => {
    const error = (() => {
      try {
        parseCii(input);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CiiParseError);
    expect(error).toMatchObject({ code });
  });

  it('refuses a date that is not format 102, naming the element', () => {
    const odd = cii('cii-example9.xml').toString('utf8').replace('<udt:DateTimeString format="102">20150401', '<udt:DateTimeString format="610">201504');
    expect(() => parseCii(odd)).toThrow(expect.objectContaining({ code: 'CII_INVALID_VALUE', path: '/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString/@format' }));
    const impossible = cii('cii-example9.xml').toString('utf8').replace('20150401', '20150231');
    expect(() => parseCii(impossible)).toThrow(expect.objectContaining({ code: 'CII_INVALID_VALUE' }));
  });

  it('refuses an amount that is not a number, naming the element', () => {
    const bad = cii('cii-example9.xml').toString('utf8').replace('<ram:DuePayableAmount>177.87', '<ram:DuePayableAmount>17x.87');
    expect(() => parseCii(bad)).toThrow(expect.objectContaining({ code: 'CII_INVALID_VALUE', path: expect.stringContaining('ram:DuePayableAmount') }));
  });
});

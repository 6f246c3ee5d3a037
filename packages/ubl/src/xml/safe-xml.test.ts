import { describe, expect, it } from 'vitest';
import { UblParseError } from '../errors.js';
import { parseUbl } from '../read/parse-ubl.js';

const NS = 'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"';

function refused(xml: string | Uint8Array, options?: { maxBytes?: number }): UblParseError {
  try {
    parseUbl(xml, options);
  } catch (e) {
    if (e instanceof UblParseError) return e;
    throw e;
  }
  throw new Error('expected a UblParseError');
}

describe('safe parsing', () => {
  it('refuses external entities (XXE) without reading anything', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice ${NS}><cbc:ID>&xxe;</cbc:ID></Invoice>`;
    const e = refused(xxe);
    expect(e.code).toBe('UBL_UNSAFE_XML');
    expect(e.message).toContain('DOCTYPE');
  });

  it('refuses entity expansion bombs (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Invoice ${NS}><cbc:ID>&lol1;</cbc:ID></Invoice>`;
    expect(refused(lol).code).toBe('UBL_UNSAFE_XML');
  });

  it('refuses an undeclared entity instead of passing it through', () => {
    const e = refused(`<Invoice ${NS}><cbc:ID>A&nbsp;B</cbc:ID></Invoice>`);
    expect(e.code).toBe('UBL_UNSAFE_XML');
    expect(e.path).toBe('/Invoice/cbc:ID');
  });

  it('decodes the predefined entities and character references', () => {
    const doc = parseUbl(`<Invoice ${NS}><cbc:ID>A &amp; B &lt;C&gt; &#233;&#x20AC;</cbc:ID></Invoice>`);
    expect(doc.id).toBe('A & B <C> é€');
  });

  it('refuses documents over the size limit before parsing', () => {
    const e = refused(`<Invoice ${NS}><cbc:ID>${'x'.repeat(2000)}</cbc:ID></Invoice>`, { maxBytes: 1000 });
    expect(e.code).toBe('UBL_TOO_LARGE');
  });

  it('refuses malformed XML, invalid UTF-8 and excessive nesting', () => {
    expect(refused(`<Invoice ${NS}><cbc:ID>1</cbc:Note></Invoice>`).code).toBe('UBL_MALFORMED');
    expect(refused(new Uint8Array([0x3c, 0x61, 0xff, 0x3e])).code).toBe('UBL_MALFORMED');
    const deep = `<Invoice ${NS}>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</Invoice>`;
    expect(refused(deep).code).toBe('UBL_MALFORMED');
  });

  it('refuses what is not a UBL invoice or credit note', () => {
    expect(refused('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>').code).toBe('UBL_NOT_UBL');
    expect(refused('<Invoice xmlns="urn:example"><ID>1</ID></Invoice>').message).toContain('namespace');
  });

  it('names the element of an unreadable value', () => {
    const e = refused(`<Invoice ${NS}><cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">12,50</cbc:PayableAmount></cac:LegalMonetaryTotal></Invoice>`);
    expect(e).toMatchObject({ code: 'UBL_INVALID_VALUE', path: '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount' });
    expect(refused(`<Invoice ${NS}><cbc:IssueDate>2024-02-30</cbc:IssueDate></Invoice>`).path).toBe('/Invoice/cbc:IssueDate');
    expect(refused(`<Invoice ${NS}><cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator></cac:AllowanceCharge></Invoice>`).code).toBe('UBL_INVALID_VALUE');
  });

  it('accepts a prefixed root element and a byte-order mark', () => {
    const xml = `\uFEFF<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>7</cbc:ID></ubl:Invoice>`;
    expect(parseUbl(new TextEncoder().encode(xml)).id).toBe('7');
  });
});

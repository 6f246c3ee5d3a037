import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { BankFormatError } from '../errors/BankFormatError.js';
import { parseCamt053 } from './parseCamt053.js';

const multi = fixture('camt053/genkgo-camt053.v2.multi.statement.xml').toString('utf8');
const NS = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';

function camtError(input: string): BankFormatError {
  try {
    parseCamt053(input);
  } catch (e) {
    if (e instanceof BankFormatError) return e;
    throw e;
  }
  throw new Error('parseCamt053 accepted the file');
}

/** A small statement: opening 100.00, one entry, closing as given. */
function statement(entry: string, closing = '150.00'): string {
  const bal = (code: string, amt: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amt}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-01</Dt></Dt></Bal>`;
  return `<?xml version="1.0"?>\n<Document xmlns="${NS}"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>\n<Stmt><Id>S1</Id><Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>\n${bal('OPBD', '100.00')}${bal('CLBD', closing)}\n${entry}\n</Stmt></BkToCstmrStmt></Document>`;
}

function entry(inner: string, amount = '50.00', sign = 'CRDT'): string {
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${sign}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2025-03-01</Dt></BookgDt>${inner}</Ntry>`;
}

describe('parseCamt053 refuses hostile and broken XML', () => {
  it('an external entity (XXE)', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document xmlns="${NS}"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`;
    const e = camtError(xxe);
    expect(e.code).toBe('XML_DTD_FORBIDDEN');
    expect(e.line).toBe(2);
    expect(e.message).toContain('<!DOCTYPE');
  });

  it('a billion-laughs entity bomb, quickly', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${lol}]><Document xmlns="${NS}">&lol9;</Document>`;
    const started = performance.now();
    expect(camtError(bomb).code).toBe('XML_DTD_FORBIDDEN');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('an entity declaration smuggled without a DOCTYPE', () => {
    expect(camtError(`<Document xmlns="${NS}"><!ENTITY x "y"></Document>`).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('XML that is not well-formed, with its line', () => {
    const e = camtError(multi.replace('</Nm>', '</Name>'));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.line).toBeGreaterThan(1);
  });

  it('a camt.054 notification instead of a statement', () => {
    const e = camtError(multi.replace('camt.053.001.02', 'camt.054.001.02'));
    expect(e.code).toBe('UNSUPPORTED_VERSION');
    expect(e.message).toContain('camt.054');
  });

  it('a file over the size limit', () => {
    expect(() => parseCamt053(multi, { maxBytes: 100 })).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });

  it('more transactions than allowed', () => {
    expect(() => parseCamt053(multi, { maxTransactions: 1 })).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });

  it('an amount that is not a number, naming the element', () => {
    const e = camtError(statement(entry('', '5O.00')));
    expect(e.code).toBe('INVALID_AMOUNT');
    expect(e.element).toBe('Document/BkToCstmrStmt/Stmt[1]/Ntry[1]');
    expect(e.line).toBe(5);
  });

  it('an entry of a fraction of a cent', () => {
    expect(camtError(statement(entry('', '50.001'), '150.001')).code).toBe('INVALID_AMOUNT');
  });

  it('a credit/debit indicator outside CRDT/DBIT', () => {
    expect(camtError(statement(entry('', '50.00', 'CRED'))).code).toBe('INVALID_CODE');
  });

  it('a tampered closing balance, naming the statement and the figures', () => {
    const e = camtError(statement(entry(''), '150.01'));
    expect(e.code).toBe('BALANCE_MISMATCH');
    expect(e.message).toContain('statement S1');
    expect(e.message).toContain('150.01');
    expect(e.message).toContain('150.00');
  });

  it('a non-existent date', () => {
    expect(camtError(statement(entry('').replace('2025-03-01', '2025-02-30'))).code).toBe('INVALID_DATE');
  });
});

describe('parseCamt053 reads what payers write', () => {
  const rmt = (inner: string) => `<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Smith &amp; Sons</Nm></Dbtr></RltdPties><RmtInf>${inner}</RmtInf></TxDtls></NtryDtls>`;
  const scor = (ref: string) => `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${ref}</Ref></CdtrRefInf></Strd>`;
  const first = (xml: string) => parseCamt053(xml).statements[0]?.transactions[0];

  it('an RF creditor reference, spaces removed', () => {
    expect(first(statement(entry(rmt(scor('RF18 5390 0754 7034')))))?.remittance.structured).toEqual({ scheme: 'rf', reference: 'RF18539007547034' });
  });

  it('an OGM written with +++ in a SCOR reference', () => {
    expect(first(statement(entry(rmt(scor('+++240/2838/42818+++')))))?.remittance.structured).toEqual({ scheme: 'ogm', reference: '240283842818' });
  });

  it('several Ustrd lines joined, and &amp; decoded without enabling entities', () => {
    const tx = first(statement(entry(rmt('<Ustrd>Invoice 2025-0012</Ustrd><Ustrd>and 2025-0013</Ustrd>'))));
    expect(tx?.remittance.unstructured).toBe('Invoice 2025-0012 and 2025-0013');
    expect(tx?.counterparty.name).toBe('Smith & Sons');
  });

  it('a pending entry is left out of the statement, with a warning', () => {
    const pending = entry('').replace('<Sts>BOOK</Sts>', '<Sts>PDNG</Sts>');
    const file = parseCamt053(statement(entry('') + pending));
    expect(file.statements[0]?.transactions).toHaveLength(1);
    expect(file.warnings).toEqual([expect.stringContaining('PDNG')]);
  });

  it('a namespace prefix on every element', () => {
    const prefixed = multi.replace(/<(\/?)(\w+)/g, (m, slash: string, name: string) => (name === 'xml' ? m : `<${slash}c:${name}`)).replace(`xmlns="${NS}"`, `xmlns:c="${NS}"`);
    expect(parseCamt053(prefixed).statements).toHaveLength(2);
  });

  it('a repeated AcctSvcrRef does not swallow the second entry', () => {
    const twice = entry('<AcctSvcrRef>R1</AcctSvcrRef>', '25.00');
    const file = parseCamt053(statement(twice + twice));
    expect(file.statements[0]?.transactions.map((t) => t.dedupKey)).toEqual([
      'camt:BE68539007547034:ref:R1',
      'camt:BE68539007547034:ref:R1~2',
    ]);
  });
});

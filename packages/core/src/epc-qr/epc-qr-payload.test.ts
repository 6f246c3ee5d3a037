import { describe, expect, it } from 'vitest';
import { isFactError } from '../errors/FactError.js';
import { money } from '../money/money.js';
import { EPC_QR_LIMITS } from './epc-qr-limits.js';
import { epcQrPayload } from './epc-qr-payload.js';

function thrown(fn: () => unknown): { code: string; field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isFactError(e)) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected a FactError');
}

const base = { name: 'Fact BV', iban: 'BE71 0961 2345 6769', amount: '12.34' } as const;

describe('EPC QR payload (EPC069-12 v002), reference.md §5', () => {
  it('writes the 12 elements with LF, an OGM as its 12 digits in line 10, and no trailing LF', () => {
    expect(epcQrPayload({ ...base, bic: 'gkccbebb', reference: '+++240/2838/42818+++' })).toBe(
      ['BCD', '002', '1', 'SCT', 'GKCCBEBB', 'Fact BV', 'BE71096123456769', 'EUR12.34', '', '240283842818'].join('\n'),
    );
  });

  it('writes an RF reference electronically and free text in line 11', () => {
    expect(epcQrPayload({ ...base, amount: money('1500'), reference: 'RF18 5390 0754 7034' })).toBe(
      'BCD\n002\n1\nSCT\n\nFact BV\nBE71096123456769\nEUR1500.00\n\nRF18539007547034',
    );
    expect(epcQrPayload({ ...base, iban: 'NL91ABNA0417164300', amount: 20, purpose: 'char', text: 'Invoice 2024-17', information: 'Thank you' })).toBe(
      'BCD\n002\n1\nSCT\n\nFact BV\nNL91ABNA0417164300\nEUR20.00\nCHAR\n\nInvoice 2024-17\nThank you',
    );
  });

  it('accepts the limits themselves (70-character name, 140-character text, extreme amounts)', () => {
    const payload = epcQrPayload({ ...base, name: 'N'.repeat(70), amount: '999999999.99', text: 'T'.repeat(140) });
    expect(payload.split('\n')).toHaveLength(11);
    expect(payload).toContain('EUR999999999.99');
    expect(epcQrPayload({ ...base, amount: '0.01' })).toContain('\nEUR0.01');
  });

  it('refuses each field over its limit with PAYLOAD_TOO_LONG naming the field', () => {
    expect(thrown(() => epcQrPayload({ ...base, name: 'N'.repeat(71) }))).toMatchObject({ code: 'PAYLOAD_TOO_LONG', field: 'name' });
    expect(thrown(() => epcQrPayload({ ...base, text: 'T'.repeat(141) }))).toMatchObject({ code: 'PAYLOAD_TOO_LONG', field: 'text' });
    expect(thrown(() => epcQrPayload({ ...base, information: 'I'.repeat(71) }))).toMatchObject({ code: 'PAYLOAD_TOO_LONG', field: 'information' });
    expect(thrown(() => epcQrPayload({ ...base, purpose: 'CHARI' }))).toMatchObject({ code: 'PAYLOAD_TOO_LONG', field: 'purpose' });
    expect(EPC_QR_LIMITS.referenceMax).toBe(35); // an RF reference (≤ 25) and an OGM (12) always fit
  });

  it('refuses a payload over 331 bytes, naming the free text to shorten', () => {
    // 3+3+1+3+11+70+16+15+4+0+140+70 = 336 characters (line 10 empty) and 11 LFs = 347 bytes.
    const input = { ...base, bic: 'GKCCBEBB123', name: 'N'.repeat(70), amount: '999999999.99', purpose: 'CHAR', text: 'T'.repeat(140), information: 'I'.repeat(70) };
    expect(thrown(() => epcQrPayload(input))).toMatchObject({
      code: 'PAYLOAD_TOO_LONG',
      field: 'information',
      message: expect.stringContaining('347 bytes'),
    });
    // Multi-byte UTF-8 counts in bytes: 70 × "€" is 210 bytes on its own.
    expect(thrown(() => epcQrPayload({ ...input, information: undefined, name: '€'.repeat(70) })).field).toBe('text');
    expect(thrown(() => epcQrPayload({ ...base, name: '€'.repeat(70), information: 'x'.repeat(70), text: undefined, bic: 'GKCCBEBB123' })).field).toBe('information');
  });

  it('refuses a reference together with text, and references that are neither OGM nor RF', () => {
    expect(thrown(() => epcQrPayload({ ...base, reference: 'RF18539007547034', text: 'hello' }))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'text' });
    expect(thrown(() => epcQrPayload({ ...base, reference: 'INV-17' }))).toMatchObject({ code: 'INVALID_REFERENCE', field: 'reference' });
  });

  it('refuses bad amounts without rounding them', () => {
    expect(thrown(() => epcQrPayload({ ...base, amount: '12.345' }))).toMatchObject({ code: 'INVALID_AMOUNT', field: 'amount' });
    expect(thrown(() => epcQrPayload({ ...base, amount: '0' })).message).toContain('outside 0.01 to 999999999.99');
    expect(thrown(() => epcQrPayload({ ...base, amount: '1000000000' })).code).toBe('INVALID_AMOUNT');
    expect(thrown(() => epcQrPayload({ ...base, amount: '-5' })).code).toBe('INVALID_AMOUNT');
  });

  it('refuses a non-SEPA IBAN, a bad BIC, an empty name and line breaks', () => {
    expect(thrown(() => epcQrPayload({ ...base, iban: 'TR330006100519786457841326' }))).toMatchObject({ code: 'INVALID_IBAN', field: 'iban' });
    expect(thrown(() => epcQrPayload({ ...base, bic: 'GKCC' }))).toMatchObject({ code: 'INVALID_BIC', field: 'bic' });
    expect(thrown(() => epcQrPayload({ ...base, name: '  ' }))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'name' });
    expect(thrown(() => epcQrPayload({ ...base, text: 'a\nb' }))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'text' });
    expect(thrown(() => epcQrPayload({ ...base, purpose: 'CH-R' }))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'purpose' });
  });
});

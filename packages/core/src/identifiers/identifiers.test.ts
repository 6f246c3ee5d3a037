import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFactError } from '../errors/FactError.js';
import { formatBeEnterpriseNumber, parseBeEnterpriseNumber, parseBeVatNumber } from './be-enterprise-number.js';
import { parseBic } from './bic.js';
import { formatIban, isValidIban, parseIban } from './iban.js';
import { IBAN_FORMATS } from './iban-registry.js';
import { KVK_NUMBER_RULE } from './identifier-rules.js';
import { parseKvkNumber, parseNlVatNumber } from './nl-identifiers.js';
import { parseVatNumber } from './vat-number.js';

function thrown(fn: () => unknown): { code: string; field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isFactError(e)) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected a FactError');
}

describe('IBAN (ISO 13616, MOD 97-10), reference.md §7', () => {
  it('accepts the verified and registry examples, in print or electronic form', () => {
    // reference.md §7 [V] and §6.1; ECBS/SWIFT registry examples for BE, NL, DE, FR, GB.
    for (const iban of [
      'BE33737018595246',
      'BE43730004200601',
      'BE68539007547034',
      'BE72000000001616',
      'BE54 0000 0000 0097',
      'BE71 0961 2345 6769',
      'NL91 ABNA 0417 1643 00',
      'DE89 3704 0044 0532 0130 00',
      'FR14 2004 1010 0505 0001 3M02 606',
      'GB29 NWBK 6016 1331 9268 19',
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
    expect(parseIban('be71 0961 2345 6769')).toEqual({ electronic: 'BE71096123456769', printed: 'BE71 0961 2345 6769', country: 'BE', sepa: true });
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('says why an IBAN is refused, naming the field', () => {
    expect(thrown(() => parseIban('BE71 0961 2345 6768', 'debtor.iban'))).toMatchObject({
      code: 'INVALID_IBAN',
      field: 'debtor.iban',
      message: expect.stringContaining('check digits mismatch'),
    });
    expect(thrown(() => parseIban('BE71 0961 2345 676')).message).toContain('wrong length: a Belgium IBAN has 16 characters');
    expect(thrown(() => parseIban('XX71 0961 2345 6769')).message).toContain('country XX');
    expect(thrown(() => parseIban('NL91 1234 0417 1643 00')).message).toContain('structure 4!a10!n');
    expect(thrown(() => parseIban('hello')).code).toBe('INVALID_IBAN');
    // IBAN check correct but the Belgian account check (last two digits of the BBAN) wrong.
    expect(thrown(() => parseIban('BE98 0961 2345 6768')).message).toContain('Belgian account check mismatch');
  });

  it('derives every length from the registry notation (BE 16, NL 18)', () => {
    const be = IBAN_FORMATS.find((x) => x.country === 'BE');
    expect(be?.bban).toBe('3!n7!n2!n');
    expect(thrown(() => parseIban('NL91ABNA04171643001')).message).toContain('18 characters');
  });

  it('detects every single changed digit', () => {
    const valid = ['BE71096123456769', 'NL91ABNA0417164300', 'DE89370400440532013000'];
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, delta) => {
        const digitPositions = [...iban].flatMap((ch, i) => (i >= 2 && /\d/.test(ch) ? [i] : []));
        const i = digitPositions[at % digitPositions.length] ?? 2;
        const changed = iban.slice(0, i) + String((Number(iban[i]) + delta) % 10) + iban.slice(i + 1);
        expect(isValidIban(changed)).toBe(false);
      }),
    );
  });
});

describe('BIC', () => {
  it('checks the ISO 9362 format', () => {
    expect(parseBic('gebabebb')).toBe('GEBABEBB');
    expect(parseBic('ABNANL2A')).toBe('ABNANL2A');
    expect(parseBic('DEUTDEFF500')).toBe('DEUTDEFF500');
    expect(thrown(() => parseBic('GEBABEB', 'bic'))).toMatchObject({ code: 'INVALID_BIC', field: 'bic' });
    expect(thrown(() => parseBic('GEBA1EBB')).message).toContain('country code');
  });
});

describe('Belgian enterprise and VAT numbers, reference.md §7', () => {
  it('accepts the python-stdnum doctest examples and formats them', () => {
    expect(parseBeEnterpriseNumber('0403019261')).toBe('0403019261');
    expect(parseBeEnterpriseNumber('BE 0428.759.497')).toBe('0428759497');
    expect(parseBeEnterpriseNumber('403019261')).toBe('0403019261'); // old 9-digit form
    expect(formatBeEnterpriseNumber('0403019261')).toBe('0403.019.261');
    expect(parseBeVatNumber('0428 759 497')).toBe('BE0428759497');
  });

  it('refuses the invalid doctest example and says why', () => {
    expect(thrown(() => parseBeEnterpriseNumber('0431150351', 'company.enterpriseNumber'))).toMatchObject({
      code: 'INVALID_ENTERPRISE_NUMBER',
      field: 'company.enterpriseNumber',
      message: expect.stringContaining('check digits mismatch'),
    });
    expect(thrown(() => parseBeVatNumber('BE0431150351')).code).toBe('INVALID_VAT_NUMBER');
    expect(thrown(() => parseBeEnterpriseNumber('2403019261')).message).toContain('start with 0 or 1');
    expect(thrown(() => parseBeEnterpriseNumber('04030192')).message).toContain('wrong length');
    expect(thrown(() => parseBeEnterpriseNumber('04O3019261')).code).toBe('INVALID_ENTERPRISE_NUMBER');
  });

  it('accepts exactly the numbers whose last two digits are 97 − (first 8 mod 97)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19_999_999 }), fc.integer({ min: 0, max: 99 }), (first8, check) => {
        const number = String(first8).padStart(8, '0') + String(check).padStart(2, '0');
        let ok = true;
        try {
          parseBeEnterpriseNumber(number);
        } catch {
          ok = false;
        }
        expect(ok).toBe(check === 97 - (first8 % 97));
      }),
    );
  });
});

describe('Dutch VAT number and KvK, reference.md §7', () => {
  it('accepts both the 11-test and the 2020+ mod-97 numbers', () => {
    expect(parseNlVatNumber('NL004495445B01')).toEqual({ vatNumber: 'NL004495445B01', rule: 'elfproef' });
    expect(parseNlVatNumber('nl 0044.95.445.b01')).toEqual({ vatNumber: 'NL004495445B01', rule: 'elfproef' });
    expect(parseNlVatNumber('NL000099998B57')).toEqual({ vatNumber: 'NL000099998B57', rule: 'mod97' });
  });

  it('refuses a number that passes neither rule, or has the wrong shape', () => {
    expect(thrown(() => parseNlVatNumber('NL004495446B01', 'buyer.vat'))).toMatchObject({
      code: 'INVALID_VAT_NUMBER',
      field: 'buyer.vat',
      message: expect.stringContaining('neither the 11-test'),
    });
    expect(thrown(() => parseNlVatNumber('NL004495445A01')).message).toContain('expected NL, 9 digits, B and 2 digits');
  });

  it('checks the KvK format only, and says that the rule is unconfirmed', () => {
    expect(KVK_NUMBER_RULE.unconfirmed).toBe(true);
    expect(parseKvkNumber('6904 2534')).toBe('69042534');
    expect(thrown(() => parseKvkNumber('6904253', 'kvk'))).toMatchObject({ code: 'INVALID_ENTERPRISE_NUMBER', field: 'kvk' });
  });
});

describe('parseVatNumber', () => {
  it('dispatches by country prefix', () => {
    expect(parseVatNumber('BE 0403.019.261')).toEqual({ country: 'BE', vatNumber: 'BE0403019261', check: 'mod97' });
    expect(parseVatNumber('NL004495445B01')).toEqual({ country: 'NL', vatNumber: 'NL004495445B01', check: 'elfproef' });
    expect(parseVatNumber('NL000099998B57').check).toBe('mod97');
    expect(parseVatNumber('DE 123456789')).toEqual({ country: 'DE', vatNumber: 'DE123456789', check: 'format-only' });
  });

  it('refuses what has no country prefix or the wrong shape', () => {
    expect(thrown(() => parseVatNumber('0403019261', 'vat'))).toMatchObject({ code: 'INVALID_VAT_NUMBER', field: 'vat' });
    expect(thrown(() => parseVatNumber('BE0431150351')).code).toBe('INVALID_VAT_NUMBER');
    expect(thrown(() => parseVatNumber('DE1')).code).toBe('INVALID_VAT_NUMBER');
  });
});

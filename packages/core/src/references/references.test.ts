import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFactError } from '../errors/FactError.js';
import { mod97 } from './mod97.js';
import { createOgm, formatOgm, isValidOgm, parseOgm } from './ogm.js';
import { parsePaymentReference } from './parse-payment-reference.js';
import { paymentReference } from './payment-reference.js';
import { createRf, formatRf, isValidRf, parseRf } from './rf.js';

/** Runs `fn` and returns the FactError it throws (failing the test when it does not). */
function thrown(fn: () => unknown): { code: string; field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isFactError(e)) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected a FactError');
}

/** Changes the digit at `index` of `text` to a different digit. */
function changeDigit(text: string, index: number, delta: number): string {
  const d = (Number(text[index]) + delta) % 10;
  return text.slice(0, index) + String(d) + text.slice(index + 1);
}

describe('Belgian structured communication (OGM/VCS), reference.md §6.1', () => {
  it('creates the published examples', () => {
    expect(createOgm(1234567890)).toBe('+++123/4567/89002+++');
    expect(createOgm('0000000000')).toBe('+++000/0000/00097+++');
    expect(createOgm(0)).toBe('+++000/0000/00097+++');
    expect(createOgm('0108068171')).toBe('+++010/8068/17183+++');
    expect(createOgm(2402838428n)).toBe('+++240/2838/42818+++');
  });

  it('reads the real CODA fixture reference in every usual form', () => {
    const expected = { scheme: 'ogm', electronic: '240283842818', printed: '+++240/2838/42818+++' };
    expect(parseOgm('+++240/2838/42818+++')).toEqual(expected);
    expect(parseOgm('***240/2838/42818***')).toEqual(expected);
    expect(parseOgm('  +++ 240 / 2838 / 42818 +++ ')).toEqual(expected);
    expect(parseOgm('240283842818')).toEqual(expected);
    expect(formatOgm('240 2838 42818')).toBe('+++240/2838/42818+++');
    expect(isValidOgm('+++240/2838/42818+++')).toBe(true);
    expect(isValidOgm('+++240/2838/42819+++')).toBe(false);
  });

  it('says why a reference is refused, naming the field', () => {
    expect(thrown(() => parseOgm('+++240/2838/42819+++', 'payments[0].reference'))).toMatchObject({
      code: 'INVALID_REFERENCE',
      field: 'payments[0].reference',
      message: expect.stringContaining('check digits mismatch in "+++240/2838/42819+++": expected 18, got 19'),
    });
    expect(thrown(() => parseOgm('240/2838/4281')).message).toContain('wrong length');
    expect(thrown(() => parseOgm('+++240/2838/42818***')).message).toContain('does not close');
    expect(thrown(() => parseOgm('240A83842818')).message).toContain('contains "A"');
    expect(thrown(() => createOgm(12345678901)).field).toBe('base');
    expect(thrown(() => createOgm(-1)).code).toBe('INVALID_REFERENCE');
    expect(thrown(() => createOgm(1.5)).code).toBe('INVALID_REFERENCE');
    expect(thrown(() => createOgm(10_000_000_000n)).code).toBe('INVALID_REFERENCE');
    expect(thrown(() => createOgm('12a')).code).toBe('INVALID_REFERENCE');
  });

  it('round-trips every base through createOgm and parseOgm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (base) => {
        const ref = parseOgm(createOgm(base));
        expect(ref.electronic.slice(0, 10)).toBe(String(base).padStart(10, '0'));
        const r = mod97(ref.electronic.slice(0, 10));
        expect(Number(ref.electronic.slice(10))).toBe(r === 0 ? 97 : r);
      }),
    );
  });

  it('detects every single changed digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (base, index, delta) => {
        const digits = parseOgm(createOgm(base)).electronic;
        expect(isValidOgm(changeDigit(digits, index, delta))).toBe(false);
      }),
    );
  });
});

describe('ISO 11649 RF creditor reference, reference.md §6.2', () => {
  it('creates and reads the standard examples', () => {
    expect(createRf('539007547034')).toBe('RF18539007547034');
    expect(createRf('2348231')).toBe('RF712348231');
    expect(parseRf('RF18 5390 0754 7034')).toEqual({ scheme: 'rf', electronic: 'RF18539007547034', printed: 'RF18 5390 0754 7034' });
    expect(formatRf('rf712348231')).toBe('RF71 2348 231');
    // Leading zeros do not change the remainder: the long form of the ISO example is valid too.
    expect(isValidRf('RF18 0000 0000 0539 0075 4703 4')).toBe(true);
  });

  it('refuses bad references with the reason and the field', () => {
    expect(thrown(() => parseRf('RF19 5390 0754 7034', 'ref'))).toMatchObject({
      code: 'INVALID_REFERENCE',
      field: 'ref',
      message: expect.stringContaining('expected 18, got 19'),
    });
    expect(thrown(() => parseRf('XX18539007547034')).message).toContain('does not start with RF');
    expect(thrown(() => parseRf('RFAB539')).message).toContain('two check digits');
    expect(thrown(() => parseRf('RF18')).message).toContain('wrong length');
    expect(thrown(() => parseRf('RF18' + '1'.repeat(22))).message).toContain('wrong length');
    expect(thrown(() => parseRf('RF18-5390')).message).toContain('only letters');
    expect(thrown(() => createRf('')).message).toContain('empty');
    expect(thrown(() => createRf('A'.repeat(22))).message).toContain('at most 21');
    expect(thrown(() => createRf('INV-1')).code).toBe('INVALID_REFERENCE');
  });

  it('round-trips any alphanumeric reference of 1 to 21 characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), (body) => {
        const ref = parseRf(createRf(body));
        expect(ref.electronic.slice(4)).toBe(body);
        expect(ref.electronic.length).toBeLessThanOrEqual(25);
        expect(ref.printed.replace(/ /g, '')).toBe(ref.electronic);
      }),
    );
  });

  it('detects every single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,21}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const rf = createRf(body);
        const index = 2 + (at % (rf.length - 2)); // any digit: check digits or body
        expect(isValidRf(changeDigit(rf, index, delta))).toBe(false);
      }),
    );
  });
});

describe('parsePaymentReference', () => {
  it('recognises the scheme', () => {
    expect(parsePaymentReference('+++240/2838/42818+++').scheme).toBe('ogm');
    expect(parsePaymentReference(' rf18539007547034').scheme).toBe('rf');
    expect(thrown(() => parsePaymentReference('INV-2024-1', 'remittance')).field).toBe('remittance');
  });
});

describe('paymentReference for an invoice sequence', () => {
  it('derives OGM and RF references from the sequence', () => {
    expect(paymentReference({ scheme: 'ogm' }, 42).printed).toBe('+++000/0000/04242+++');
    expect(paymentReference({ scheme: 'ogm', prefix: '7' }, 1).printed).toBe(createOgm('7000000001'));
    expect(paymentReference({ scheme: 'rf' }, 539007547034).electronic).toBe('RF18539007547034');
    expect(paymentReference({ scheme: 'rf', prefix: 'inv' }, 42)).toEqual(parseRf('RF55 INV4 2'));
  });

  it('refuses sequences and prefixes that cannot be represented, never truncating', () => {
    expect(thrown(() => paymentReference({ scheme: 'ogm', prefix: '12' }, 123_456_789))).toMatchObject({ code: 'INVALID_REFERENCE', field: 'sequence' });
    expect(thrown(() => paymentReference({ scheme: 'ogm' }, -1)).field).toBe('sequence');
    expect(thrown(() => paymentReference({ scheme: 'ogm' }, 1.5)).field).toBe('sequence');
    expect(thrown(() => paymentReference({ scheme: 'ogm', prefix: 'A' }, 1)).field).toBe('company.prefix');
    expect(thrown(() => paymentReference({ scheme: 'rf', prefix: 'A-' }, 1)).field).toBe('company.prefix');
    expect(thrown(() => paymentReference({ scheme: 'rf', prefix: 'X'.repeat(20) }, 12)).field).toBe('sequence');
    expect(thrown(() => paymentReference({ scheme: 'x' as 'rf' }, 1)).field).toBe('company.scheme');
  });

  it('gives different sequences of one company different references, the same one every time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom({ scheme: 'ogm' as const }, { scheme: 'ogm' as const, prefix: '123' }, { scheme: 'rf' as const }, { scheme: 'rf' as const, prefix: 'AB' }),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        (policy, a, b) => {
          fc.pre(a !== b);
          expect(paymentReference(policy, a).electronic).not.toBe(paymentReference(policy, b).electronic);
          expect(paymentReference(policy, a)).toEqual(paymentReference(policy, a));
        },
      ),
    );
  });
});

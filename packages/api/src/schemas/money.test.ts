import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInput, centsToAmount, parseAmountToCents, positiveAmountInput } from './money.js';

describe('amounts at the API boundary', () => {
  it('reads decimal strings into exact cents', () => {
    expect(amountInput.parse('1234.56')).toBe(123456);
    expect(amountInput.parse('0.1')).toBe(10);
    expect(amountInput.parse('-5')).toBe(-500);
  });
  it.each([
    ['10.005', /fraction of a cent/],
    ['1,50', /decimal string with a dot/],
    ['1e3', /decimal string with a dot/],
    ['', /decimal string with a dot/],
  ])('refuses %s', (text, message) => {
    const r = amountInput.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });
  it('refuses zero and negatives where a positive amount is needed', () => {
    expect(positiveAmountInput.safeParse('0.00').success).toBe(false);
    expect(positiveAmountInput.safeParse('-1.00').success).toBe(false);
  });
  it('round-trips every whole-cent amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (cents) => {
        const parsed = parseAmountToCents(centsToAmount(cents));
        return parsed.ok && parsed.cents === cents;
      }),
    );
  });
});

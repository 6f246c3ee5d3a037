import { z } from 'zod';

const AMOUNT = /^-?\d+(\.\d+)?$/;
const MAX_CENTS = 99_999_999_999_99n; // 100 billion euro: far beyond any invoice, far below 2^53

/**
 * Turns a decimal string ("1234.56") into integer cents, or explains what is wrong. Kept apart
 * from zod so services can reuse the same rule.
 *
 * @example
 * ```ts
 * parseAmountToCents('12.30'); // { ok: true, cents: 1230 }
 * parseAmountToCents('0.005'); // { ok: false, message: '... fraction of a cent ...' }
 * ```
 */
export function parseAmountToCents(text: string): { ok: true; cents: number } | { ok: false; message: string; code: 'INVALID_AMOUNT' | 'CENT_FRACTION' | 'AMOUNT_TOO_LARGE' } {
  if (!AMOUNT.test(text)) {
    return { ok: false, code: 'INVALID_AMOUNT', message: `"${text}" is not an amount: write it as a decimal string with a dot, e.g. "1234.56"` };
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (fraction.length > 2) {
    return { ok: false, code: 'CENT_FRACTION', message: `"${text}" has a fraction of a cent: at most 2 decimals are allowed` };
  }
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return { ok: false, code: 'AMOUNT_TOO_LARGE', message: `"${text}" is too large` };
  return { ok: true, cents: Number(negative ? -cents : cents) };
}

/**
 * Formats integer cents as the API's decimal string.
 *
 * @example
 * ```ts
 * centsToAmount(-1205); // "-12.05"
 * ```
 */
export function centsToAmount(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

function amountSchema(rule: 'any' | 'positive' | 'nonNegative') {
  return z
    .string()
    .transform((text, ctx) => {
      const parsed = parseAmountToCents(text.trim());
      if (!parsed.ok) {
        // `params.code` is the stable name clients translate (the message is the English explanation).
        ctx.addIssue({ code: 'custom', message: parsed.message, params: { code: parsed.code } });
        return z.NEVER;
      }
      if (rule === 'positive' && parsed.cents <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be more than 0.00, got "${text}"`, params: { code: 'NOT_POSITIVE' } });
        return z.NEVER;
      }
      if (rule === 'nonNegative' && parsed.cents < 0) {
        ctx.addIssue({ code: 'custom', message: `must not be negative, got "${text}"`, params: { code: 'NEGATIVE' } });
        return z.NEVER;
      }
      return parsed.cents;
    })
    .meta({ description: 'Euro amount as a decimal string with at most 2 decimals, e.g. "1234.56"', example: '1234.56' });
}

/**
 * A euro amount crossing the API: a decimal string, parsed to integer cents. Fractional cents,
 * exponents, commas and numbers are refused with a message that says how to write it.
 *
 * @example
 * ```ts
 * amountInput.parse('10.50'); // 1050
 * ```
 */
export const amountInput = amountSchema('any');
/** A strictly positive amount (a payment, a line price). @example positiveAmountInput.parse('0.01') // 1 */
export const positiveAmountInput = amountSchema('positive');
/** Zero or more. @example nonNegativeAmountInput.parse('0') // 0 */
export const nonNegativeAmountInput = amountSchema('nonNegative');

/** An amount in an API response: always two decimals. @example amountOutput.parse('12.30') */
export const amountOutput = z.string().regex(/^-?\d+\.\d{2}$/).meta({ example: '1234.56' });

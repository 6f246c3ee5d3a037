// Field schemas shared by the profile and the batch input: exact amounts, calendar dates,
// percentages. Each carries a message that says what was expected, so the FactError built from
// a failed parse names the field and the reason.
import { Dec, parseDate, type Money } from '@fact/core';
import { z } from 'zod';

const CENTS = /^\d+(\.\d{1,2})?$/;
const PERCENT = /^\d+(\.\d+)?$/;

/**
 * A non-negative euro amount as a decimal string with at most two decimals, read exactly.
 *
 * @example
 * ```ts
 * amountField.parse('1234.50').toFixed(2); // "1234.50"
 * ```
 */
export const amountField = z
  .string({ error: 'expected a decimal string such as "1234.56"' })
  .regex(CENTS, 'expected a non-negative decimal string with at most two decimals, such as "1234.56"')
  .transform((s): Money => new Dec(s));

/**
 * A percentage from 0 to 100 as a decimal string (`"85"`, `"1.25"`).
 *
 * @example
 * ```ts
 * percentField.parse('12.5').toString(); // "12.5"
 * ```
 */
export const percentField = z
  .string({ error: 'expected a percentage as a decimal string such as "85"' })
  .regex(PERCENT, 'expected a percentage as a decimal string such as "85"')
  .refine((s) => !PERCENT.test(s) || new Dec(s).lte(100), 'a percentage cannot exceed 100')
  .transform((s): Money => new Dec(s));

function isDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A calendar date `YYYY-MM-DD` that exists.
 *
 * @example
 * ```ts
 * dateField.parse('2025-02-28'); // "2025-02-28"
 * ```
 */
export const dateField = z.string({ error: 'expected a YYYY-MM-DD date' }).refine(isDate, 'expected an existing YYYY-MM-DD date');

/**
 * A whole number of days, zero or more.
 *
 * @example
 * ```ts
 * daysField.parse(90); // 90
 * ```
 */
export const daysField = z.number({ error: 'expected a whole number of days' }).int('expected a whole number of days').min(0, 'cannot be negative').max(36_500, 'more than 100 years');

/**
 * An identifier: non-empty text without control characters.
 *
 * @example
 * ```ts
 * idField.parse('INV-1'); // "INV-1"
 * ```
 */
export const idField = z
  .string({ error: 'expected text' })
  .min(1, 'must not be empty')
  .max(200, 'longer than 200 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

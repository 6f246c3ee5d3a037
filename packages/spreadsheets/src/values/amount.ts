import { money, type Money } from '@fact/core';
import { CellProblem } from './CellProblem.js';

/**
 * The decimal separator of amounts in a file: `','` for `1.234,56` (nl, fr, de) or `'.'` for
 * `1,234.56` (en). It is an option of the mapping, never guessed: `1.234` means 1234 in one
 * style and 1.234 in the other.
 */
export type DecimalSeparator = ',' | '.';

/** Thousands separators allowed with each style: the other mark, spaces, apostrophe. */
const GROUP_MARKS: Record<DecimalSeparator, string> = { ',': '. \u00a0\u202f\'', '.': ', \u00a0\u202f\'' };

const CURRENCY_SIGN = /^(?:€|EUR)\s*|\s*(?:€|EUR)$/gi;

/**
 * Reads an amount cell exactly (through `money()` of @fact/core, never a float). Accepts an
 * optional sign (`-`, `+` or the minus sign `−`), an optional `€`/`EUR`, thousands separators in
 * groups of three, and at most `maxDecimals` decimals: an imported amount is never rounded.
 *
 * @example
 * ```ts
 * parseAmountCell('1.234,56', ',').toString(); // "1234.56"
 * parseAmountCell('-1,234.5', '.').toString(); // "-1234.5"
 * parseAmountCell('1.234,567', ','); // throws: more than 2 decimals
 * ```
 */
export function parseAmountCell(text: string, separator: DecimalSeparator, maxDecimals = 2): Money {
  const style = separator === ',' ? '1.234,56' : '1,234.56';
  const trimmed = text.trim().replace(CURRENCY_SIGN, '');
  const sign = /^[-+\u2212]/.test(trimmed) ? (trimmed.startsWith('+') ? '' : '-') : '';
  const unsigned = sign || trimmed.startsWith('+') ? trimmed.slice(1).trimStart() : trimmed;
  const [whole = '', fraction, extra] = unsigned.split(separator);
  const digits = extra === undefined ? ungroup(whole, GROUP_MARKS[separator]) : undefined;
  if (digits === undefined || (fraction !== undefined && !/^\d+$/.test(fraction))) {
    throw new CellProblem('INVALID_AMOUNT', `"${text}" is not an amount in the ${style} style`);
  }
  if (fraction !== undefined && fraction.length > maxDecimals) {
    throw new CellProblem('INVALID_AMOUNT', `"${text}" has more than ${maxDecimals} decimals; imported amounts are never rounded`);
  }
  return money(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`);
}

/** Digits of the whole part: plain (`1234`) or grouped by threes with one mark (`1.234.567`). */
function ungroup(whole: string, marks: string): string | undefined {
  if (/^\d+$/.test(whole)) return whole;
  const mark = [...marks].find((m) => whole.includes(m));
  if (mark === undefined) return undefined;
  const groups = whole.split(mark);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

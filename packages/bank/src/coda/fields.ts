import type { CalendarDate, Money } from '@fact/core';
import { Dec } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';

/** One CODA record with its 1-based line number in the file. @internal */
export interface CodaLine {
  readonly text: string;
  readonly line: number;
}

/** Positions `from`‑`to`, 1-based and inclusive, as in the Febelfin tables (reference.md §9.1). @internal */
export function field(rec: CodaLine, from: number, to: number): string {
  return rec.text.slice(from - 1, to);
}

/** A field that must be all digits. @internal */
export function digits(rec: CodaLine, from: number, to: number, what: string): string {
  const value = field(rec, from, to);
  if (!/^\d+$/.test(value)) {
    bankFail('CODA_NOT_NUMERIC', `${what} (positions ${from}-${to}) must be digits, got "${value}"`, { line: rec.line });
  }
  return value;
}

/**
 * A signed amount: a sign position (0 = credit, 1 = debit) and 15 digits with 3 implied decimals.
 * Kept exact; the caller decides what a fraction of a cent means. @internal
 */
export function signedAmount(rec: CodaLine, signPos: number, from: number, what: string): Money {
  const sign = field(rec, signPos, signPos);
  if (sign !== '0' && sign !== '1') {
    bankFail('INVALID_CODE', `${what} sign (position ${signPos}) must be 0 (credit) or 1 (debit), got "${sign}"`, { line: rec.line });
  }
  const value = new Dec(digits(rec, from, from + 14, what)).dividedBy(1000);
  return sign === '1' ? value.neg() : value;
}

/** An unsigned 15-digit amount with 3 implied decimals (trailer totals). @internal */
export function unsignedAmount(rec: CodaLine, from: number, what: string): Money {
  return new Dec(digits(rec, from, from + 14, what)).dividedBy(1000);
}

/**
 * A DDMMYY date; CODA version 2 dates are all in this century. `000000` means "no date" and
 * gives `undefined`. @internal
 */
export function codaDate(rec: CodaLine, from: number, what: string): CalendarDate | undefined {
  const value = digits(rec, from, from + 5, what);
  if (value === '000000') return undefined;
  const [d, m, y] = [Number(value.slice(0, 2)), Number(value.slice(2, 4)), 2000 + Number(value.slice(4, 6))];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || probe.getUTCDate() !== d) {
    bankFail('INVALID_DATE', `${what} (positions ${from}-${from + 5}) "${value}" is not a date (DDMMYY)`, { line: rec.line });
  }
  return `${y}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
}

/** A date that must be there. @internal */
export function requiredCodaDate(rec: CodaLine, from: number, what: string): CalendarDate {
  const date = codaDate(rec, from, what);
  if (date === undefined) bankFail('INVALID_DATE', `${what} (positions ${from}-${from + 5}) is empty`, { line: rec.line });
  return date;
}

/** Collapses the padding of fixed-width text; `undefined` when blank. @internal */
export function text(value: string): string | undefined {
  const t = value.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

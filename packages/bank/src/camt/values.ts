import type { CalendarDate, Money } from '@fact/core';
import { Dec, parseDate } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';
import type { XmlDocument, XmlValue } from './xml.js';
import { at, attr, textAt, textOf } from './xml.js';

/** Where an element is, for error messages: its path and (through the document) its line. @internal */
export interface Place {
  readonly doc: XmlDocument;
  readonly path: string;
  readonly node: XmlValue | undefined;
}

/** A child place. @internal */
export function inside(place: Place, name: string, node: XmlValue | undefined): Place {
  return { doc: place.doc, path: `${place.path}/${name}`, node };
}

/** The error location of a place: the element path and the nearest line the parser recorded. @internal */
export function locate(place: Place): { element: string; line?: number } {
  const line = place.doc.lineOf(place.node);
  return line === undefined ? { element: place.path } : { element: place.path, line };
}

/** An amount element with its currency; camt amounts are unsigned, the sign is `CdtDbtInd`. @internal */
export function amountAt(place: Place, path: string, required: true): { amount: Money; currency: string };
export function amountAt(place: Place, path: string, required: false): { amount: Money; currency: string } | undefined;
export function amountAt(place: Place, path: string, required: boolean): { amount: Money; currency: string } | undefined {
  const node = at(place.node, path);
  const value = textOf(node);
  if (value === undefined) {
    if (required) bankFail('MISSING_ELEMENT', `${path} (amount) is missing`, locate(place));
    return undefined;
  }
  if (!/^\d{1,18}(\.\d{1,5})?$/.test(value)) {
    bankFail('INVALID_AMOUNT', `${path} "${value}" is not an amount (digits, optionally a dot and up to 5 decimals)`, locate(place));
  }
  const currency = attr(node, 'Ccy');
  if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) {
    bankFail('INVALID_CODE', `${path} has no valid Ccy attribute (got "${currency ?? ''}")`, locate(place));
  }
  return { amount: new Dec(value), currency };
}

/** `CRDT` → +1, `DBIT` → −1; anything else is refused. @internal */
export function signAt(place: Place, path: string): 1 | -1 {
  const value = textAt(place.node, path);
  if (value === 'CRDT') return 1;
  if (value === 'DBIT') return -1;
  return bankFail(
    value === undefined ? 'MISSING_ELEMENT' : 'INVALID_CODE',
    `${path} must be CRDT or DBIT, got ${value === undefined ? 'nothing' : `"${value}"`}`,
    locate(place),
  );
}

/**
 * A `Dt` or `DtTm` choice under `path`. A date-time keeps the bank's own calendar day (its local
 * date), which is the booking day the bank means. @internal
 */
export function dateAt(place: Place, path: string): CalendarDate | undefined {
  const raw = textAt(place.node, `${path}/Dt`) ?? textAt(place.node, `${path}/DtTm`)?.slice(0, 10);
  if (raw === undefined) return undefined;
  try {
    return parseDate(raw);
  } catch {
    return bankFail('INVALID_DATE', `${path} "${raw}" is not a date`, locate(place));
  }
}

import { bankFail } from '../errors/BankFormatError.js';
import type { CodaLine } from './fields.js';
import { field } from './fields.js';

/** The account and currency of a CODA balance record. @internal */
export interface CodaAccount {
  readonly account: string;
  readonly currency: string;
}

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

/** BE + check digits + the 12-digit Belgian account number (ISO 13616, reference.md §7). */
function belgianIban(bban: string): string {
  // "BE00" → B=11, E=14, then 00, moved to the end.
  const check = 98 - mod97(`${bban}111400`);
  return `BE${String(check).padStart(2, '0')}${bban}`;
}

/**
 * Reads the account of record 1 (positions 6‑42, structure at position 2) or record 8
 * (positions 5‑41, same layout one position to the left). Structure 0 is a 12-digit Belgian
 * account number, turned into its IBAN; 1 a foreign account; 2 a Belgian IBAN; 3 a foreign IBAN.
 * @internal
 */
export function codaAccount(rec: CodaLine, structure: string, start: number): CodaAccount {
  const zone = field(rec, start, start + 36);
  if (structure === '0') {
    const bban = zone.slice(0, 12);
    if (!/^\d{12}$/.test(bban)) bankFail('CODA_NOT_NUMERIC', `Belgian account number "${bban}" must be 12 digits`, { line: rec.line });
    return { account: belgianIban(bban), currency: zone.slice(13, 16) };
  }
  if (structure === '1' || structure === '2' || structure === '3') {
    const account = zone.slice(0, 34).replace(/\s/g, '').toUpperCase();
    const currency = zone.slice(34, 37);
    if (account === '') bankFail('MISSING_ELEMENT', 'the account number is blank', { line: rec.line });
    if (!/^[A-Z]{3}$/.test(currency)) bankFail('INVALID_CODE', `currency "${currency}" is not an ISO 4217 code`, { line: rec.line });
    return { account, currency };
  }
  return bankFail('INVALID_CODE', `account structure (position 2) must be 0, 1, 2 or 3, got "${structure}"`, { line: rec.line });
}

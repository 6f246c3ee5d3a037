import { parseOgm } from './ogm.js';
import type { PaymentReference } from './payment-reference.types.js';
import { parseRf } from './rf.js';

/**
 * Reads a structured payment reference of either scheme: text starting with `RF` is read as an
 * ISO 11649 creditor reference, anything else as a Belgian OGM/VCS. Throws `INVALID_REFERENCE`
 * naming `field` when it is neither.
 *
 * @example
 * ```ts
 * parsePaymentReference('+++240/2838/42818+++').scheme; // "ogm"
 * parsePaymentReference('RF18 5390 0754 7034').scheme;  // "rf"
 * ```
 */
export function parsePaymentReference(text: string, field = 'reference'): PaymentReference {
  if (typeof text === 'string' && /^\s*rf/i.test(text)) return parseRf(text, field);
  return parseOgm(text, field);
}

import { fail } from '../errors/fail.js';
import { createOgm, parseOgm } from './ogm.js';
import type { PaymentReference, ReferenceScheme } from './payment-reference.types.js';
import { createRf, parseRf } from './rf.js';

/**
 * How a company numbers its payment references: the scheme, and an optional prefix when several
 * companies or ledgers share one bank account.
 *
 * @example
 * ```ts
 * const policy: PaymentReferencePolicy = { scheme: 'ogm', prefix: '7' };
 * paymentReference(policy, 42).printed; // "+++700/0000/04286+++"
 * ```
 */
export interface PaymentReferencePolicy {
  readonly scheme: ReferenceScheme;
  /**
   * Optional fixed characters in front of the sequence (digits for OGM, letters or digits for
   * RF). Needed only when several companies or ledgers receive payments on one bank account;
   * their prefixes must then all have the same length so that no two can produce the same text.
   */
  readonly prefix?: string;
}

/**
 * The structured payment reference of an invoice: a deterministic function of the company's
 * policy and the invoice's sequence number.
 *
 * **Why it is unique within a company.** The ledger gives each invoice of a company its own
 * sequence number (invoice numbering is unique per issuer). For a fixed policy this function is
 * injective: an OGM's 10-digit base is the prefix followed by the sequence zero-padded to the
 * remaining width (a sequence that does not fit is refused, never truncated), and an RF body is
 * the prefix followed by the sequence in decimal. The check digits are derived from that base,
 * so different sequences always give different references. Two companies may produce the same
 * reference; that is harmless because a reference is only matched against payments into the
 * company's own accounts (use same-length prefixes when they share one).
 *
 * Throws `INVALID_REFERENCE` (field `sequence` or `company.prefix`) for a negative, fractional
 * or too large sequence, or a prefix of the wrong characters.
 *
 * @example
 * ```ts
 * paymentReference({ scheme: 'ogm' }, 42).printed;             // "+++000/0000/04242+++"
 * paymentReference({ scheme: 'rf', prefix: 'INV' }, 42).printed; // "RF55 INV4 2"
 * ```
 */
export function paymentReference(company: PaymentReferencePolicy, sequence: number): PaymentReference {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    fail('INVALID_REFERENCE', 'sequence', `must be a whole number of at least 0, got ${sequence}`);
  }
  const prefix = (company.prefix ?? '').toUpperCase();
  if (company.scheme === 'ogm') {
    if (!/^\d{0,9}$/.test(prefix)) fail('INVALID_REFERENCE', 'company.prefix', `an OGM prefix is 0 to 9 digits, got "${company.prefix}"`);
    const width = 10 - prefix.length;
    const digits = String(sequence);
    if (digits.length > width) {
      fail('INVALID_REFERENCE', 'sequence', `${sequence} does not fit the ${width} digits an OGM leaves after prefix "${prefix}"`);
    }
    return parseOgm(createOgm(prefix + digits.padStart(width, '0')));
  }
  if (company.scheme === 'rf') {
    if (!/^[A-Z0-9]*$/.test(prefix)) fail('INVALID_REFERENCE', 'company.prefix', `an RF prefix holds letters and digits only, got "${company.prefix}"`);
    const body = prefix + String(sequence);
    if (body.length > 21) fail('INVALID_REFERENCE', 'sequence', `prefix and sequence "${body}" exceed the 21 characters of an RF reference`);
    return parseRf(createRf(body));
  }
  return fail('INVALID_REFERENCE', 'company.scheme', `unknown reference scheme "${String((company as { scheme: unknown }).scheme)}"`);
}

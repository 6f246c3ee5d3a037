import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import type { RecoveryCost } from './recoveryCost.js';

/**
 * The EU minimum fixed compensation per late payment, in euro, as an exact decimal string
 * (Directive 2011/7/EU art. 6; forfaitaire vergoeding / indemnité forfaitaire).
 *
 * @example
 * ```ts
 * money(EU_FIXED_COMPENSATION_EUR).times(2).toFixed(2); // "80.00" for two late payments
 * ```
 */
export const EU_FIXED_COMPENSATION_EUR = '40.00';

/**
 * The fixed €40 compensation for recovery costs that a business creditor may claim from a
 * business or public debtor for each late payment, without a reminder (Directive 2011/7/EU
 * art. 6; BE Law 2 Aug 2002; NL art. 6:96 BW). Reasonable costs above it can be claimed on
 * top. When one contract has several late payments, it is owed per late payment (CJEU
 * C-370/21 DOMUS-Software, 1 Dec 2022). Not for consumers.
 *
 * @example
 * ```ts
 * euFixedCompensation().amount.toFixed(2); // "40.00"
 * euFixedCompensation(3).amount.toFixed(2); // "120.00" (three late instalments)
 * ```
 */
export function euFixedCompensation(latePayments = 1): RecoveryCost {
  if (!Number.isSafeInteger(latePayments) || latePayments < 1) {
    fail('INVALID_QUANTITY', 'latePayments', `must be a whole number of at least 1, got ${latePayments}`);
  }
  return {
    amount: new Dec(EU_FIXED_COMPENSATION_EUR).times(latePayments),
    legalBasis: 'Directive 2011/7/EU art. 6 (BE: Law 2 Aug 2002; NL: art. 6:96 BW); per late payment, CJEU C-370/21',
    source: 'reference.md §1.1',
    contractual: false,
    note: 'business debtors only; reasonable recovery costs above €40 may be claimed on top',
  };
}

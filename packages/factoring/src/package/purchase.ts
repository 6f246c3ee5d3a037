import { roundCents, ZERO, type Money } from '@fact/core';
import type { InvoiceEligibility } from '../eligibility/types.js';
import type { FactorProfile } from '../profile/parse-profile.js';

/** What the factor pays and charges for one bought invoice. */
export interface InvoicePurchase {
  readonly invoiceId: string;
  readonly eligible: Money;
  /** `eligible × advancePercent`, rounded half-up to the cent (the named rounding point). */
  readonly advance: Money;
  /** `eligible × feePercent`, rounded half-up to the cent, plus the fixed fee per invoice. */
  readonly fee: Money;
}

/**
 * The advance (voorschot / avance) and the fee of every invoice with an eligible amount, in the
 * report's order. Rounded once per invoice, so batch totals are the sums of the lines and add up
 * in the factor's books.
 *
 * @example
 * ```ts
 * purchases(report.invoices, profile)[0]?.advance.toFixed(2); // "1028.50" (85 % of 1210.00)
 * ```
 */
export function purchases(invoices: readonly InvoiceEligibility[], profile: FactorProfile): InvoicePurchase[] {
  const fixed = profile.fixedFeePerInvoice ?? ZERO;
  return invoices
    .filter((i) => i.eligible.gt(0))
    .map((i) => ({
      invoiceId: i.invoiceId,
      eligible: i.eligible,
      advance: roundCents(i.eligible.times(profile.advancePercent).div(100)),
      fee: roundCents(i.eligible.times(profile.feePercent).div(100)).plus(fixed),
    }));
}

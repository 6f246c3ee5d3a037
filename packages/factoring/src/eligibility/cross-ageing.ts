import { Dec, daysBetween, ZERO, type CalendarDate, type Money } from '@fact/core';
import type { FactoringInvoice } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';

/** The cross-ageing verdict for one debtor. */
export interface CrossAgeing {
  readonly aged: boolean;
  /** Share of the balance aged beyond the limit, in percent, two decimals (half-up). */
  readonly agedPercent: Money;
  readonly detail: string;
}

/**
 * Cross-ageing (other-systems.md §3.2): when more than `thresholdPercent` of a debtor's open
 * euro balance is older than `overDays` (from the invoice or the due date), the whole balance is
 * ineligible. "More than" is strict: exactly 10 % over the limit is still fine.
 *
 * @example
 * ```ts
 * crossAgeing(debtorInvoices, profile, '2025-06-30').aged; // true when 12 % is over 90 days
 * ```
 */
export function crossAgeing(invoices: readonly FactoringInvoice[], profile: FactorProfile, asOf: CalendarDate): CrossAgeing {
  const rule = profile.crossAgeing;
  let balance = ZERO;
  let aged = ZERO;
  for (const inv of invoices) {
    if (inv.currency !== 'EUR' || inv.outstanding.isZero()) continue;
    balance = balance.plus(inv.outstanding);
    if (rule && daysBetween(rule.measuredFrom === 'invoice-date' ? inv.issueDate : inv.dueDate, asOf) > rule.overDays) aged = aged.plus(inv.outstanding);
  }
  if (!rule || balance.isZero()) return { aged: false, agedPercent: ZERO, detail: '' };
  const share = aged.div(balance).times(100);
  const agedPercent = new Dec(share).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const isAged = share.gt(rule.thresholdPercent);
  const from = rule.measuredFrom === 'invoice-date' ? 'the invoice date' : 'the due date';
  return {
    aged: isAged,
    agedPercent,
    detail: `${agedPercent.toFixed(2)} % of the debtor's balance is over ${rule.overDays} days from ${from}, limit ${rule.thresholdPercent.toString()} %`,
  };
}

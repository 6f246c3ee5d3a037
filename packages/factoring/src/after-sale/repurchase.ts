import { addDays, Dec, ZERO, roundCents, type CalendarDate, type Money } from '@fact/core';
import type { FactorProfile } from '../profile/parse-profile.js';
import type { AssignmentRecord } from './assignments.js';

/** An assigned invoice the factor offers back to the seller (terugkoop / rachat, recourse). */
export interface RepurchaseOffer {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly batchId: string;
  /** The day the recourse period ended. */
  readonly recourseEndedOn: CalendarDate;
  readonly outstanding: Money;
  /**
   * What the seller pays back: the advance in proportion to what is still unpaid
   * (`advance × outstanding / assigned`), rounded half-up to the cent.
   */
  readonly repurchasePrice: Money;
}

/**
 * Assigned invoices still unpaid after the profile's recourse period (counted from the due date,
 * the invoice date or the assignment date) are offered back: the "90-day clause" of
 * other-systems.md §3.2. `outstanding` gives each invoice's open amount today; a missing or zero
 * amount means paid.
 *
 * @example
 * ```ts
 * repurchaseOffers(records, new Map([['i1', '1210.00']]), profile, '2025-10-15')[0]?.repurchasePrice.toFixed(2); // "1028.50"
 * ```
 */
export function repurchaseOffers(
  assignments: readonly AssignmentRecord[],
  outstanding: ReadonlyMap<string, string>,
  profile: Pick<FactorProfile, 'recourse'>,
  asOf: CalendarDate,
): RepurchaseOffer[] {
  const offers: RepurchaseOffer[] = [];
  for (const a of assignments) {
    const open = new Dec(outstanding.get(a.invoiceId) ?? '0');
    if (open.lte(0)) continue;
    const from = profile.recourse.from === 'due-date' ? a.dueDate : profile.recourse.from === 'invoice-date' ? a.issueDate : a.assignedOn;
    const end = addDays(from, profile.recourse.days);
    if (asOf <= end) continue;
    const assigned = new Dec(a.assignedAmount);
    const share = assigned.isZero() ? ZERO : open.div(assigned);
    offers.push({
      invoiceId: a.invoiceId,
      invoiceNumber: a.invoiceNumber,
      batchId: a.batchId,
      recourseEndedOn: end,
      outstanding: open,
      repurchasePrice: roundCents(new Dec(a.advanceAmount).times(share.gt(1) ? 1 : share)),
    });
  }
  return offers.sort((x, y) => (x.invoiceNumber < y.invoiceNumber ? -1 : x.invoiceNumber > y.invoiceNumber ? 1 : 0));
}

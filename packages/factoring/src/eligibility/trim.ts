import type { CalendarDate, Money } from '@fact/core';

/** An invoice still (partly) eligible, as the caps see it. */
export interface TrimCandidate {
  readonly invoiceId: string;
  readonly issueDate: CalendarDate;
  readonly eligible: Money;
}

/**
 * The order in which a cap takes amounts away: the youngest invoice first (latest issue date),
 * then the largest, then the highest id. Old invoices are the closest to being paid and the ones
 * the factor has most evidence on, so they are kept whole the longest; among invoices of one day,
 * trimming the largest first leaves the fewest partly bought invoices.
 *
 * @example
 * ```ts
 * [...candidates].sort(trimOrder)[0]; // the invoice a cap trims first
 * ```
 */
export function trimOrder(a: TrimCandidate, b: TrimCandidate): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  const byAmount = b.eligible.comparedTo(a.eligible);
  if (byAmount !== 0) return byAmount;
  return a.invoiceId < b.invoiceId ? 1 : a.invoiceId > b.invoiceId ? -1 : 0;
}

/**
 * Takes `reduceBy` away from the candidates in {@link trimOrder}, returning what each loses
 * (only those that lose something). Never takes more than a candidate has.
 *
 * @example
 * ```ts
 * trim([{ invoiceId: 'a', issueDate: '2025-01-01', eligible: money('100') }], money('30')).get('a')?.toFixed(2); // "30.00"
 * ```
 */
export function trim(candidates: readonly TrimCandidate[], reduceBy: Money): Map<string, Money> {
  const taken = new Map<string, Money>();
  let left = reduceBy;
  for (const c of [...candidates].sort(trimOrder)) {
    if (left.lte(0)) break;
    const take = c.eligible.lt(left) ? c.eligible : left;
    if (take.gt(0)) taken.set(c.invoiceId, take);
    left = left.minus(take);
  }
  return taken;
}

import { fromCents, vatReliefEligibility, type CalendarDate, type Country } from '@fact/core';

/**
 * The VAT on the unpaid part of an invoice in whole cents: vat × open ÷ total, rounded half-up
 * once — the figure `vatReliefEligibility` returns as `reclaimableVat` (reference.md §4), in
 * exact integer arithmetic so a dashboard can total tens of thousands of invoices quickly. The
 * tests hold it equal to the core function.
 *
 * @example
 * ```ts
 * vatShareCents(121_00, 21_00, 60_50); // 1050 (€10.50 of the €21.00 VAT is on the unpaid half)
 * ```
 */
export function vatShareCents(totalCents: number, vatCents: number, openCents: number): number {
  if (totalCents <= 0) return 0;
  const twice = 2n * BigInt(vatCents) * BigInt(openCents);
  const total = BigInt(totalCents);
  return Number((twice + total) / (2n * total));
}

/**
 * Whether an unpaid invoice of a company in `country`, due on `dueDate`, gives a right to VAT
 * relief on `asOf` with no loss event recorded, as @fact/core's `vatReliefEligibility` decides
 * it (NL: one year after the due date, art. 29 Wet OB; BE: never without a loss event). The
 * decision depends only on these three facts, so callers memoise it per due date.
 *
 * @example
 * ```ts
 * reliefArisen('NL', '2025-02-09', '2026-03-01'); // true
 * reliefArisen('BE', '2020-01-01', '2026-03-01'); // false
 * ```
 */
export function reliefArisen(country: Country, dueDate: CalendarDate, asOf: CalendarDate): boolean {
  const r = vatReliefEligibility({ country, invoiceTotal: fromCents(100), invoiceVat: fromCents(21), dueDate, asOf, filing: 'quarterly' });
  return r.status === 'eligible';
}

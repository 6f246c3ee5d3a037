import { daysBetween, type CalendarDate, type Money } from '@fact/core';
import type { FactoringDebtor, FactoringInvoice } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';
import type { ReasonCode } from './reasons.js';
import type { ReasonFinding } from './types.js';

/**
 * VAT numbers compare without spaces, dots and dashes, and case-blind.
 *
 * @example
 * ```ts
 * normaliseId('BE 0403.019.261'); // "BE0403019261"
 * ```
 */
export function normaliseId(id: string): string {
  return id.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The reasons that make a whole invoice ineligible, from the invoice, its debtor and the
 * profile alone (caps come later). `crossAged` is the debtor-level verdict.
 *
 * @example
 * ```ts
 * invoiceFindings(invoice, debtor, profile, '2025-06-30', false).map((f) => f.code); // ["PAST_DUE"]
 * ```
 */
export function invoiceFindings(
  invoice: FactoringInvoice,
  debtor: FactoringDebtor,
  profile: FactorProfile,
  asOf: CalendarDate,
  crossAged: { readonly aged: boolean; readonly detail: string },
): ReasonFinding[] {
  const out: ReasonFinding[] = [];
  const amount: Money = invoice.outstanding;
  const add = (code: ReasonCode, detail: string) => out.push({ code, detail, amount });
  if (amount.isZero()) add('PAID', 'outstanding 0.00');
  if (invoice.currency !== 'EUR') add('NOT_EUR', `currency ${invoice.currency}`);
  if (invoice.issueDate > asOf) add('FUTURE_DATED', `issued ${invoice.issueDate}, as of ${asOf}`);
  const age = daysBetween(invoice.issueDate, asOf);
  if (age > profile.maxInvoiceAgeDays) add('AGE', `${age} days since the invoice date, limit ${profile.maxInvoiceAgeDays}`);
  const pastDue = daysBetween(invoice.dueDate, asOf);
  if (pastDue > profile.maxDaysPastDue) add('PAST_DUE', `${pastDue} days past due, limit ${profile.maxDaysPastDue}`);
  if (crossAged.aged) add('CROSS_AGED', crossAged.detail);
  if (invoice.disputed) add('DISPUTED', invoice.disputeReason ? `disputed: ${invoice.disputeReason}` : 'disputed');
  if (profile.businessDebtorsOnly && debtor.kind === 'consumer') add('CONSUMER', `${debtor.name} is a consumer`);
  if (invoice.creditNotePending) add('CREDIT_NOTE_PENDING', 'a credit note is pending');
  if (invoice.assignedTo !== undefined) add('ALREADY_ASSIGNED', `assigned to ${invoice.assignedTo}`);
  if (debtor.assignmentProhibited && debtor.assignmentConsentReference === undefined) {
    add('ANTI_ASSIGNMENT', `${debtor.name} forbids assignment and gave no consent`);
  }
  if (profile.ublRequired && invoice.documents.ubl === undefined) add('NO_UBL', 'no UBL document in the batch');
  if (profile.minAmount && amount.lt(profile.minAmount) && !amount.isZero()) {
    add('BELOW_MIN', `${amount.toFixed(2)} < minimum ${profile.minAmount.toFixed(2)}`);
  }
  if (profile.maxAmount && amount.gt(profile.maxAmount)) add('ABOVE_MAX', `${amount.toFixed(2)} > maximum ${profile.maxAmount.toFixed(2)}`);
  const excluded = new Set(profile.excludedDebtors.map(normaliseId));
  if (excluded.has(normaliseId(debtor.id)) || (debtor.vatNumber !== undefined && excluded.has(normaliseId(debtor.vatNumber)))) {
    add('EXCLUDED_DEBTOR', `${debtor.name} is on the factor's exclusion list`);
  }
  if (profile.excludedCountries.includes(debtor.country)) add('EXCLUDED_COUNTRY', `debtor country ${debtor.country}`);
  return out;
}

// The accountant's view before selling: which open invoices a factor would buy, and why not the
// others (reason codes of @fact/factoring with the facts behind them).
import type { CalendarDate } from '@fact/core';
import { evaluateEligibility, purchases, REASON_TEXT, type EligibilityReport, type FactorProfile } from '@fact/factoring';
import type { Database } from '../../db.js';
import { ledgerFactoringBatch, type LedgerBatch } from './ledger-batch.js';
import { firmOfCompany, loadProfile } from './profiles.js';
import { readSeller } from './seller.js';

/** One invoice's verdict as the API returns it. */
export function invoiceVerdicts(report: EligibilityReport, ledger: LedgerBatch, profile: FactorProfile) {
  const debtorName = new Map(ledger.batch.debtors.map((d) => [d.id, d.name]));
  const bought = new Map(purchases(report.invoices, profile).map((p) => [p.invoiceId, p]));
  return report.invoices.map((i) => ({
    invoiceId: i.invoiceId,
    number: i.number,
    debtorId: i.debtorId,
    debtorName: debtorName.get(i.debtorId) ?? '',
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    outstanding: i.outstanding.toFixed(2),
    eligible: i.eligible.toFixed(2),
    advance: bought.get(i.invoiceId)?.advance.toFixed(2) ?? '0.00',
    fee: bought.get(i.invoiceId)?.fee.toFixed(2) ?? '0.00',
    status: i.status,
    reasons: i.reasons.map((r) => ({ code: r.code, text: REASON_TEXT[r.code], detail: r.detail, amount: r.amount.toFixed(2) })),
  }));
}

/**
 * Eligible and ineligible open invoices of a company under a factor profile, as of a date, with
 * totals and the assumptions made (payables assumed for debtors that are also suppliers).
 *
 * @example
 * ```ts
 * const preview = await factoringPreview(db, companyId, 'acme-2025', '2025-03-15', new Map());
 * preview.ineligible[0]?.reasons[0]?.code; // "DISPUTED"
 * ```
 */
export async function factoringPreview(db: Database, companyId: string, profileId: string, asOf: CalendarDate, payables: ReadonlyMap<string, number>) {
  const firmId = await firmOfCompany(db, companyId);
  const { profile } = await loadProfile(db, firmId, profileId);
  const ledger = await ledgerFactoringBatch(db, companyId, { batchId: 'preview', seller: await readSeller(db, companyId), payables });
  const report = evaluateEligibility(ledger.batch, profile, asOf);
  const verdicts = invoiceVerdicts(report, ledger, profile);
  const byReason = Object.fromEntries(Object.entries(report.totals.ineligibleByReason).map(([code, amount]) => [code, amount.toFixed(2)]));
  return {
    companyId,
    profileId,
    asOf,
    eligible: verdicts.filter((v) => v.status !== 'ineligible'),
    ineligible: verdicts.filter((v) => v.status === 'ineligible'),
    totals: {
      invoiceCount: report.totals.invoiceCount,
      eligibleCount: report.totals.eligibleCount,
      outstanding: report.totals.outstanding.toFixed(2),
      eligible: report.totals.eligible.toFixed(2),
      ineligibleByReason: byReason,
    },
    assumptions: {
      /** Debtors that are also suppliers whose payables were not given: their whole balance was assumed. */
      payablesAssumedFor: [...ledger.payablesAssumed],
      debtorsWithoutAddress: [...ledger.debtorsWithoutAddress],
      sellerAddressKnown: ledger.sellerAddressKnown,
    },
  };
}

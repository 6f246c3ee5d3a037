import { ZERO, type CalendarDate, type Money } from '@fact/core';
import { fail } from '../input/fail.js';
import type { FactoringBatch, FactoringInvoice } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';
import { batchConcentrationCap, bookConcentrationCap } from './concentration.js';
import { crossAgeing } from './cross-ageing.js';
import { invoiceFindings } from './invoice-checks.js';
import type { ReasonCode } from './reasons.js';
import { trim, type TrimCandidate } from './trim.js';
import type { DebtorEligibility, EligibilityReport, InvoiceEligibility, ReasonFinding } from './types.js';

interface Working {
  readonly invoice: FactoringInvoice;
  readonly findings: ReasonFinding[];
  eligible: Money;
}

function groupByDebtor(items: readonly Working[]): Map<string, Working[]> {
  const map = new Map<string, Working[]>();
  for (const w of items) {
    const list = map.get(w.invoice.debtorId);
    if (list) list.push(w);
    else map.set(w.invoice.debtorId, [w]);
  }
  return map;
}

function candidates(items: readonly Working[]): TrimCandidate[] {
  return items.filter((w) => w.eligible.gt(0)).map((w) => ({ invoiceId: w.invoice.id, issueDate: w.invoice.issueDate, eligible: w.eligible }));
}

function applyTrim(items: readonly Working[], reduceBy: Money, code: ReasonCode, detail: string): void {
  const taken = trim(candidates(items), reduceBy);
  for (const w of items) {
    const amount = taken.get(w.invoice.id);
    if (!amount) continue;
    w.eligible = w.eligible.minus(amount);
    w.findings.push({ code, detail, amount });
  }
}

const sum = (items: readonly Working[]) => items.reduce((s, w) => s.plus(w.eligible), ZERO);

/**
 * The eligibility engine: for every invoice of the batch, the amount the factor buys and the
 * reasons for what it does not. Pure and deterministic: the same batch, profile and as-of date
 * always give the same report.
 *
 * Order: first the reasons that exclude a whole invoice (paid, currency, age, days past due,
 * cross-ageing of its debtor, dispute, consumer, pending credit note, already assigned,
 * anti-assignment clause, no UBL, min/max, excluded debtor or country); then, per debtor, contra
 * (the lower of receivables and open payables is deducted); last, the concentration cap. Both
 * caps trim the youngest invoices first, then the largest (see `trimOrder`), so an invoice may be
 * partly eligible.
 *
 * @example
 * ```ts
 * const report = evaluateEligibility(batch, profile, '2025-06-30');
 * report.totals.eligible.toFixed(2); // "184250.00"
 * report.invoices.find((i) => i.number === 'F-17')?.reasons.map((r) => r.code); // ["PAST_DUE"]
 * ```
 */
export function evaluateEligibility(batch: FactoringBatch, profile: FactorProfile, asOf: CalendarDate): EligibilityReport {
  const debtors = new Map(batch.debtors.map((d) => [d.id, d]));
  const byDebtor = new Map<string, FactoringInvoice[]>();
  for (const inv of batch.invoices) {
    const list = byDebtor.get(inv.debtorId);
    if (list) list.push(inv);
    else byDebtor.set(inv.debtorId, [inv]);
  }
  const aged = new Map([...byDebtor].map(([id, list]) => [id, crossAgeing(list, profile, asOf)]));

  const working: Working[] = batch.invoices.map((invoice) => {
    const debtor = debtors.get(invoice.debtorId);
    if (!debtor) return fail('UNKNOWN_ITEM', 'batch.invoices.debtorId', `no debtor "${invoice.debtorId}": parse the batch with parseFactoringBatch first`);
    const findings = invoiceFindings(invoice, debtor, profile, asOf, aged.get(invoice.debtorId) ?? { aged: false, detail: '' });
    return { invoice, findings, eligible: findings.length === 0 ? invoice.outstanding : ZERO };
  });
  const groups = groupByDebtor(working);
  const beforeCaps = new Map([...groups].map(([id, items]) => [id, sum(items)]));

  const contra = new Map<string, Money>();
  for (const [id, items] of groups) {
    const payables = debtors.get(id)?.openPayables;
    if (!payables || payables.isZero()) continue;
    const deduct = payables.lt(sum(items)) ? payables : sum(items);
    contra.set(id, deduct);
    applyTrim(items, deduct, 'CONTRA', `open payables to this debtor ${payables.toFixed(2)}; ${deduct.toFixed(2)} deducted`);
  }

  const caps = new Map<string, Money>();
  const rule = profile.concentration;
  if (rule) {
    const book = batch.invoices.reduce((s, inv) => (inv.currency === 'EUR' ? s.plus(inv.outstanding) : s), ZERO);
    const cap = rule.of === 'book' ? bookConcentrationCap(book, rule.capPercent) : batchConcentrationCap([...groups.values()].map(sum), rule.capPercent);
    const base = rule.of === 'book' ? `the open book (${book.toFixed(2)})` : 'the batch';
    for (const [id, items] of groups) {
      const total = sum(items);
      if (total.isZero()) continue;
      caps.set(id, cap);
      if (total.gt(cap)) applyTrim(items, total.minus(cap), 'CONCENTRATION', `debtor total ${total.toFixed(2)} above the cap of ${rule.capPercent.toString()} % of ${base}: ${cap.toFixed(2)}`);
    }
  }

  const invoices: InvoiceEligibility[] = working.map((w) => ({
    invoiceId: w.invoice.id,
    number: w.invoice.number,
    debtorId: w.invoice.debtorId,
    issueDate: w.invoice.issueDate,
    dueDate: w.invoice.dueDate,
    outstanding: w.invoice.outstanding,
    eligible: w.eligible,
    status: w.eligible.isZero() ? 'ineligible' : w.eligible.eq(w.invoice.outstanding) ? 'eligible' : 'partial',
    reasons: w.findings,
  }));
  const debtorRows: DebtorEligibility[] = [...groups.keys()].sort().map((id) => {
    const items = groups.get(id) ?? [];
    const ageing = aged.get(id);
    const cap = caps.get(id);
    return {
      debtorId: id,
      name: debtors.get(id)?.name ?? id,
      outstanding: items.reduce((s, w) => s.plus(w.invoice.outstanding), ZERO),
      eligibleBeforeCaps: beforeCaps.get(id) ?? ZERO,
      eligible: sum(items),
      agedPercent: ageing?.agedPercent ?? ZERO,
      crossAged: ageing?.aged ?? false,
      contraDeducted: contra.get(id) ?? ZERO,
      ...(cap ? { concentrationCap: cap } : {}),
    };
  });
  const byReason: Partial<Record<ReasonCode, Money>> = {};
  for (const inv of invoices) for (const r of inv.reasons) byReason[r.code] = (byReason[r.code] ?? ZERO).plus(r.amount);
  return {
    asOf,
    profileId: profile.id,
    batchId: batch.batchId,
    invoices,
    debtors: debtorRows,
    totals: {
      invoiceCount: invoices.length,
      eligibleCount: invoices.filter((i) => i.eligible.gt(0)).length,
      outstanding: invoices.reduce((s, i) => s.plus(i.outstanding), ZERO),
      eligible: invoices.reduce((s, i) => s.plus(i.eligible), ZERO),
      ineligibleByReason: byReason,
    },
  };
}

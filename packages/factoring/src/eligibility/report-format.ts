import type { Money } from '@fact/core';
import { REASON_CODES, REASON_TEXT } from './reasons.js';
import type { EligibilityReport } from './types.js';

const eur = (m: Money) => m.toFixed(2);
/** Pipes and line breaks would break a markdown table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/**
 * The selection report as markdown a seller or an account manager can read: totals, what each
 * reason kept out, each debtor's figures, then every invoice with its verdict.
 *
 * @example
 * ```ts
 * await writeFile('selection.md', eligibilityMarkdown(report));
 * ```
 */
export function eligibilityMarkdown(report: EligibilityReport): string {
  const t = report.totals;
  const lines = [
    `# Factoring selection ${report.batchId}`,
    '',
    `Profile \`${report.profileId}\`, as of ${report.asOf}.`,
    '',
    `- Invoices offered: ${t.invoiceCount}; eligible (wholly or partly): ${t.eligibleCount}`,
    `- Outstanding: EUR ${eur(t.outstanding)}; eligible: EUR ${eur(t.eligible)}`,
    '',
    '## Kept out, by reason',
    '',
    '| reason | amount | meaning |',
    '|---|---:|---|',
  ];
  for (const code of REASON_CODES) {
    const amount = t.ineligibleByReason[code];
    if (amount) lines.push(`| ${code} | ${eur(amount)} | ${REASON_TEXT[code]} |`);
  }
  lines.push('', '## Debtors', '', '| debtor | outstanding | eligible before caps | contra | cap | eligible | aged % |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const d of report.debtors) {
    lines.push(
      `| ${cell(d.name)} (${cell(d.debtorId)}) | ${eur(d.outstanding)} | ${eur(d.eligibleBeforeCaps)} | ${eur(d.contraDeducted)} | ${d.concentrationCap ? eur(d.concentrationCap) : '–'} | ${eur(d.eligible)} | ${d.agedPercent.toFixed(2)}${d.crossAged ? ' (cross-aged)' : ''} |`,
    );
  }
  lines.push('', '## Invoices', '', '| invoice | debtor | issued | due | outstanding | eligible | reasons |', '|---|---|---|---|---:|---:|---|');
  for (const i of report.invoices) {
    const reasons = i.reasons.map((r) => `${r.code}: ${cell(r.detail)}`).join('; ');
    lines.push(`| ${cell(i.number)} | ${cell(i.debtorId)} | ${i.issueDate} | ${i.dueDate} | ${eur(i.outstanding)} | ${eur(i.eligible)} | ${reasons || '–'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report as plain JSON: amounts as decimal strings with two decimals. */
export type EligibilityReportJson = ReturnType<typeof eligibilityJson>;

/**
 * The report as JSON-ready data (amounts as `"1234.50"` strings) for the portal or a file.
 *
 * @example
 * ```ts
 * JSON.stringify(eligibilityJson(report), null, 2);
 * ```
 */
export function eligibilityJson(report: EligibilityReport) {
  return {
    asOf: report.asOf,
    profileId: report.profileId,
    batchId: report.batchId,
    totals: {
      invoiceCount: report.totals.invoiceCount,
      eligibleCount: report.totals.eligibleCount,
      outstanding: eur(report.totals.outstanding),
      eligible: eur(report.totals.eligible),
      ineligibleByReason: Object.fromEntries(REASON_CODES.flatMap((c) => (report.totals.ineligibleByReason[c] ? [[c, eur(report.totals.ineligibleByReason[c])]] : []))),
    },
    debtors: report.debtors.map((d) => ({
      debtorId: d.debtorId,
      name: d.name,
      outstanding: eur(d.outstanding),
      eligibleBeforeCaps: eur(d.eligibleBeforeCaps),
      contraDeducted: eur(d.contraDeducted),
      concentrationCap: d.concentrationCap ? eur(d.concentrationCap) : null,
      eligible: eur(d.eligible),
      agedPercent: d.agedPercent.toFixed(2),
      crossAged: d.crossAged,
    })),
    invoices: report.invoices.map((i) => ({
      invoiceId: i.invoiceId,
      number: i.number,
      debtorId: i.debtorId,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      outstanding: eur(i.outstanding),
      eligible: eur(i.eligible),
      status: i.status,
      reasons: i.reasons.map((r) => ({ code: r.code, detail: r.detail, amount: eur(r.amount) })),
    })),
  };
}

import { toCsv, toXlsx, xlsxSheet, type ExportColumn } from '@fact/spreadsheets';
import { sumAmounts } from '../money.js';
import type { Api } from './api.js';
import { quarterOf } from './dashboard.js';

export interface AgeingRow {
  companyId: string;
  company: string;
  asOf: string;
  buckets: { label: string; amount: string; count: number; fromDays: number | null }[];
  total: string;
}

/** Ageing of every company of the firm, and the firm-wide buckets (same bucket bounds everywhere). */
export async function firmAgeing(api: Api): Promise<{ rows: AgeingRow[]; firm: AgeingRow['buckets']; total: string }> {
  const companies = await api.firm.companies();
  const rows: AgeingRow[] = [];
  for (const c of companies) {
    const a = await api.reports.ageing({ companyId: c.id });
    rows.push({ companyId: c.id, company: c.legalName, asOf: a.asOf, buckets: a.buckets, total: a.total });
  }
  const template = rows[0]?.buckets ?? [];
  const firm = template.map((b, i) => ({
    label: b.label,
    fromDays: b.fromDays,
    amount: sumAmounts(rows.map((r) => r.buckets[i]?.amount ?? '0.00')),
    count: rows.reduce((s, r) => s + (r.buckets[i]?.count ?? 0), 0),
  }));
  return { rows, firm, total: sumAmounts(rows.map((r) => r.total)) };
}

function ageingColumns(labels: string[]): ExportColumn<AgeingRow>[] {
  return [
    { kind: 'text', header: 'Company', value: (r) => r.company },
    { kind: 'date', header: 'As of', value: (r) => r.asOf },
    ...labels.map((label, i): ExportColumn<AgeingRow> => ({ kind: 'money', header: label, value: (r) => r.buckets[i]?.amount ?? '0.00' })),
    { kind: 'money', header: 'Total', value: (r) => r.total },
  ];
}

/** The firm's ageing as CSV (one row per company, one column per bucket). */
export async function ageingCsv(api: Api): Promise<string> {
  const { rows, firm } = await firmAgeing(api);
  return toCsv(ageingColumns(firm.map((b) => b.label)), rows);
}

/** The firm's ageing as an Excel workbook. */
export async function ageingXlsx(api: Api): Promise<Buffer> {
  const { rows, firm } = await firmAgeing(api);
  return toXlsx([xlsxSheet('Ageing', ageingColumns(firm.map((b) => b.label)), rows)]);
}

/** Reads "2025-Q2" or "2025-06"; defaults to the quarter of `today`. */
export function periodFrom(value: string | null, today: string): string {
  return value && /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/.test(value) ? value : quarterOf(today);
}

export type VatRelief = Awaited<ReturnType<Api['reports']['vatRelief']>>;
type Eligible = VatRelief['eligible'][number];

const vatColumns: ExportColumn<Eligible>[] = [
  { kind: 'text', header: 'Invoice', value: (r) => r.number },
  { kind: 'text', header: 'Debtor', value: (r) => r.debtorName },
  { kind: 'date', header: 'Due date', value: (r) => r.dueDate },
  { kind: 'date', header: 'Eligible from', value: (r) => r.eligibleFrom },
  { kind: 'text', header: 'Return period', value: (r) => r.returnPeriod },
  { kind: 'money', header: 'Unpaid', value: (r) => r.unpaid },
  { kind: 'money', header: 'Reclaimable VAT', value: (r) => r.reclaimableVat },
  { kind: 'text', header: 'Legal basis', value: (r) => r.basis },
];

export const vatReliefCsv = (report: VatRelief) => toCsv(vatColumns, report.eligible);
export const vatReliefXlsx = (report: VatRelief) => toXlsx([xlsxSheet('VAT relief', vatColumns, report.eligible)]);

/** A file download response. */
export function download(body: string | Buffer, fileName: string, type: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'private, no-store' },
  });
}

export const CSV = 'text/csv; charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

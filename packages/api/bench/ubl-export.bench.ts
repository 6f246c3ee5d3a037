// Budget: the Peppol UBL export of 10,000 ledger invoices (map to UblDocument, validateUbl,
// writeUbl: what exports.invoiceUbl does after reading the rows) in under 10 s, median over runs.
// Floor, measured in the same run: JSON.stringify of the same 10,000 invoice sources.
// Writes its section of BENCHMARKS.md (`pnpm --filter @fact/api bench`).
import { fmt, machine, median, p95, peakRssMiB, sample, writeSection } from '@fact/bench-tools';
import { loadavg } from 'node:os';
import { validateUbl, writeUbl } from '@fact/ubl';
import type { InvoiceSource } from '../src/services/exports/invoice-source.js';
import { invoiceToUbl } from '../src/services/exports/invoice-to-ubl.js';

const COUNT = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 10_000;
const at = new Date('2025-03-15T09:00:00Z');

// Deterministic invoices: 1-6 lines at 21 %, 6 % or 0 % (E), a structured reference on most.
function sources(): InvoiceSource[] {
  const company = { id: 'c', firmId: 'f', legalName: 'Bakkerij Janssens BV', country: 'BE' as const, enterpriseNumber: '0403019261', vatNumber: 'BE0403019261', iban: 'BE68539007547034', bic: 'GKCCBEBB', language: 'nl' as const, timeZone: 'Europe/Brussels', dunningPolicy: null, address: null, email: null, version: 1, createdAt: at, updatedAt: at };
  const out: InvoiceSource[] = [];
  for (let n = 0; n < COUNT; n++) {
    const debtor = { id: `d${n % 500}`, companyId: 'c', kind: 'business' as const, name: `Klant ${n % 500} BV`, language: 'nl' as const, street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent', country: 'BE', vatNumber: 'BE0202239951', enterpriseNumber: '0202239951', externalRef: `K-${n % 500}`, isSupplier: false, antiAssignmentClause: false, creditLimitCents: null, version: 1, createdAt: at, updatedAt: at };
    const lines = Array.from({ length: 1 + (n % 6) }, (_, k) => {
      const rate = ['21', '6', '0'][(n + k) % 3]!;
      const net = 1000 + ((n * 37 + k * 101) % 90_000);
      return { id: `l${n}-${k}`, companyId: 'c', invoiceId: `i${n}`, position: k, description: `Article ${k}`, quantity: '1', unitPrice: (net / 100).toFixed(2), vatRate: rate, vatCategory: rate === '0' ? 'E' : 'S', netCents: net, vatCents: 0 };
    });
    // As storedTotals stores them: VAT rounded once per rate (EN 16931), here kept on the rate's first line.
    for (const rate of ['21', '6']) {
      const group = lines.filter((l) => l.vatRate === rate);
      if (group[0]) group[0].vatCents = Math.round((group.reduce((s, l) => s + l.netCents, 0) * Number(rate)) / 100);
    }
    const netCents = lines.reduce((s, l) => s + l.netCents, 0);
    const vatCents = lines.reduce((s, l) => s + l.vatCents, 0);
    out.push({
      invoice: { id: `i${n}`, companyId: 'c', debtorId: debtor.id, kind: 'invoice', number: `F2025-${String(n).padStart(5, '0')}`, status: 'open', issueDate: '2025-02-01', dueDate: '2025-03-03', currency: 'EUR', netCents, vatCents, totalCents: netCents + vatCents, openAmountCents: netCents + vatCents, paymentReference: n % 4 === 0 ? null : '240283842818', creditsInvoiceId: null, documentId: null, meta: null, version: 1, createdAt: at, updatedAt: at },
      lines,
      company,
      debtor,
      creditedNumber: null,
    });
  }
  return out;
}

const data = sources();
let bytes = 0;
let invalid = 0;
const exportTimes = await sample(() => {
  for (const source of data) {
    const doc = invoiceToUbl(source);
    if (!validateUbl(doc).valid) invalid++;
    bytes += writeUbl(doc).length;
  }
}, { runs: RUNS, warmup: 1 });
let floorBytes = 0;
const floorTimes = await sample(() => {
  for (const source of data) floorBytes += JSON.stringify(source).length;
}, { runs: RUNS, warmup: 1 });

const m = median(exportTimes);
const f = median(floorTimes);
const ok = m < BUDGET_MS && invalid === 0;
const md = `## UBL export (@fact/api \`exports.invoiceUbl\` without the row reads)

${COUNT.toLocaleString('en')} ledger invoices (1-6 lines, 21 % / 6 % / exempt) mapped to a Peppol BIS 3.0 \`UblDocument\`, checked with \`validateUbl\` and written with \`writeUbl\`, ${RUNS} runs.

| what | median | p95 | budget | ratio to floor |
|---|---|---|---|---|
| map + validate + write | ${fmt(m)} ms | ${fmt(p95(exportTimes))} ms | < ${fmt(BUDGET_MS)} ms | ${(m / f).toFixed(1)}× |
| floor: JSON.stringify of the same invoices | ${fmt(f)} ms | ${fmt(p95(floorTimes))} ms | | 1× |

Invalid documents: ${invalid / (RUNS + 1)}. Average XML size ${Math.round(bytes / ((RUNS + 1) * COUNT)).toLocaleString('en')} bytes. Peak RSS ${peakRssMiB().toFixed(0)} MiB. Load average during the run: ${loadavg()[0]!.toFixed(1)} (shared machine). ${ok ? 'Within budget.' : '**Over budget.**'}
Reading the rows (one invoice, its lines, company and debtor) is not included: see the @fact/db benchmarks for query costs.`;

writeSection('ubl-export', md);
console.log(md);
console.log(machine());
void floorBytes;
if (!ok) process.exitCode = 1;

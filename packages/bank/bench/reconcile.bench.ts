// pnpm bench (in packages/bank): reconciles 10,000 transactions against 100,000 open invoices,
// median and p95 over several runs, against a floor (the same loop doing only a Map lookup by
// reference), and counts wrong automatic matches (must be 0). Prints markdown for BENCHMARKS.md.
import { cpus, loadavg, totalmem } from 'node:os';
import { writeSection } from '@fact/bench-tools';
import { performance } from 'node:perf_hooks';
import { reconcile } from '../src/reconcile/reconcile.js';
import { generate } from './generate.js';

const INVOICES = 100_000;
const TRANSACTIONS = 10_000;
const RUNS = 7;
const BUDGET_MS = 2_000;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

const { invoices, labelled } = generate(INVOICES, TRANSACTIONS);
const transactions = labelled.map((l) => l.tx);

// Warm-up, then timed runs (index building included: that is what an import pays).
reconcile(transactions, invoices);
const times: number[] = [];
let results = reconcile(transactions, invoices);
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  results = reconcile(transactions, invoices);
  times.push(performance.now() - t0);
}

// Floor: the same loop with nothing but a Map lookup by structured reference.
const floorTimes: number[] = [];
let floorHits = 0;
for (let i = 0; i < RUNS + 1; i++) {
  const t0 = performance.now();
  const byRef = new Map<string, string>();
  for (const inv of invoices) if (inv.reference !== undefined) byRef.set(inv.reference, inv.id);
  let hits = 0;
  for (const tx of transactions) if (tx.remittance.structured && byRef.has(tx.remittance.structured.reference)) hits++;
  if (i > 0) floorTimes.push(performance.now() - t0);
  floorHits = hits;
}

// Wrong automatic matches: an automatic allocation to any invoice the transaction does not pay.
const byKey = new Map(labelled.map((l) => [l.tx.dedupKey, l]));
let wrong = 0;
let reversalsFound = 0;
let reversalsCertain = 0;
const kinds = new Map<string, number>();
const perScenario = new Map<string, { total: number; auto: number }>();
for (const { payment, outcome } of results) {
  kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
  if (outcome.kind === 'reversal' && outcome.original) reversalsFound++;
  if (outcome.kind === 'reversal' && outcome.original?.certain) reversalsCertain++;
  const label = byKey.get(payment.transactionKey);
  const s = perScenario.get(label?.scenario ?? '?') ?? { total: 0, auto: 0 };
  s.total++;
  if (outcome.kind === 'auto') {
    s.auto++;
    const truth = new Set(label?.truth ?? []);
    if (outcome.allocations.some((a) => !truth.has(a.invoiceId))) wrong++;
  }
  perScenario.set(label?.scenario ?? '?', s);
}

const { median, p95 } = stats(times);
const floor = stats(floorTimes);
const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const count = (k: string) => kinds.get(k) ?? 0;
const md: string[] = [];
md.push(`### @fact/bank reconciliation`);
md.push('');
md.push(`| what | data | median | p95 | budget | floor (Map lookup by reference) | ratio to floor | wrong automatic matches |`);
md.push(`|---|---|---|---|---|---|---|---|`);
md.push(
  `| reconcile() incl. indexing | ${TRANSACTIONS.toLocaleString('en')} transactions × ${INVOICES.toLocaleString('en')} open invoices, ${RUNS} runs | ${median.toFixed(0)} ms | ${p95.toFixed(0)} ms | ${BUDGET_MS} ms | ${floor.median.toFixed(1)} ms (${floorHits} hits) | ${(median / floor.median).toFixed(1)}× | ${wrong} |`,
);
md.push('');
md.push(`Outcomes: ${count('auto')} auto, ${count('suggest')} suggest, ${count('reversal')} reversal (${reversalsFound} with their original found, ${reversalsCertain} of them certain by end-to-end id), ${count('ignore')} ignore.`);
md.push(`Automatic rate per scenario: ${[...perScenario].sort().map(([k, v]) => `${k} ${v.auto}/${v.total}`).join('; ')}.`);
const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
md.push(`Machine: ${machine}; load average (1 / 5 / 15 min) at the end ${load} — the machine is shared with other work, so these are upper bounds.`);
console.log(md.join('\n'));
writeSection('bank-reconcile', md.join('\n'));
if (wrong > 0 || median > BUDGET_MS) {
  console.error(`FAILED: ${wrong} wrong automatic matches, median ${median.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  process.exitCode = 1;
}

// pnpm bench (packages/core): evaluates 1,000,000 synthetic open invoices as of one date —
// status, ageing bucket, late-payment interest across the Belgian half-year rate periods, next
// dunning level — with the exact evaluator of @fact/core, then the same loop in plain JS numbers
// (inexact) as the floor, and writes the figures to BENCHMARKS.md. Budget: ≥ 250,000 invoices/s.
import { fmt, machine, median, p95, peakRssMiB, sample, writeSection } from '@fact/bench-tools';
import {
  BE_B2B_POLICY,
  DEFAULT_AGEING_BUCKETS,
  beCommercialRates,
  createPortfolioEvaluator,
  evaluatePortfolio,
  lateInterest,
  type PortfolioItem,
  type PortfolioOptions,
  type PortfolioReminder,
} from '@fact/core';
import { loadavg } from 'node:os';
import { floorEvaluate, type FloatLine } from './float-floor.js';

const N = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET = 250_000;
const AS_OF = '2026-06-30';
const MS_PER_DAY = 86_400_000;
const asOfDay = Date.UTC(2026, 5, 30) / MS_PER_DAY;

/** mulberry32: a small seeded PRNG, so every run evaluates the same portfolio. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A fresh string per call, as rows read from a database would be. */
function dateOf(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${d.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

function portfolio(n: number): PortfolioItem[] {
  const rnd = prng(20_260_630);
  const items: PortfolioItem[] = new Array<PortfolioItem>(n);
  for (let i = 0; i < n; i += 1) {
    // Due dates from ~3 years back to 60 days ahead: interest crosses up to seven BE rate periods.
    const dueDay = asOfDay - Math.floor(rnd() * 1160) + 60;
    const amountCents = Math.floor(1_000 * 10 ** (rnd() * 4)); // €10 … €100,000, log-uniform
    const item: { -readonly [K in keyof PortfolioItem]: PortfolioItem[K] } = { issueDate: dateOf(dueDay - 30), dueDate: dateOf(dueDay), amountCents };
    if (rnd() < 0.15 && dueDay < asOfDay - 1) {
      const paidDay = dueDay - 20 + Math.floor(rnd() * (asOfDay - dueDay + 20));
      item.payments = [{ date: dateOf(paidDay), amountCents: Math.floor(amountCents * (0.1 + rnd() * 0.8)) }];
    }
    const overdue = asOfDay - dueDay;
    if (overdue > 7 && rnd() < 0.4) {
      const sent: PortfolioReminder[] = [{ level: 2, sentOn: dateOf(dueDay + 7), channel: 'email' }];
      if (overdue > 21 && rnd() < 0.5) sent.push({ level: 3, sentOn: dateOf(dueDay + 21), channel: 'letter' });
      item.reminders = sent;
    }
    items[i] = item;
  }
  return items;
}

const options: PortfolioOptions = { asOf: AS_OF, rateTable: beCommercialRates, method: 'simple', buckets: DEFAULT_AGEING_BUCKETS, policy: BE_B2B_POLICY };

function stats(times: number[]) {
  const med = median(times);
  return { med, p95: p95(times), perSecond: N / (med / 1000) };
}

const load0 = loadavg()[0] ?? 0;
const items = portfolio(N);
const withPayments = items.filter((i) => i.payments !== undefined).length;
const withReminders = items.filter((i) => i.reminders !== undefined).length;

let exactInterest = 0;
const exact = stats(
  await sample(() => {
    exactInterest = evaluatePortfolio(items, options).interestCents;
  }, { runs: RUNS, warmup: 1 }),
);
let floatInterest = 0;
const floor = stats(
  await sample(() => {
    floatInterest = floorEvaluate(items, asOfDay, new Array<FloatLine>(N));
  }, { runs: RUNS, warmup: 1 }),
);

// How far plain numbers drift from the exact figures (per item, rounded to the cent at the end).
const evaluator = createPortfolioEvaluator(options);
let drifted = 0;
let maxDrift = 0;
for (let i = 0; i < N; i += 97) {
  const item = items[i] as PortfolioItem;
  const f = Math.round(floorEvaluate([item], asOfDay));
  const d = Math.abs(f - evaluator.evaluate(item).interestCents);
  if (d !== 0) drifted += 1;
  maxDrift = Math.max(maxDrift, d);
}
const sampled = Math.ceil(N / 97);

// The generic path, for contrast: lateInterest per call on the same items (a sample).
const generic = items.slice(0, 20_000).filter((i) => i.dueDate < AS_OF);
const genericTimes = await sample(() => {
  for (const i of generic) {
    lateInterest({
      principal: (i.amountCents / 100).toFixed(2),
      dueDate: i.dueDate,
      until: AS_OF,
      rateTable: beCommercialRates,
      method: 'simple',
      payments: (i.payments ?? []).map((p) => ({ date: p.date, amount: (p.amountCents / 100).toFixed(2) })),
    });
  }
}, { runs: 5, warmup: 1 });
const genericUs = (median(genericTimes) * 1000) / generic.length;
const load1 = loadavg()[0] ?? 0;

const ratio = exact.med / floor.med;
const verdict = exact.perSecond >= BUDGET ? `**met** (${Math.round(exact.perSecond).toLocaleString('en')} ≥ ${BUDGET.toLocaleString('en')}/s)` : `**missed** (${Math.round(exact.perSecond).toLocaleString('en')} < ${BUDGET.toLocaleString('en')}/s)`;
const k = (x: number) => Math.round(x).toLocaleString('en');
const markdown = `## @fact/core — portfolio evaluation (1 core)

What: ${k(N)} synthetic open invoices (seeded; due dates from ~3 years before to 60 days after the as-of date ${AS_OF}, so interest crosses up to seven Belgian half-year rate periods; €10–€100,000; ${k(withPayments)} partly paid; ${k(withReminders)} with reminders already sent), each evaluated for status, ageing bucket (${DEFAULT_AGEING_BUCKETS.length} buckets), late-payment interest to the as-of date (\`beCommercialRates\`, simple, every segment rounded half-up to the cent) and next dunning level (\`BE_B2B_POLICY\`). One run = one call of \`evaluatePortfolio\` over all items (evaluator set-up, caches and per-bucket totals included). Median and p95 of ${RUNS} runs after a warm-up; Node runs it on one thread.

| | median | p95 | invoices/s |
|---|---:|---:|---:|
| exact (\`evaluatePortfolio\`, integer cents, BigInt past 2^53) | ${fmt(exact.med)} ms | ${fmt(exact.p95)} ms | ${k(exact.perSecond)} |
| floor: same loop in plain JS numbers (float \`rate × days / 365\`, a line per item, no validation, inexact) | ${fmt(floor.med)} ms | ${fmt(floor.p95)} ms | ${k(floor.perSecond)} |

- Ratio exact / floor (invoices/s): **${(exact.perSecond / floor.perSecond).toFixed(2)}** — the exact path takes ${ratio.toFixed(2)}× the time of the float loop.
- Budget ≥ ${BUDGET.toLocaleString('en')} invoices/s: ${verdict}.
- Why the exact path: on ${k(sampled)} sampled items the float loop's interest (rounded to the cent once at the end, as a naïve implementation does, instead of per segment) differs from the exact figure on ${k(drifted)} (max ${maxDrift} ct); portfolio total exact €${(exactInterest / 100).toFixed(2)} vs float €${(floatInterest / 100).toFixed(2)}.
- For contrast, the generic \`lateInterest\` (validation, table scans, Decimal, a statement object per call): ${genericUs.toFixed(1)} µs per call, i.e. ~${k(1e6 / genericUs)} invoices/s for the interest alone (median of 5 runs over ${k(generic.length)} overdue items).
- Peak RSS ${peakRssMiB().toFixed(0)} MiB. Load average (1 min) ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at the end, on a machine shared with other processes: figures under load are pessimistic.`;

writeSection('core-portfolio', markdown);
console.log(markdown);
console.log(`\n${machine()}`);

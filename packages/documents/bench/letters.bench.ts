// Budget: PDF reminder letters ≥ 50 per second (median over runs), against a floor measured in
// the same run: the same letters rendered to plain text (same inputs, same checks, no PDF).
// Writes its section of BENCHMARKS.md and prints it.
import { fmt, machine, median, p95, sample, writeSection } from '@fact/bench-tools';
import { beB2bLetter, bookXixLetter, fourteenDayLetter, nlB2bLetter } from '../src/letters/letters.fixtures.js';
import { renderReminderLetterPdf, renderReminderLetterText } from '../src/index.js';
import type { LetterLevel, ReminderLetterInput } from '../src/index.js';

const BATCH = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const BUDGET_PER_SECOND = 50;

const levels: LetterLevel[] = ['pre-due', 'first-reminder', 'second-reminder', 'formal-notice', 'final-notice'];
const inputs: ReminderLetterInput[] = [];
for (let i = 0; inputs.length < BATCH; i++) {
  const language = (['nl', 'fr', 'en'] as const)[i % 3] ?? 'nl';
  const kind = i % 4;
  inputs.push(kind === 0 ? beB2bLetter(language, levels[i % levels.length]) : kind === 1 ? bookXixLetter(language) : kind === 2 ? fourteenDayLetter(language) : nlB2bLetter(language));
}

let bytes = 0;
const pdfTimes = await sample(async () => {
  for (const input of inputs) bytes += (await renderReminderLetterPdf(input)).length;
}, { runs: RUNS, warmup: 2 });
let chars = 0;
const textTimes = await sample(() => {
  for (const input of inputs) chars += renderReminderLetterText(input).length;
}, { runs: RUNS, warmup: 2 });

const perSecond = (ms: number) => (BATCH * 1000) / ms;
const pdfMedian = median(pdfTimes);
const textMedian = median(textTimes);
const rate = perSecond(pdfMedian);
const verdict = rate >= BUDGET_PER_SECOND ? 'within budget' : 'OVER BUDGET';
const lines = [
  '### @fact/documents: reminder letters (PDF)',
  '',
  `Batch of ${BATCH} letters (5 levels × nl/fr/en; BE B2B with interest statement, Book XIX, NL 14-day, NL B2B), ${RUNS} runs.`,
  '',
  '| What | Median per batch | p95 per batch | Letters per second (median) | Budget | Ratio to floor |',
  '|---|---|---|---|---|---|',
  `| PDF letters (pdfkit, vector EPC QR) | ${fmt(pdfMedian)} ms | ${fmt(p95(pdfTimes))} ms | ${rate.toFixed(0)} | ≥ ${BUDGET_PER_SECOND}/s (${verdict}) | ${(pdfMedian / textMedian).toFixed(1)}× |`,
  `| Floor: same letters as plain text | ${fmt(textMedian)} ms | ${fmt(p95(textTimes))} ms | ${perSecond(textMedian).toFixed(0)} | – | 1× |`,
  '',
  `Average PDF size ${(bytes / (BATCH * (RUNS + 2)) / 1024).toFixed(1)} KiB. Machine: ${machine()}.`,
];
console.log(lines.join('\n'));
writeSection('documents-letters', lines.join('\n'));
if (chars === 0) process.exitCode = 1;
if (rate < BUDGET_PER_SECOND) process.exitCode = 1;

// pnpm bench: plan, render and send N reminders (default 10,000) to a loopback SMTP server,
// through the whole runner (outbox, gate, letter PDF, invoice PDF + UBL, SMTP, sent records).
// Floor: the same number of messages of the same size sent by bare nodemailer, no database, no rendering.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import nodemailer from 'nodemailer';
import { machine, median, p95, peakRssMiB, writeSection } from '@fact/bench-tools';
import { renderPool, runCompany, smtpChannel, type MailChannel } from '../src/index.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const N = Number(arg('reminders', '10000'));
const attach = arg('attach', 'yes') !== 'no';
const write = arg('write', 'yes') !== 'no';
const section = arg('section', 'dunning-runner');
const BUDGET = 50;

// The SMTP server runs in its own process, so its parsing does not share the runner's thread.
const sink = spawn(process.execPath, ['--import', 'tsx', new URL('./smtp-sink.ts', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
// The sink dies with the bench, also when the bench fails.
process.on('exit', () => sink.kill());
const lines: string[] = [];
let waiting: ((line: string) => void) | undefined;
sink.stdout.setEncoding('utf8').on('data', (d: string) => {
  for (const line of d.split('\n').filter(Boolean)) {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(line);
    } else lines.push(line);
  }
});
const nextLine = () => new Promise<string>((res) => (lines.length ? res(lines.shift()!) : (waiting = res)));
const port = Number((await nextLine()).split(' ')[1]);
const url = `smtp://127.0.0.1:${port}`;
async function stats(): Promise<{ messages: number; bytes: number; ids: number }> {
  sink.stdin.write('stats\n');
  return JSON.parse(await nextLine()) as { messages: number; bytes: number; ids: number };
}

const dir = tempDir('fact-bench-');
const db = await openDb(join(dir, 'fact.sqlite'));
const t0 = performance.now();
const s = await db.transaction((tx) => seed(tx, { companies: 1, debtorsPerCompany: N, invoicesPerDebtor: 1 }));
const seedMs = performance.now() - t0;

const CONC = Number(arg('concurrency', '8'));
const smtp = smtpChannel(url, { maxConnections: CONC });
// The moment each message was accepted: the rate of every window of WINDOW sends (median, p95).
const WINDOW = Math.max(50, Math.floor(N / 20));
const accepted: number[] = [];
const mail: MailChannel = { ...smtp, send: async (key, m) => { const r = await smtp.send(key, m); accepted.push(performance.now()); return r; } };
const windows = (times: number[], start: number) => {
  const out: number[] = [];
  for (let i = WINDOW; i <= times.length; i += WINDOW) out.push(times[i - 1]! - (i === WINDOW ? start : times[i - WINDOW - 1]!));
  return out.map((ms) => (WINDOW / ms) * 1000);
};
const loadBefore = loadavg()[0]!;
const THREADS = Number(arg('threads', '1'));
const renderer = THREADS > 0 ? renderPool({ threads: THREADS }) : undefined;
const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), attachInvoices: attach, concurrency: CONC, ...(renderer && { renderer }) };
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const w0 = process.hrtime.bigint();
const report = await runCompany(ctx, s.companies[0]!.id, { asOf: '2025-04-10' });
const runMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);
const runCpuMs = (cpu.user + cpu.system) / 1000;
await renderer?.close();
// With --cpu-prof: the run's window on the profiler's clock, to profile the run phase alone.
if (process.env['BENCH_WINDOW']) console.error(`window ${w0 / 1000n} ${process.hrtime.bigint() / 1000n}`);
mail.close();
const peak = peakRssMiB();
const got = await stats();
if (report.sent !== N || got.messages !== N || got.ids !== N) throw new Error(`expected ${N} sends, got sent=${report.sent} received=${got.messages} unique ids=${got.ids}`);
const avgBytes = Math.round(got.bytes / got.messages);
const received = got.messages;
const uniqueIds = got.ids;

// Floor: bare nodemailer, same count, same message size, no database and no rendering.
const floorTransport = nodemailer.createTransport(url, { pool: true, maxConnections: CONC } as never);
const payload = Buffer.alloc(Math.max(0, avgBytes - 600), 'a');
const t2 = performance.now();
const cpu2 = process.cpuUsage();
const floorAccepted: number[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: CONC }, async () => {
    for (let i = next++; i < N; i = next++) {
      await floorTransport.sendMail({ from: 'a@b.be', to: 'c@d.be', subject: 'x', text: 'x', messageId: `<floor.${i}@b.be>`, attachments: [{ filename: 'x.bin', content: payload }] });
      floorAccepted.push(performance.now());
    }
  }),
);
const floorMs = performance.now() - t2;
const floorCpu = process.cpuUsage(cpu2);
const floorCpuMs = (floorCpu.user + floorCpu.system) / 1000;
floorTransport.close();
await db.close();
sink.stdin.write('quit\n');
rmSync(dir, { recursive: true, force: true });

const rate = (N / runMs) * 1000;
const floorRate = (N / floorMs) * 1000;
// The send phase alone: from the first message accepted (planning done) to the last.
const runWindows = windows(accepted, accepted[0]! - 1);
const floorWindows = windows(floorAccepted, t2);
const slow = (w: number[]) => w.map((r) => -r);
const p95Rate = (w: number[]) => -p95(slow(w));
const md = `## Dunning runner: plan, render and send reminders over SMTP (${attach ? 'letter + invoice PDF + UBL attached' : 'letter PDF attached'})

What: ${N.toLocaleString('en')} overdue invoices of ${N.toLocaleString('en')} debtors of one BE company (SQLite file, WAL, synchronous=FULL),
one \`runCompany\` call: plan (core planner) and insert ${N.toLocaleString('en')} outbox rows (one transaction, on conflict do nothing), then
claims of ${4 * CONC} keys per transaction, the gate and the letters' data read once per batch, letter PDF + text${attach ? ', invoice PDF and UBL' : ''} rendered in
${THREADS > 0 ? `${THREADS} worker thread${THREADS > 1 ? 's' : ''}` : 'the main thread'}, SMTP to a loopback smtp-server in another process (pooled, ${CONC} connections, ${CONC} sends in flight), sent records
through the group commit (50 ms window). Average message ${(avgBytes / 1024).toFixed(0)} KiB. One run (seeding ${(seedMs / 1000).toFixed(1)} s not counted);
rates per window of ${WINDOW} sends.

| | total time | reminders / s overall | median / s (windows) | p95 slowest window / s | CPU per reminder | budget |
|---|---:|---:|---:|---:|---:|---:|
| runner, end to end (plan + send) | ${(runMs / 1000).toFixed(1)} s | **${rate.toFixed(0)}** | ${median(runWindows).toFixed(0)} | ${p95Rate(runWindows).toFixed(0)} | ${(runCpuMs / N).toFixed(1)} ms | ≥ ${BUDGET} / s |
| floor: bare nodemailer, same size, no DB, no rendering | ${(floorMs / 1000).toFixed(1)} s | ${floorRate.toFixed(0)} | ${median(floorWindows).toFixed(0)} | ${p95Rate(floorWindows).toFixed(0)} | ${(floorCpuMs / N).toFixed(1)} ms | |

Ratio to floor: ${(runMs / floorMs).toFixed(2)}× (median windows ${(median(floorWindows) / median(runWindows)).toFixed(2)}×). Peak RSS: ${peak.toFixed(0)} MiB (all threads).
Messages received: ${received}, unique Message-IDs: ${uniqueIds}. Load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on a machine shared with other work.
Budget ${rate >= BUDGET ? 'met' : 'NOT met'}.`;
console.log(md);
console.log(machine());
if (write) writeSection(section, md);

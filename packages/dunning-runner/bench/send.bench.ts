// pnpm bench: plan, render and send N reminders (default 10,000) to a loopback SMTP server,
// through the whole runner (outbox, gate, letter PDF, invoice PDF + UBL, SMTP, sent records).
// Floor: the same number of messages of the same size sent by bare nodemailer, no database, no rendering.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { machine, peakRssMiB, writeSection } from '@fact/bench-tools';
import { runCompany, smtpChannel } from '../src/index.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const N = Number(arg('reminders', '10000'));
const attach = arg('attach', 'yes') !== 'no';
const write = arg('write', 'yes') !== 'no';
const BUDGET = 50;

let messages = 0;
let bytes = 0;
const ids = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _s, cb) {
    let head = '';
    stream.on('data', (c: Buffer) => {
      bytes += c.length;
      if (head.length < 4096) head += c.toString('latin1');
    });
    stream.on('end', () => {
      messages++;
      const m = /^Message-ID:\s*(\S+)/im.exec(head);
      if (m?.[1]) ids.add(m[1]);
      cb();
    });
  },
});
await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
const url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;

const dir = tempDir('fact-bench-');
const db = await openDb(join(dir, 'fact.sqlite'));
const t0 = performance.now();
const s = await db.transaction((tx) => seed(tx, { companies: 1, debtorsPerCompany: N, invoicesPerDebtor: 1 }));
const seedMs = performance.now() - t0;

const CONC = Number(arg('concurrency', '8'));
const mail = smtpChannel(url, { maxConnections: CONC });
const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), attachInvoices: attach, concurrency: CONC };
const t1 = performance.now();
const report = await runCompany(ctx, s.companies[0]!.id, { asOf: '2025-04-10' });
const runMs = performance.now() - t1;
mail.close();
const peak = peakRssMiB();
if (report.sent !== N || messages !== N || ids.size !== N) throw new Error(`expected ${N} sends, got sent=${report.sent} received=${messages} unique ids=${ids.size}`);
const avgBytes = Math.round(bytes / messages);
const received = messages;
const uniqueIds = ids.size;

// Floor: bare nodemailer, same count, same message size, no database and no rendering.
const floorTransport = nodemailer.createTransport(url, { pool: true, maxConnections: CONC } as never);
const payload = Buffer.alloc(Math.max(0, avgBytes - 600), 'a');
const t2 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONC }, async () => {
    for (let i = next++; i < N; i = next++) {
      await floorTransport.sendMail({ from: 'a@b.be', to: 'c@d.be', subject: 'x', text: 'x', messageId: `<floor.${i}@b.be>`, attachments: [{ filename: 'x.bin', content: payload }] });
    }
  }),
);
const floorMs = performance.now() - t2;
floorTransport.close();
await db.close();
await new Promise<void>((res) => server.close(() => res()));
rmSync(dir, { recursive: true, force: true });

const rate = (N / runMs) * 1000;
const floorRate = (N / floorMs) * 1000;
const md = `## Dunning runner: plan, render and send reminders over SMTP

What: ${N.toLocaleString('en')} overdue invoices of ${N.toLocaleString('en')} debtors of one BE company (SQLite file, WAL, synchronous=FULL),
one \`runCompany\` call: plan (core planner), phase 1 outbox insert (one transaction), then per reminder: claim (transaction),
pre-send gate (fresh reads), letter PDF + text${attach ? ', invoice PDF and UBL' : ''}, SMTP to a loopback smtp-server (pooled, ${CONC} connections, ${CONC} sends in flight),
sent record (transaction, dunning event with claims). Average message ${(avgBytes / 1024).toFixed(0)} KiB. One run (seeding ${(seedMs / 1000).toFixed(1)} s not counted).

| | time | reminders / s | budget |
|---|---:|---:|---:|
| runner, end to end | ${(runMs / 1000).toFixed(1)} s | **${rate.toFixed(0)}** | ≥ ${BUDGET} / s |
| floor: bare nodemailer, same size, no DB, no rendering | ${(floorMs / 1000).toFixed(1)} s | ${floorRate.toFixed(0)} | |

Ratio to floor: ${(runMs / floorMs).toFixed(2)}×. Peak RSS: ${peak.toFixed(0)} MiB. Messages received: ${received}, unique Message-IDs: ${uniqueIds}. Load average at the end: ${loadavg()[0]!.toFixed(1)}.
Budget ${rate >= BUDGET ? 'met' : 'NOT met'}.`;
console.log(md);
console.log(machine());
if (write) writeSection('dunning-runner', md);

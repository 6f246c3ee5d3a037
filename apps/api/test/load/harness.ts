// Two apps/api server processes on one PostgreSQL database, driven by autocannon with a mix that
// contends: payments on the same few invoices through both instances (each reference sent to
// both, as a client retrying on the other instance would), invoice updates carrying the version
// last seen (shared by both drivers, so many are stale), and dunning runs of the same company
// from both. Then what the database holds is compared with what the clients were told.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD, seedTenancy } from '@fact/api/testing';
import { createDb, newId, type DbHandle } from '@fact/db';
import { loadOutbox } from '@fact/dunning-runner';
import { seed as seedDunning } from '@fact/dunning-runner/testing';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';

const APP_DIR = new URL('../..', import.meta.url).pathname;
const PAY_INVOICES = 4;
const UPDATE_INVOICES = 3;
export const DUNNING_AS_OF = '2025-04-10';

/** What the seeded database holds for the load. */
export interface LoadPlan {
  companyId: string;
  debtorId: string;
  payInvoices: string[];
  updateInvoices: string[];
  dunningCompanyId: string;
  email: string;
}

/** Migrates and seeds: firm A's company with a debtor and its invoices, and a dunning company. */
export async function seedForLoad(url: string): Promise<LoadPlan> {
  const db = createDb(url);
  await db.migrate();
  const tenancy = await seedTenancy(db);
  const { callerFor } = await import('@fact/api/testing');
  const api = callerFor(db, tenancy.users.accountantA);
  const companyId = tenancy.companyA1;
  const debtor = await api.debtor.create({ companyId, kind: 'business', name: 'Brouwerij Dijkstra BV', language: 'nl', country: 'BE' });
  const invoice = (n: string) => api.invoice.create({ companyId, debtorId: debtor.id, number: n, issueDate: '2025-02-01', dueDate: '2025-03-03', lines: [{ description: 'Goods', quantity: '1', unitPrice: '100.00', vatRate: '0', vatCategory: 'Z' }] });
  const payInvoices = [];
  for (let k = 0; k < PAY_INVOICES; k++) payInvoices.push((await invoice(`PAY-${k}`)).id);
  const updateInvoices = [];
  for (let k = 0; k < UPDATE_INVOICES; k++) updateInvoices.push((await invoice(`UPD-${k}`)).id);
  // A company of another firm with overdue invoices the runner sends reminders for; firm A's
  // accountant is made a member of that firm too, so one token drives everything.
  const dunning = await db.transaction((tx) => seedDunning(tx, { companies: 1, debtorsPerCompany: 6 }));
  const dunningCompanyId = dunning.companies[0]!.id;
  await db.transaction(async (tx) => {
    const [c] = await tx.db.select({ firmId: tx.tables.companies.firmId }).from(tx.tables.companies).where(sql`${tx.tables.companies.id} = ${dunningCompanyId}`);
    await tx.db.insert(tx.tables.memberships).values({ id: newId(), userId: tenancy.users.accountantA.id, firmId: c!.firmId, role: 'accountant' });
  });
  await db.close();
  return { companyId, debtorId: debtor.id, payInvoices, updateInvoices, dunningCompanyId, email: tenancy.emails.accountantA };
}

/** One apps/api server process (`src/main.ts` through tsx). */
export interface Instance {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts an API server process on an ephemeral loopback port and waits until it listens.
 *
 * @example
 * ```ts
 * const a = await startInstance({ DATABASE_URL: url, FACT_DATA_DIR: dir });
 * ```
 */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--conditions=@fact/source', 'src/main.ts'], {
      cwd: APP_DIR,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'never', LOG_LEVEL: 'warn', SESSION_SECRET: 'load-test-secret-load-test-secret-0123456789', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the API server did not start:\n${out}`)), 120_000);
    p.stdout!.on('data', (d) => {
      out += String(d);
      const m = /Fact API listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          process: p,
          stop: () =>
            new Promise((done) => {
              if (p.exitCode !== null) return done();
              p.once('exit', () => done());
              p.kill('SIGTERM');
            }),
        });
      }
    });
    p.stderr!.on('data', (d) => (out += String(d)));
    p.once('exit', (code) => reject(new Error(`the API server exited with ${code}:\n${out}`)));
  });
}

/** Everything the clients were told, to compare with the database afterwards. */
export interface Ledger {
  /** Payment reference → the statuses answered for it (one per instance that got it). */
  payments: Map<string, number[]>;
  /** Per invoice: the versions whose update was answered 2xx, and how many stale ones got 409. */
  updates: Map<string, { applied: number[]; conflicts: number; other: number }>;
  dunningRuns: { ok: number; other: number };
  /** Requests sent but not answered when the driver stopped (their outcome is unknown to the client). */
  inFlight: { payments: Set<string>; updates: Map<string, number> };
  /** The first few unexpected answers, for the failure message. */
  surprises: string[];
}

interface Conn {
  kind?: 'pay' | 'update' | 'dunning';
  ref?: string;
  invoiceId?: string;
  version?: number;
  sentAt?: number;
}

/** One instance's figures from its driver. */
export interface InstanceFigures {
  url: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Drives both instances at once for `seconds`, `connections` each, and returns what each
 * answered and the ledger of outcomes.
 */
export async function drive(instances: Instance[], plan: LoadPlan, options: { seconds: number; connections: number }): Promise<{ figures: InstanceFigures[]; ledger: Ledger }> {
  const login = await fetch(`${instances[0]!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: plan.email, password: PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const ledger: Ledger = { payments: new Map(), updates: new Map(plan.updateInvoices.map((id) => [id, { applied: [], conflicts: 0, other: 0 }])), dunningRuns: { ok: 0, other: 0 }, inFlight: { payments: new Set(), updates: new Map() }, surprises: [] };
  // The version each driver believes current: shared, so both instances race on it.
  const versions = new Map(plan.updateInvoices.map((id) => [id, 1]));
  const counters = instances.map(() => 0);
  const payCounters = instances.map(() => 0);
  const figures = await Promise.all(
    instances.map(async (instance, n) => {
      const latencies: number[] = [];
      const result = await autocannon({
        url: instance.url,
        connections: options.connections,
        duration: options.seconds,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (req, context) => {
              const c = context as Conn;
              const i = counters[n]!++;
              c.sentAt = performance.now();
              if (i % 8 === 7) {
                c.kind = 'dunning';
                return { ...req, path: '/trpc/dunningRun.runNow', body: JSON.stringify({ companyId: plan.dunningCompanyId, asOf: DUNNING_AS_OF }) };
              }
              if (i % 3 === 2) {
                c.kind = 'update';
                c.invoiceId = plan.updateInvoices[i % plan.updateInvoices.length]!;
                c.version = versions.get(c.invoiceId)!;
                ledger.inFlight.updates.set(c.invoiceId, (ledger.inFlight.updates.get(c.invoiceId) ?? 0) + 1);
                return { ...req, path: '/trpc/invoice.update', body: JSON.stringify({ invoiceId: c.invoiceId, version: c.version, dueDate: `2025-03-${String(10 + (i % 18)).padStart(2, '0')}` }) };
              }
              // The same reference goes to both instances (the k-th payment of each driver).
              c.kind = 'pay';
              c.ref = `load-${payCounters[n]!++}`;
              ledger.inFlight.payments.add(c.ref);
              const invoiceId = plan.payInvoices[i % plan.payInvoices.length]!;
              return {
                ...req,
                path: '/trpc/payment.record',
                body: JSON.stringify({ companyId: plan.companyId, debtorId: plan.debtorId, amount: '0.25', receivedOn: '2025-03-10', reference: c.ref, allocations: [{ invoiceId, amount: '0.25' }] }),
              };
            },
            onResponse: (status, body, context) => {
              const c = context as Conn;
              if (c.sentAt !== undefined) latencies.push(performance.now() - c.sentAt);
              const surprise = () => ledger.surprises.length < 5 && ledger.surprises.push(`${c.kind} ${status}: ${body.slice(0, 300)}`);
              if (c.kind === 'pay') {
                ledger.payments.set(c.ref!, [...(ledger.payments.get(c.ref!) ?? []), status]);
                if (ledger.payments.get(c.ref!)!.length >= 2 || status === 200) ledger.inFlight.payments.delete(c.ref!);
                if (status !== 200 && status !== 409 && status !== 400) surprise();
              } else if (c.kind === 'update') {
                ledger.inFlight.updates.set(c.invoiceId!, ledger.inFlight.updates.get(c.invoiceId!)! - 1);
                const u = ledger.updates.get(c.invoiceId!)!;
                if (status === 200) {
                  u.applied.push(c.version!);
                  const v = (JSON.parse(body) as { result: { data: { version: number } } }).result.data.version;
                  if (v > versions.get(c.invoiceId!)!) versions.set(c.invoiceId!, v);
                } else if (status === 409) u.conflicts++;
                else {
                  u.other++;
                  surprise();
                }
              } else if (c.kind === 'dunning') {
                if (status === 200) ledger.dunningRuns.ok++;
                else {
                  ledger.dunningRuns.other++;
                  surprise();
                }
              }
            },
          },
        ],
      });
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
      return { url: instance.url, requests: result.requests.total, perSecond: result.requests.total / options.seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), non2xx: result.non2xx, errors: result.errors } satisfies InstanceFigures;
    }),
  );
  return { figures, ledger };
}

/** What the database says after the load, next to what the clients were told; problems named. */
export async function verify(url: string, plan: LoadPlan, ledger: Ledger, outboxDir: string): Promise<{ problems: string[]; summary: Record<string, number> }> {
  const db: DbHandle = createDb(url);
  const problems: string[] = [];
  try {
    await settle(db, outboxDir);
    const payments = await db.all<{ reference: string; amount_cents: number }>(sql`select reference, amount_cents from payments where company_id = ${plan.companyId}`);
    const okRefs = [...ledger.payments].filter(([, statuses]) => statuses.some((s) => s === 200)).map(([ref]) => ref);
    const twice = [...ledger.payments].filter(([, statuses]) => statuses.filter((s) => s === 200).length > 1).map(([ref]) => ref);
    if (twice.length) problems.push(`payments answered 2xx twice: ${twice.slice(0, 5).join(', ')}`);
    const stored = new Set(payments.map((p) => p.reference));
    if (stored.size !== payments.length) problems.push('a payment reference is stored twice');
    const lost = okRefs.filter((r) => !stored.has(r));
    // A payment whose request was still in flight when the driver stopped may be stored: the client never heard.
    const phantom = payments.map((p) => p.reference).filter((r) => !okRefs.includes(r) && !ledger.inFlight.payments.has(r));
    const storedInFlight = payments.filter((p) => !okRefs.includes(p.reference) && ledger.inFlight.payments.has(p.reference)).length;
    if (lost.length) problems.push(`payments answered 2xx but not stored: ${lost.slice(0, 5).join(', ')}`);
    if (phantom.length) problems.push(`payments stored but never answered 2xx: ${phantom.slice(0, 5).join(', ')}`);
    const sumStored = payments.reduce((s, p) => s + Number(p.amount_cents), 0);
    if (sumStored !== (okRefs.length + storedInFlight) * 25) problems.push(`payments sum ${sumStored} cents, the clients were told ${okRefs.length * 25} (+ ${storedInFlight * 25} in flight at the stop)`);
    const drift = await db.all<{ number: string }>(sql`
      select i.number from invoices i left join (select invoice_id, sum(amount_cents) as allocated from allocations where reversed_at is null group by invoice_id) a on a.invoice_id = i.id
      where i.company_id = ${plan.companyId} and i.open_amount_cents <> i.total_cents - coalesce(a.allocated, 0)`);
    if (drift.length) problems.push(`open amounts that are not total − allocations: ${drift.map((d) => d.number).join(', ')}`);
    let applied = 0;
    let conflicts = 0;
    for (const [invoiceId, u] of ledger.updates) {
      const [row] = await db.all<{ version: number }>(sql`select version from invoices where id = ${invoiceId}`);
      const sorted = [...u.applied].sort((a, b) => a - b);
      if (new Set(sorted).size !== sorted.length) problems.push(`invoice ${invoiceId}: one version was applied twice (a lost update)`);
      const pending = Math.max(0, ledger.inFlight.updates.get(invoiceId) ?? 0);
      const version = Number(row!.version);
      if (version < 1 + u.applied.length || version > 1 + u.applied.length + pending) problems.push(`invoice ${invoiceId}: version ${version} after ${u.applied.length} accepted updates (${pending} in flight at the stop)`);
      if (u.other) problems.push(`invoice ${invoiceId}: ${u.other} updates answered neither 200 nor 409`);
      applied += u.applied.length;
      conflicts += u.conflicts;
    }
    // The outbox (dunning_outbox) holds each key once; its history in dunning_events must mark
    // each key sent at most once.
    const outbox = await loadOutbox(db, plan.dunningCompanyId);
    const sent = [...outbox].filter(([, e]) => e.state === 'sent').map(([key]) => ({ key }));
    const d = db.tables.dunningEvents;
    const marks = await db.db.select({ explanation: d.explanation }).from(d).where(eq(d.companyId, plan.dunningCompanyId));
    const sentMarks = new Map<string, number>();
    for (const { explanation } of marks) {
      const mark = explanation?.['outbox'] as { key?: string; state?: string } | undefined;
      if (mark?.key && mark.state === 'sent') sentMarks.set(mark.key, (sentMarks.get(mark.key) ?? 0) + 1);
    }
    const sentTwice = [...sentMarks].filter(([, n]) => n > 1).map(([key]) => key);
    if (sentTwice.length) problems.push(`reminders marked sent twice: ${sentTwice.join(', ')}`);
    const twiceRecorded = await db.all<{ invoice_id: string }>(sql`select invoice_id from dunning_events where company_id = ${plan.dunningCompanyId} and channel <> 'other' and invoice_id is not null group by invoice_id, level, action having count(*) > 1`);
    if (twiceRecorded.length) problems.push(`reminders recorded twice for invoices ${twiceRecorded.map((r) => r.invoice_id).join(', ')}`);
    const files = existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.eml')) : [];
    if (files.length !== sent.length || !sent.every((s) => files.includes(`${s.key}.eml`))) problems.push(`${files.length} .eml files for ${sent.length} sent reminders`);
    problems.push(...ledger.surprises.map((x) => `unexpected answer: ${x}`));
    return {
      problems,
      summary: { paymentsOk: okRefs.length, paymentsInFlightStored: storedInFlight, paymentsRefused: [...ledger.payments.values()].flat().filter((s) => s !== 200).length, paymentsCents: sumStored, updatesApplied: applied, updatesConflict: conflicts, dunningRuns: ledger.dunningRuns.ok, dunningRunsFailed: ledger.dunningRuns.other, remindersSent: sent.length },
    };
  } finally {
    await db.close();
  }
}

/**
 * Waits until the servers have finished what the driver left in flight when it stopped (a dunning
 * run keeps going after its client is gone): nothing changing for 2 s.
 */
async function settle(db: DbHandle, outboxDir: string): Promise<void> {
  const state = async () =>
    JSON.stringify([
      await db.all(sql`select count(*) as n, coalesce(sum(amount_cents), 0) as s from payments`),
      await db.all(sql`select coalesce(sum(version), 0) as v from invoices`),
      await db.all(sql`select count(*) as n from dunning_events`),
      existsSync(outboxDir) ? readdirSync(outboxDir).length : 0,
    ]);
  const deadline = Date.now() + 120_000;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = await state();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > 2000) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the servers did not settle: ${last}`);
}

/** A folder for the instances' shared data (the .eml outbox of the dunning runner). */
export function dataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fact-load-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

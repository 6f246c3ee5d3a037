// kill -9 during a bank import (CODA then camt.053, through bank.importStatement) and during a
// factoring export (factoring.createBatch): a child process on a copy of a seeded SQLite file is
// SIGKILLed at an injected point (before a write statement, after a file is renamed into place,
// after the work returned) or after a random delay; then the work is run again, as a person would
// after a crash, and the database must be consistent (integrity, foreign keys, running totals =
// recomputation, open amounts = total − allocations, audit chain) and hold exactly what one clean
// run gives: one statement per file, one payment per credit, one batch with its verified package.
// Modelled on packages/dunning-runner/test/crash.test.ts (the child is bundled once, see
// ./bundle.ts, so each killed process starts fast). CRASH_RUNS (default 50) per workload.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { createDb, type DbHandle } from '@fact/db';
import { verifyFactoringPackage } from '@fact/factoring';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from './bundle.js';
import { apiFor, consistencyProblems, factoringApiFor, FIXTURES_DIR, runBankImport, runFactoringExport, seedTemplate, type Plan } from './workload.js';

const RUNS = Number(process.env['CRASH_RUNS'] ?? '50');
const root = mkdtempSync(join(tmpdir(), 'fact-api-crash-'));
const template = join(root, 'template');
const childSource = new URL('./child.ts', import.meta.url).pathname;
const child = join(root, 'child.mjs');
const pkg = new URL('../..', import.meta.url).pathname;
let plan: Plan;

/** A tiny deterministic PRNG, so a failing run can be replayed from its number. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function runChild(mode: string, dir: string, env: Record<string, string>, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; out: string; ms?: number }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [child, mode, join(dir, 'fact.sqlite'), join(dir, 'data')], {
      cwd: pkg,
      env: { ...process.env, FACT_CRASH_FIXTURES: FIXTURES_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    // The kill timer starts when the child is about to work (tsx start-up takes seconds on a busy box).
    p.stdout.on('data', (d) => {
      out += String(d);
      if (killAfterMs !== undefined && !timer && out.includes('ready')) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d) => (out += String(d)));
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const ms = /done (\d+)/.exec(out)?.[1];
      resolve({ code, signal, out, ...(ms ? { ms: Number(ms) } : {}) });
    });
  });
}

function freshRun(name: string): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(template, 'fact.sqlite'), join(dir, 'fact.sqlite'));
  cpSync(join(template, 'data'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return dir;
}

async function withDb<T>(dir: string, fn: (db: DbHandle) => Promise<T>): Promise<T> {
  const db = createDb(`file:${join(dir, 'fact.sqlite')}`);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Everything a bank import decides, without generated ids and instants. */
async function bankOutcome(db: DbHandle) {
  return {
    statements: await db.all(sql`select company_id, format, statement_number, from_date, to_date, opening_balance_cents, closing_balance_cents from bank_statements order by 1, 3`),
    transactions: await db.all(sql`select company_id, dedup_key, amount_cents, match_status from bank_transactions order by 2`),
    payments: await db.all(sql`select p.company_id, p.reference, p.amount_cents, t.dedup_key from payments p left join bank_transactions t on t.id = p.bank_transaction_id order by 2`),
    invoices: await db.all(sql`select number, status, open_amount_cents from invoices order by 1`),
    documents: await db.all(sql`select company_id, kind, sha256 from documents order by 1, 3`),
    audit: await db.all(sql`select action, count(*) as n from audit_log group by action order by 1`),
  };
}

/** Everything a factoring export decides, without generated ids, references and instants. */
async function factoringOutcome(db: DbHandle) {
  return {
    batches: await db.all(sql`select company_id, factor_name, status, created_on from factoring_batches order by 1`),
    assignments: await db.all(sql`select i.number, a.status, a.amount_cents from factoring_assignments a join invoices i on i.id = a.invoice_id order by 1`),
    invoices: await db.all(sql`select number, status, open_amount_cents from invoices order by 1`),
    audit: await db.all(sql`select action, count(*) as n from audit_log group by action order by 1`),
  };
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * The batch's package, in the document store (`<data>/documents/ab/cd/<sha256>`, its documents row
 * linked by factoring_batches.document_id), verifies with the firm's live public key
 * (signing_keys); blobs in the store that no documents row names are counted.
 */
async function packageCheck(db: DbHandle, dir: string): Promise<{ problems: string[]; orphans: number }> {
  const [batch] = await db.all<{ reference: string; sha256: string | null }>(
    sql`select b.reference, d.sha256 from factoring_batches b left join documents d on d.id = b.document_id and d.company_id = b.company_id`,
  );
  if (!batch) return { problems: ['no batch'], orphans: 0 };
  const store = join(dir, 'data', 'documents');
  const problems: string[] = [];
  if (!batch.sha256) problems.push(`batch ${batch.reference} has no package document`);
  else {
    const zip = join(store, batch.sha256.slice(0, 2), batch.sha256.slice(2, 4), batch.sha256);
    if (!existsSync(zip)) problems.push(`the package ${batch.sha256} of the batch is missing from the store`);
    else {
      const [key] = await db.all<{ public_key_pem: string }>(sql`select public_key_pem from signing_keys where retired_at is null`);
      const verdict = await verifyFactoringPackage(zip, key?.public_key_pem ?? '');
      if (!verdict.ok) problems.push(`the package does not verify: ${JSON.stringify(verdict).slice(0, 300)}`);
      if (createHash('sha256').update(readFileSync(zip)).digest('hex') !== batch.sha256) problems.push('the stored ZIP does not hash to its name');
    }
  }
  const known = new Set((await db.all<{ sha256: string }>(sql`select sha256 from documents`)).map((d) => d.sha256));
  const orphans = filesUnder(store).filter((f) => !known.has(f.split('/').at(-1)!)).length;
  return { problems, orphans };
}

beforeAll(async () => {
  await bundleChild(childSource, child);
  mkdirSync(join(template, 'data'), { recursive: true });
  const db = createDb(`file:${join(template, 'fact.sqlite')}`);
  await db.migrate();
  plan = await seedTemplate(db, join(template, 'data'));
  await db.close();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`crash safety of imports and exports (kill -9, ${RUNS} runs each)`, () => {
  it(`a bank import killed at ${RUNS} random points, then run again, holds each statement, transaction and payment once`, async () => {
    // The reference: one clean run in this process.
    const clean = freshRun('bank-reference');
    process.env.FACT_DATA_DIR = join(clean, 'data');
    const expected = await withDb(clean, async (db) => {
      const r = await runBankImport(await apiFor(db, plan, join(clean, 'data')), plan);
      expect(r.coda).toMatchObject({ statements: 1, transactionsInserted: 5, matched: 1 });
      expect(r.camt).toMatchObject({ statements: 1, transactionsInserted: 1, unmatched: 1 });
      expect(await consistencyProblems(db)).toEqual([]);
      return bankOutcome(db);
    });
    const calibration = await runChild('bank', freshRun('bank-calibration'), {});
    expect(calibration.code, calibration.out).toBe(0);
    const span = Math.max(50, Math.round((calibration.ms ?? 300) * 1.3));

    const random = rng(20251202);
    let kills = 0;
    let committedBeforeKill = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = freshRun(`bank-${run}`);
      const injected = run % 2 === 0;
      const point = ['write', 'write', 'rename', 'commit'][Math.floor(random() * 4)]!;
      const env: Record<string, string> = injected ? { FACT_CRASH_AT: `${point}:${1 + Math.floor(random() * (point === 'write' ? 24 : 2))}` } : {};
      const first = await runChild('bank', dir, env, injected ? undefined : Math.floor(random() * span));
      if (first.signal === 'SIGKILL') kills++;
      else expect(first.code, `run ${run}: ${first.out}`).toBe(0);
      process.env.FACT_DATA_DIR = join(dir, 'data');
      await withDb(dir, async (db) => {
        expect(await consistencyProblems(db), `run ${run} (${JSON.stringify(env)}) right after the kill`).toEqual([]);
        if ((await db.all(sql`select 1 from bank_statements`)).length > 0) committedBeforeKill++;
        // Run again, as the accountant would: the file is imported once, whatever the kill left.
        await runBankImport(await apiFor(db, plan, join(dir, 'data')), plan);
        expect(await consistencyProblems(db), `run ${run} after the re-run`).toEqual([]);
        expect(await bankOutcome(db), `run ${run} (${JSON.stringify(env)})`).toEqual(expected);
      });
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`bank import crash runs: ${RUNS}, processes killed: ${kills}, killed with part of the import committed: ${committedBeforeKill}, operation ≈ ${calibration.ms} ms`);
    expect(kills).toBeGreaterThanOrEqual(RUNS / 2);
  }, 1_800_000);

  it(`a factoring export killed at ${RUNS} random points, then run again, records exactly one batch with a verified package`, async () => {
    const clean = freshRun('factoring-reference');
    process.env.FACT_DATA_DIR = join(clean, 'data');
    const expected = await withDb(clean, async (db) => {
      const sold = await runFactoringExport(await factoringApiFor(db, plan, join(clean, 'data')), plan);
      expect(sold).toMatchObject({ status: 'accepted', invoiceCount: 3 });
      expect(await consistencyProblems(db)).toEqual([]);
      expect(await packageCheck(db, clean)).toEqual({ problems: [], orphans: 0 });
      return factoringOutcome(db);
    });
    const calibration = await runChild('factoring', freshRun('factoring-calibration'), {});
    expect(calibration.code, calibration.out).toBe(0);
    const span = Math.max(50, Math.round((calibration.ms ?? 500) * 1.3));

    const random = rng(20251203);
    let kills = 0;
    let committedBeforeKill = 0;
    let orphanFiles = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = freshRun(`factoring-${run}`);
      const injected = run % 2 === 0;
      const point = ['write', 'rename', 'rename', 'commit'][Math.floor(random() * 4)]!;
      // One rename (the package into the document store), two commits (the firm's first signing key, the batch).
      const env: Record<string, string> = injected ? { FACT_CRASH_AT: `${point}:${1 + Math.floor(random() * (point === 'write' ? 8 : point === 'rename' ? 1 : 2))}` } : {};
      const first = await runChild('factoring', dir, env, injected ? undefined : Math.floor(random() * span));
      if (first.signal === 'SIGKILL') kills++;
      else expect(first.code, `run ${run}: ${first.out}`).toBe(0);
      process.env.FACT_DATA_DIR = join(dir, 'data');
      await withDb(dir, async (db) => {
        expect(await consistencyProblems(db), `run ${run} (${JSON.stringify(env)}) right after the kill`).toEqual([]);
        const before = await db.all(sql`select 1 from factoring_batches`);
        if (before.length > 0) committedBeforeKill++;
        // Run again. If the killed export had committed, the invoices are already sold: CONFLICT.
        const again = await runFactoringExport(await factoringApiFor(db, plan, join(dir, 'data')), plan).catch((e: unknown) => e);
        if (before.length > 0) expect(again, `run ${run}`).toMatchObject({ code: 'CONFLICT' });
        else expect(again, `run ${run}`).toMatchObject({ status: 'accepted', invoiceCount: 3 });
        expect(await consistencyProblems(db), `run ${run} after the re-run`).toEqual([]);
        expect(await factoringOutcome(db), `run ${run} (${JSON.stringify(env)})`).toEqual(expected);
        const files = await packageCheck(db, dir);
        expect(files.problems, `run ${run} (${JSON.stringify(env)})`).toEqual([]);
        orphanFiles += files.orphans;
      });
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`factoring export crash runs: ${RUNS}, processes killed: ${kills}, killed after the commit: ${committedBeforeKill}, package blobs left in the document store by killed exports (no documents row names them): ${orphanFiles}, operation ≈ ${calibration.ms} ms`);
    expect(kills).toBeGreaterThanOrEqual(RUNS / 2);
  }, 1_800_000);
});

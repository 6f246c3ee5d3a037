// Helpers of the multi-process tests: start a runner child (test/run-child.ts), kill it, and make
// throw-away PostgreSQL databases on the real server.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '@fact/db';

const child = new URL('./run-child.ts', import.meta.url).pathname;
const pkg = new URL('..', import.meta.url).pathname;

/** Crash points the runner passes (FACT_DUNNING_CRASH_AT). */
export const POINTS = ['after-plan', 'after-claim', 'before-send', 'after-send', 'after-mark'];

/** A tiny deterministic PRNG, so a failing run can be replayed from its number. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Runs one runner process on `db` (a SQLite file or a postgres:// URL) until nothing is left, or
 * SIGKILLs it `killAfterMs` after it is up.
 */
export function runChild(db: string, dir: string, asOf: string, companyIds: readonly string[], env: Record<string, string>, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--conditions=@fact/source', child, db, dir, asOf, ...companyIds], {
      cwd: pkg,
      env: { ...process.env, ATTACH: '0', FACT_DUNNING_LEASE_MS: '300', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    // The kill timer starts when the runner is up (tsx start-up is seconds on a busy box).
    p.stdout.on('data', (d) => {
      out += String(d);
      if (killAfterMs !== undefined && !timer && out.includes('ready')) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d) => (out += String(d)));
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, out });
    });
  });
}

/** The keys that landed in the .eml outbox, one line each (test/run-child.ts writes them). */
export function deliveredLog(dir: string): string[] {
  const file = join(dir, 'delivered.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/**
 * A throw-away database on the real server, optionally a copy of `template` (CREATE DATABASE …
 * TEMPLATE: a byte copy, far faster than migrating and seeding again).
 */
export async function pgDatabase(serverUrl: string, template?: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `fact_runner_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = createDb(serverUrl);
  try {
    await admin.run(sql.raw(`create database ${name}${template ? ` template ${template}` : ''}`));
  } finally {
    await admin.close();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const a = createDb(serverUrl);
      try {
        await a.run(sql.raw(`drop database if exists ${name} with (force)`));
      } finally {
        await a.close();
      }
    },
  };
}

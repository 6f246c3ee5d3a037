import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, seed } from '@fact/dunning-runner/testing';
import { openRunner } from './config.js';
import { createProgram } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'fact-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seedOne(url: string, mode: 'auto' | 'approve') {
  const db = await openDb(url.slice('file:'.length));
  const s = await seed(db, { companies: 1, debtorsPerCompany: 1, mode });
  await db.close();
  return s.companies[0]!.id;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('fact-dunning', () => {
  it('run --company --as-of sends once; a second run sends nothing', async () => {
    const url = `file:${join(dir, 'a.sqlite')}`;
    const companyId = await seedOne(url, 'auto');
    const env = { DATABASE_URL: url, FACT_DATA_DIR: join(dir, 'data-a') };
    const a = io();
    await createProgram(a.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'run', '--company', companyId, '--as-of', '2025-04-10']);
    expect(a.out.join('')).toContain('sent 1');
    expect(readdirSync(join(dir, 'data-a', 'outbox'))).toHaveLength(1);
    const b = io();
    await createProgram(b.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'run', '--company', companyId, '--as-of', '2025-04-10']);
    expect(b.out.join('')).toContain('sent 0');
    expect(readdirSync(join(dir, 'data-a', 'outbox'))).toHaveLength(1);
  });

  it('approve mode: run queues, approve then run sends', async () => {
    const url = `file:${join(dir, 'b.sqlite')}`;
    const companyId = await seedOne(url, 'approve');
    const env = { DATABASE_URL: url, FACT_DATA_DIR: join(dir, 'data-b') };
    const run = io();
    await createProgram(run.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'run', '--company', companyId, '--as-of', '2025-04-10']);
    expect(run.out.join('')).toContain('planned 1');
    expect(run.out.join('')).toContain('sent 0');
    const q = io();
    await createProgram(q.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'queue', '--company', companyId]);
    const key = q.out.join('').split(/\s+/)[0]!;
    expect(q.out.join('')).toContain('planned');
    const ok = io();
    await createProgram(ok.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'approve', '--company', companyId, '--key', key]);
    expect(ok.out.join('')).toBe(`${key}: approved\n`);
    const again = io();
    await createProgram(again.io, () => openRunner(env)).parseAsync(['node', 'fact-dunning', 'run', '--company', companyId, '--as-of', '2025-04-10']);
    expect(again.out.join('')).toContain('sent 1');
  });

  it('refuses a malformed --as-of', async () => {
    const e = io();
    await expect(createProgram(e.io, () => Promise.reject(new Error('not opened'))).parseAsync(['node', 'fact-dunning', 'run', '--company', 'x', '--as-of', '10/04/2025'])).rejects.toThrow(/YYYY-MM-DD/);
  });
});

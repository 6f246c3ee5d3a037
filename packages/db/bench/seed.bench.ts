// `pnpm bench:seed [--sqlite <file>] [--pg <postgres://…/db>] [--companies 200] [--invoices 1000000]`
// Times the seed a user runs (`pnpm db:seed … --as-of 2025-06-30`, the CLI as a child process) on a
// fresh SQLite file and a fresh PostgreSQL database (dropped and created), against the floor
// measured in the same run: generating the same rows in memory (and, for PostgreSQL, also
// encoding them for COPY). Reports wall clock, this process's and the server's CPU and the load
// average, and writes the `db-seed-quiet` section of the root BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays } from '@fact/core';
import { writeSection } from '@fact/bench-tools';
import pg from 'pg';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { tables } from '../src/schema/pg.js';
import { encodeCompany, type TableShape } from '../src/seed/copy.js';
import { companyPlan, generateCompany, IdSource, TABLE_ORDER } from '../src/seed/generate.js';
import { Prng } from '../src/seed/prng.js';

const { values } = parseArgs({
  options: {
    sqlite: { type: 'string' },
    pg: { type: 'string' },
    companies: { type: 'string', default: '200' },
    invoices: { type: 'string', default: '1000000' },
    'as-of': { type: 'string', default: '2025-06-30' },
  },
});
const companies = Number(values.companies);
const invoices = Number(values.invoices);
const asOf = values['as-of'];
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Seconds to generate every company in memory; with `encode`, also its COPY text. */
function floor(encode: boolean): number {
  const shape = (key: TableShape['key'], t: (typeof tables)[keyof typeof tables]): TableShape => {
    const cols = Object.entries(getTableColumns(t));
    return { key, table: getTableName(t), columns: cols.map(([, c]) => c.name), keys: cols.map(([k]) => k) };
  };
  const shapes = [shape('company', tables.companies), ...TABLE_ORDER.map(([t, key]) => shape(key, tables[t]))];
  const started = performance.now();
  const r = new Prng(1);
  const ids = new IdSource(r);
  const firmIds = [ids.next(addDays(asOf, -730))];
  for (let c = 0; c < companies; c++) {
    const rows = generateCompany(r, ids, companyPlan(c, { companies, invoices, firmIds, asOf }));
    if (encode) encodeCompany(rows, shapes);
  }
  return (performance.now() - started) / 1000;
}

/** CPU seconds the PostgreSQL server has used (postmaster + reaped and live children), when it runs here. */
async function serverCpu(url: string): Promise<number | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
  try {
    // Our backend's parent is the postmaster (read while the backend lives).
    const ppid = Number(readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    await c.end();
    const tick = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    const children = execFileSync('pgrep', ['-P', String(ppid)], { encoding: 'utf8' }).trim().split('\n');
    let ticks = 0;
    for (const pid of [String(ppid), ...children]) {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
    }
    return ticks / tick;
  } catch {
    await c.end().catch(() => undefined);
    return undefined; // not on this machine, or not readable
  }
}

async function freshPg(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

interface Run {
  engine: string;
  wall: number;
  seed: number;
  user: number;
  sys: number;
  server?: number;
  loadBefore: string;
  loadAfter: string;
  rows: string;
}

/** Runs the CLI as a user would and reads what it reports. */
async function cli(engine: string, url: string, server?: () => Promise<number | undefined>): Promise<Run> {
  const loadBefore = load();
  const serverBefore = await server?.();
  const started = performance.now();
  const args = ['db:seed', '--companies', String(companies), '--invoices', String(invoices), '--url', url, '--as-of', asOf];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`db:seed exited with ${code}:\n${text}`))));
  });
  const wall = (performance.now() - started) / 1000;
  const serverAfter = await server?.();
  const m = /(\d+) rows in ([\d.]+) s .*this process ([\d.]+) s user \+ ([\d.]+) s sys CPU/.exec(out);
  if (!m) throw new Error(`unexpected db:seed output:\n${out}`);
  console.log(`${engine}: ${m[2]} s (${wall.toFixed(1)} s whole command), load ${loadBefore} → ${load()}`);
  return {
    engine,
    wall,
    seed: Number(m[2]),
    user: Number(m[3]),
    sys: Number(m[4]),
    server: serverBefore !== undefined && serverAfter !== undefined ? serverAfter - serverBefore : undefined,
    loadBefore,
    loadAfter: load(),
    rows: Number(m[1]).toLocaleString('en'),
  };
}

const floorLoad = load();
const generation = floor(false);
const encoding = values.pg ? floor(true) : undefined;
console.log(`floor: generation ${generation.toFixed(1)} s${encoding ? `, generation + COPY encoding ${encoding.toFixed(1)} s` : ''} (load ${floorLoad})`);
const runs: Run[] = [];
if (values.sqlite) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${values.sqlite}${suffix}`, { force: true });
  runs.push(await cli('SQLite (better-sqlite3 file)', `file:${values.sqlite}`));
}
if (values.pg) {
  await freshPg(values.pg);
  const c = new pg.Client({ connectionString: values.pg });
  await c.connect();
  const version = (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
  await c.end();
  runs.push(await cli(`PostgreSQL ${version.split(' ')[0]} on 127.0.0.1 (COPY FROM STDIN, generation in a worker thread)`, values.pg, () => serverCpu(values.pg!)));
}

const budget = (s: number) => (s < 60 ? '< 60 s: **met**' : '< 60 s: **not met**');
writeSection(
  'db-seed-quiet',
  [
    `## @fact/db — the ${invoices.toLocaleString('en')}-invoice seed`,
    '',
    `The seed a user runs, timed alone by \`pnpm --filter @fact/db bench:seed\`: the CLI`,
    `\`pnpm db:seed --companies ${companies} --invoices ${invoices} --url <fresh database> --as-of ${asOf}\` as a child process`,
    `(fresh bulk mode, ${runs[0]?.rows ?? '?'} rows: invoices with lines, payments, allocations, credit notes, disputes; indexes, triggers`,
    'and running totals rebuilt once at the end). The floor is measured in the same run: generating the same rows in memory',
    `(${generation.toFixed(1)} s${encoding ? `; ${encoding.toFixed(1)} s with the COPY text encoding` : ''}; load average ${floorLoad} while it ran). One run each.`,
    '',
    '| engine | seed (as the CLI reports it) | whole command | CPU of the seeding process | server CPU | budget | floor | ratio | load average before → after (1 / 5 / 15 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (r) =>
        `| ${r.engine} | ${r.seed.toFixed(1)} s | ${r.wall.toFixed(1)} s | ${r.user.toFixed(1)} s user + ${r.sys.toFixed(1)} s sys | ${r.server === undefined ? '—' : `${r.server.toFixed(1)} s`} | ${budget(r.seed)} | ${generation.toFixed(1)} s | ${(r.seed / generation).toFixed(2)} | ${r.loadBefore} → ${r.loadAfter} |`,
    ),
    '',
    'PostgreSQL: one `COPY … FROM STDIN` per table and company (text format), streamed by the main thread while a worker',
    'thread generates and encodes the next company; the dropped indexes and the running totals are then rebuilt on two',
    'connections side by side. The server CPU is the postmaster and its children (backends, parallel index workers, WAL',
    'writer, checkpointer) over the run, read from /proc.',
    'The machine is shared with other jobs: the load average says how contended each figure is.',
  ].join('\n'),
);
console.log('wrote the db-seed-quiet section of BENCHMARKS.md');

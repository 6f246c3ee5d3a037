// `pnpm bench [--sqlite <file>] [--pg <postgres://…>] [--seed] [--invoices N] [--companies N] [--runs N]`
// Times the dashboard queries (firm-wide KPIs, one company's ageing, an invoice list page)
// through the repositories against the same SQL through the bare driver (the floor), on SQLite
// and on a PostgreSQL server, and (with --seed) the fresh bulk load of the data itself against
// generating the same rows without a database. Writes the `db-queries` section of the root
// BENCHMARKS.md. Without --sqlite/--pg it seeds a temporary SQLite file.
import { rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, median, p95, sample, writeSection } from '@fact/bench-tools';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createDb } from '../src/client/createDb.js';
import type { DbHandle } from '../src/client/types.js';
import { listInvoices } from '../src/repo/invoiceList.js';
import { ageing, companyKpis } from '../src/repo/kpis.js';
import { generateCompany, IdSource } from '../src/seed/generate.js';
import { Prng } from '../src/seed/prng.js';
import { seedDatabase } from '../src/seed/seed.js';

const { values } = parseArgs({
  options: {
    sqlite: { type: 'string' },
    pg: { type: 'string' },
    seed: { type: 'boolean', default: false },
    invoices: { type: 'string', default: '1000000' },
    companies: { type: 'string', default: '200' },
    runs: { type: 'string', default: '200' },
    'as-of': { type: 'string', default: '2025-06-30' },
  },
});
const asOf = values['as-of'];
const runs = Number(values.runs);
const load = () => loadavg()[0]!.toFixed(1);
const day = (k: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - k * 86_400_000).toISOString().slice(0, 10);

interface Row {
  what: string;
  engine: string;
  size: string;
  median: number;
  p95: number;
  budget: string;
  floor: string;
  ratio: string;
  load: string;
}
const rows: Row[] = [];
let sqliteVersion = '?';

/** The same SQL as the repository, through the bare driver. */
function rawRunner(db: DbHandle): (text: string, params: unknown[]) => Promise<unknown> {
  const raw = db.raw;
  if (raw.driver === 'better-sqlite3') {
    const cache = new Map<string, BetterSqlite3.Statement>();
    return async (text, params) => {
      let s = cache.get(text);
      if (!s) cache.set(text, (s = raw.reader.prepare(text)));
      return s.all(...params);
    };
  }
  if (raw.driver === 'pglite') return (text, params) => raw.client.query(text, params);
  return (text, params) => raw.pool.query(text, params);
}

async function compare(engine: string, size: string, what: string, budget: number, n: number, repo: (i: number) => Promise<unknown>, floor: (i: number) => Promise<unknown>) {
  const before = load();
  const r = await sample(repo, { runs: n, warmup: 5 });
  const f = await sample(floor, { runs: n, warmup: 5 });
  const line = { what, engine, size, median: median(r), p95: p95(r), budget: `${budget} ms`, floor: `${fmt(p95(f))} ms`, ratio: (p95(r) / p95(f)).toFixed(2), load: `${before}–${load()}` };
  rows.push(line);
  console.log(`${engine} ${what}: median ${fmt(line.median)} ms, p95 ${fmt(line.p95)} ms (budget ${budget}), floor p95 ${line.floor}, load ${line.load}`);
}

async function benchQueries(db: DbHandle, engine: string): Promise<void> {
  const [{ n } = { n: 0 }] = await db.all<{ n: unknown }>(sql`select count(*) as n from invoices`);
  const companies = (await db.all<{ id: string }>(sql`select id from companies order by id`)).map((c) => c.id);
  const firmIds = (await db.all<{ id: string }>(sql`select id from firms order by id`)).map((f) => f.id);
  const size = `${companies.length} companies, ${Number(n).toLocaleString('en')} invoices`;
  if (db.dialect === 'sqlite') sqliteVersion = (await db.all<{ v: string }>(sql`select sqlite_version() as v`))[0]?.v ?? '?';
  const run = rawRunner(db);
  const ph = (i: number) => (db.dialect === 'sqlite' ? '?' : `$${i}`);
  const pick = (i: number) => companies[(i * 7919) % companies.length]!;

  const ids = companies.map((_, i) => ph(i + 1)).join(', ');
  const ids2 = companies.map((_, i) => ph(i + companies.length + 1)).join(', ');
  const k = 2 * companies.length;
  const kpiSql = `select company_id, sum(outstanding), sum(overdue), sum(open_count), sum(sales) from (
      select company_id, open_cents - credit_cents as outstanding, case when due_date < ${ph(k + 1)} then open_cents else 0 end as overdue, open_count, 0 as sales
      from receivable_due_totals where company_id in (${ids})
      union all
      select company_id, 0, 0, 0, sales_cents from sales_day_totals where company_id in (${ids2}) and issue_date >= ${ph(k + 2)} and issue_date <= ${ph(k + 3)}) as f
    group by company_id`;
  await compare(
    engine,
    size,
    `firm-wide KPIs (outstanding, overdue, DSO) for ${companies.length} companies`,
    150,
    Math.min(runs, 60),
    () => companyKpis(db, { firmId: firmIds[0]!, companyIds: companies }, asOf),
    () => run(kpiSql, [...companies, ...companies, asOf, day(89), asOf]),
  );
  // Context: the same figures summed from the invoices themselves (what the running totals replace).
  const scanSql = `select company_id, sum(case when kind = 'invoice' then open_amount_cents else -open_amount_cents end),
      sum(case when kind = 'invoice' and due_date < ${ph(companies.length + 1)} then open_amount_cents else 0 end)
    from invoices where company_id in (${ids}) and status = 'open' group by company_id`;
  const before = load();
  const scan = await sample(() => run(scanSql, [...companies, asOf]), { runs: 5, warmup: 1 });
  rows.push({ what: 'context: outstanding + overdue summed from the open invoices (no running totals), raw SQL', engine, size, median: median(scan), p95: p95(scan), budget: '—', floor: '—', ratio: '—', load: `${before}–${load()}` });

  const ageSql = `select sum(case when due_date >= ${ph(1)} then open_cents else 0 end), sum(case when due_date < ${ph(2)} and due_date >= ${ph(3)} then open_cents else 0 end),
      sum(case when due_date < ${ph(4)} and due_date >= ${ph(5)} then open_cents else 0 end), sum(case when due_date < ${ph(6)} and due_date >= ${ph(7)} then open_cents else 0 end),
      sum(case when due_date < ${ph(8)} then open_cents else 0 end), sum(-credit_cents) from receivable_due_totals where company_id = ${ph(9)}`;
  await compare(
    engine,
    size,
    'one company ageing (5 buckets + unused credit)',
    10,
    runs,
    (i) => ageing(db, { companyId: pick(i) }, asOf),
    (i) => run(ageSql, [asOf, asOf, day(30), day(30), day(60), day(60), day(90), day(90), pick(i)]),
  );

  const listSql = `select i.*, d.name from invoices i join debtors d on d.company_id = i.company_id and d.id = i.debtor_id
      where i.company_id = ${ph(1)} and i.status in (${ph(2)}) and i.due_date >= ${ph(3)} order by i.due_date desc, i.id desc limit 51`;
  await compare(
    engine,
    size,
    'invoice list page (50 rows, status open + due in the last year, sorted by due date)',
    20,
    runs,
    (i) => listInvoices(db, { companyId: pick(i) }, { status: ['open'], dueFrom: day(365), sort: 'dueDate', direction: 'desc', limit: 50 }),
    (i) => run(listSql, [pick(i), 'open', day(365)]),
  );
  const debtors = await db.all<{ company_id: string; id: string }>(sql`select company_id, id from debtors order by id limit 500`);
  const debtorSql = `select i.*, d.name from invoices i join debtors d on d.company_id = i.company_id and d.id = i.debtor_id
      where i.company_id = ${ph(1)} and i.debtor_id = ${ph(2)} order by i.issue_date desc, i.id desc limit 51`;
  await compare(
    engine,
    size,
    "invoice list page (50 rows, one debtor's invoices, newest first)",
    20,
    runs,
    (i) => {
      const d = debtors[i % debtors.length]!;
      return listInvoices(db, { companyId: d.company_id }, { debtorId: d.id, limit: 50 });
    },
    (i) => {
      const d = debtors[i % debtors.length]!;
      return run(debtorSql, [d.company_id, d.id]);
    },
  );
}

async function seedFresh(url: string, engine: string, generationSeconds: number): Promise<void> {
  const db = createDb(url);
  await db.migrate();
  const before = load();
  const cpu = process.cpuUsage();
  const r = await seedDatabase(db, { companies: Number(values.companies), invoices: Number(values.invoices), asOf, fresh: true, demoUsers: false });
  const used = process.cpuUsage(cpu);
  await db.close();
  const ms = r.seconds * 1000;
  rows.push({
    what: `generate and insert the invoices with lines, payments, allocations, credit notes, disputes (${r.rows.toLocaleString('en')} rows; fresh bulk mode; this process ${(used.user / 1e6).toFixed(1)} s user + ${(used.system / 1e6).toFixed(1)} s sys CPU)`,
    engine,
    size: `${r.companies} companies, ${r.invoices.toLocaleString('en')} invoices`,
    median: ms,
    p95: ms,
    budget: '60 s',
    floor: `${generationSeconds.toFixed(1)} s`,
    ratio: (r.seconds / generationSeconds).toFixed(2),
    load: `${before}–${load()}`,
  });
  console.log(`${engine} seed: ${r.seconds.toFixed(1)} s (load ${before}–${load()})`);
}

/** The floor of the seed: generating the same rows without a database. */
function generationOnly(): number {
  const t = performance.now();
  const r = new Prng(1);
  const ids = new IdSource(r);
  const companies = Number(values.companies);
  const invoices = Number(values.invoices);
  for (let c = 0; c < companies; c++) {
    const share = Math.floor(invoices / companies) + (c < invoices % companies ? 1 : 0);
    generateCompany(r, ids, { firmId: 'f', index: c, invoices: share, asOf });
  }
  return (performance.now() - t) / 1000;
}

async function freshPg(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

const targets: { engine: string; url: string }[] = [];
if (values.sqlite) targets.push({ engine: 'SQLite', url: `file:${values.sqlite}` });
if (values.pg) targets.push({ engine: 'PostgreSQL', url: values.pg });
let seed = values.seed;
if (!targets.length) {
  targets.push({ engine: 'SQLite', url: `file:${join(mkdtempSync(join(tmpdir(), 'fact-bench-')), 'bench.sqlite')}` });
  seed = true;
}
const generationSeconds = seed ? generationOnly() : 0;
for (const t of targets) {
  if (seed) {
    if (t.engine === 'SQLite') rmSync(t.url.slice('file:'.length), { force: true });
    else await freshPg(t.url);
    await seedFresh(t.url, t.engine, generationSeconds);
  }
  const db = createDb(t.url);
  await db.migrate();
  if (db.dialect === 'pg') await db.run(sql`analyze`);
  await benchQueries(db, t.engine);
  await db.close();
}

const [pgVersion] = values.pg ? await (async () => {
  const c = new pg.Client({ connectionString: values.pg });
  await c.connect();
  const r = await c.query<{ v: string }>("select current_setting('server_version') as v");
  await c.end();
  return [r.rows[0]?.v];
})() : [undefined];

writeSection(
  'db-queries',
  [
    '## @fact/db — dashboard queries and bulk load (issue 3)',
    '',
    `What: the receivables dashboard as an accountant opens it, on the seeded data set (as of ${asOf}): firm-wide KPIs for every company, one company's ageing, an invoice list page, each through the repositories (drizzle) and, as the floor, the same SQL through the bare driver (better-sqlite3 prepared statement / node-postgres pool). KPIs and ageing read the running totals (\`receivable_due_totals\`, \`sales_day_totals\`) that invoice triggers keep; list pages use the (company, status, due date, id) and (company, debtor, issue date, id) indexes with a row-value keyset cursor. ${runs} runs (KPIs ${Math.min(runs, 60)}) after 5 warm-up runs, companies and debtors varied per run. SQLite ${sqliteVersion} file (WAL, synchronous=FULL); PostgreSQL ${pgVersion ?? '—'} server on 127.0.0.1 (default configuration).`,
    '',
    '| measurement | engine | data | median | p95 | budget (p95) | floor p95 | ratio p95/floor | load avg (1 min) |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const unit = r.budget.endsWith(' s') ? (v: number) => `${(v / 1000).toFixed(1)} s` : (v: number) => `${fmt(v)} ms`;
      return `| ${r.what} | ${r.engine} | ${r.size} | ${unit(r.median)} | ${unit(r.p95)} | ${r.budget} | ${r.floor} | ${r.ratio} | ${r.load} |`;
    }),
    '',
    seed
      ? '- The seed is one run (median = p95); its floor is generating the same rows in memory without a database. On PostgreSQL the server’s own CPU is not in the process CPU figure.'
      : '- The data was loaded beforehand by `pnpm db:seed`; the seed itself is timed alone in the section “the 1,000,000-invoice seed” below (`pnpm --filter @fact/db bench:seed`).',
    '- The machine is shared (2 cores, up to 8 other jobs): the load average column says how contended each figure is; wall-clock figures under load 4+ are pessimistic.',
  ].join('\n'),
);
console.log('wrote the db-queries section of BENCHMARKS.md');

// `pnpm bench [--url <db>] [--seed-invoices N] [--companies N] [--out BENCHMARKS.md]`
// Times the dashboard queries through the repositories and, as the floor, the same SQL through
// the bare driver. Without --url it seeds a fresh SQLite file and a PGlite database.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { createDb } from '../src/client/createDb.js';
import type { DbHandle } from '../src/client/types.js';
import { listInvoices } from '../src/repo/invoiceList.js';
import { ageing, companyKpis } from '../src/repo/kpis.js';
import { seedDatabase } from '../src/seed/seed.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', multiple: true },
    'seed-invoices': { type: 'string', default: '100000' },
    companies: { type: 'string', default: '200' },
    'as-of': { type: 'string', default: '2025-06-30' },
    out: { type: 'string', default: 'BENCHMARKS.md' },
  },
});
const asOf = values['as-of'];

async function time(fn: () => Promise<unknown>, runs: number): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)]!, p95: ms[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]! };
}

/** The same SQL as the repository, through the bare driver: the floor. */
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

interface Line {
  what: string;
  budget: number;
  repo: { median: number; p95: number };
  floor: { median: number; p95: number };
}

async function benchOne(db: DbHandle, label: string): Promise<{ label: string; invoices: number; lines: Line[] }> {
  const [{ n } = { n: 0 }] = await db.all<{ n: unknown }>(sql`select count(*) as n from invoices`);
  const companies = (await db.all<{ id: string; firm_id: string }>(sql`select id, firm_id from companies order by id`)).map((c) => c.id);
  const firmId = (await db.all<{ id: string }>(sql`select id from firms order by id limit 1`))[0]!.id;
  const one = companies[Math.floor(companies.length / 2)]!;
  const run = rawRunner(db);
  const ph = (i: number) => (db.dialect === 'sqlite' ? '?' : `$${i}`);
  const lines: Line[] = [];

  const ids = companies.map((_, i) => ph(i + 1)).join(', ');
  const ids2 = companies.map((_, i) => ph(i + companies.length + 1)).join(', ');
  const from = new Date(Date.parse(`${asOf}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  const kpiSql = `select company_id, sum(outstanding), sum(overdue), sum(open_count), sum(sales) from (
      select company_id, case when kind = 'invoice' then open_amount_cents else -open_amount_cents end as outstanding,
        case when kind = 'invoice' and due_date < ${ph(2 * companies.length + 1)} then open_amount_cents else 0 end as overdue,
        case when kind = 'invoice' then 1 else 0 end as open_count, 0 as sales
      from invoices where company_id in (${ids}) and status = 'open'
      union all
      select company_id, 0, 0, 0, case when kind = 'invoice' then total_cents else -total_cents end
      from invoices where company_id in (${ids2}) and issue_date >= ${ph(2 * companies.length + 2)} and issue_date <= ${ph(2 * companies.length + 3)}
        and status in ('open', 'paid', 'written_off')) as f group by company_id`;
  lines.push({
    what: `firm-wide KPIs (outstanding, overdue, DSO) for ${companies.length} companies`,
    budget: 150,
    repo: await time(() => companyKpis(db, { firmId, companyIds: companies }, asOf), 30),
    floor: await time(() => run(kpiSql, [...companies, ...companies, asOf, from, asOf]), 30),
  });
  const d = (k: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - k * 86_400_000).toISOString().slice(0, 10);
  const ageSql = `select sum(case when due_date >= ${ph(1)} then open_amount_cents else 0 end), sum(case when due_date < ${ph(2)} and due_date >= ${ph(3)} then open_amount_cents else 0 end),
      sum(case when due_date < ${ph(4)} then open_amount_cents else 0 end) from invoices where company_id = ${ph(5)} and status = 'open'`;
  lines.push({
    what: 'one company ageing (5 buckets)',
    budget: 10,
    repo: await time(() => ageing(db, { companyId: one }, asOf), 200),
    floor: await time(() => run(ageSql, [asOf, asOf, d(30), d(90), one]), 200),
  });
  const listSql = `select i.*, d.name from invoices i join debtors d on d.company_id = i.company_id and d.id = i.debtor_id
      where i.company_id = ${ph(1)} and i.status in (${ph(2)}) and i.due_date >= ${ph(3)} order by i.due_date desc, i.id desc limit 51`;
  lines.push({
    what: 'invoice list page (50 rows, status + due-date filter, sorted by due date)',
    budget: 20,
    repo: await time(() => listInvoices(db, { companyId: one }, { status: ['open'], dueFrom: d(365), sort: 'dueDate', direction: 'desc', limit: 50 }), 200),
    floor: await time(() => run(listSql, [one, 'open', d(365)]), 200),
  });
  return { label, invoices: Number(n), lines };
}

const targets: { label: string; url: string; seed: boolean }[] = values.url?.length
  ? values.url.map((u) => ({ label: u.startsWith('postgres') ? 'PostgreSQL' : u.startsWith('pglite') ? 'PGlite' : 'SQLite', url: u, seed: false }))
  : (() => {
      const dir = mkdtempSync(join(tmpdir(), 'fact-bench-'));
      return [
        { label: 'SQLite', url: `file:${join(dir, 'bench.sqlite')}`, seed: true },
        { label: 'PGlite', url: `pglite:${join(dir, 'pglite')}`, seed: true },
      ];
    })();

const results = [];
for (const t of targets) {
  const db = createDb(t.url);
  await db.migrate();
  let seedLine = '';
  if (t.seed) {
    const r = await seedDatabase(db, { companies: Number(values.companies), invoices: Number(values['seed-invoices']), asOf, demoUsers: false });
    seedLine = `seeded ${r.invoices} invoices (${r.rows} rows) across ${r.companies} companies in ${r.seconds.toFixed(1)} s`;
    console.log(`${t.label}: ${seedLine}`);
  }
  const res = await benchOne(db, t.label);
  results.push({ ...res, seedLine });
  for (const l of res.lines)
    console.log(`${t.label} ${l.what}: median ${l.repo.median.toFixed(2)} ms, p95 ${l.repo.p95.toFixed(2)} ms (budget ${l.budget}), floor p95 ${l.floor.p95.toFixed(2)} ms`);
  await db.close();
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
const md = [
  '# @fact/db benchmarks',
  '',
  `Machine: ${machine}. As-of date ${asOf}. Run: \`pnpm bench\` in packages/db.`,
  '',
  ...results.flatMap((r) => [
    `## ${r.label}: ${r.invoices.toLocaleString('en')} invoice rows`,
    '',
    ...(r.seedLine ? [r.seedLine, ''] : []),
    '| query | median ms | p95 ms | budget p95 ms | floor (raw SQL) p95 ms | ratio p95 / floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.lines.map((l) => `| ${l.what} | ${l.repo.median.toFixed(2)} | ${l.repo.p95.toFixed(2)} | ${l.budget} | ${l.floor.p95.toFixed(2)} | ${(l.repo.p95 / l.floor.p95).toFixed(2)} |`),
    '',
  ]),
].join('\n');
writeFileSync(values.out, md);
console.log(`wrote ${values.out}`);

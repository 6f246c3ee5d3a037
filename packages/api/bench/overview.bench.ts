// Budget: the firm dashboard (overview.firm through createCaller) answers in p95 < 300 ms for
// 200 companies / 1,000,000 invoices, once its per-company books are cached. Measured: the cold
// call (cache cleared: every open invoice read and evaluated), the warm call (nothing changed),
// the call after one company changed (one book recomputed), and, if BENCH_PORTAL_URL is set, the
// whole /dashboard page over HTTP. Floor: the same aggregates as ONE raw SQL query over invoices.
//
// Seed first (a temp file; ~2 min):
//   pnpm db:seed --companies 200 --invoices 1000000 --as-of 2026-11-20 --url file:/tmp/overview-bench/fact.sqlite
// Then: BENCH_DB_URL=file:/tmp/overview-bench/fact.sqlite BENCH_AS_OF=2026-11-20 \
//   pnpm --filter @fact/api exec tsx --conditions=@fact/source bench/overview.bench.ts
import { fmt, machine, median, p95, writeSection } from '@fact/bench-tools';
import { createDb, DEMO_USERS } from '@fact/db';
import { sql } from 'drizzle-orm';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadAuthUser } from '../src/auth/sessions.js';
import { createContextInner } from '../src/context.js';
import { createCaller } from '../src/index.js';
import { clearBookCache } from '../src/services/overview/book-cache.js';
import { clearTrendCache, trendDays } from '../src/services/overview/overdue-trend.js';

const URL = process.env.BENCH_DB_URL ?? 'file:/tmp/overview-bench/fact.sqlite';
const AS_OF = process.env.BENCH_AS_OF ?? '2026-11-20';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const BUDGET_MS = 300;

const db = createDb(URL);
const t = db.tables;
const accountant = (await db.db.select({ id: t.users.id }).from(t.users).where(sql`${t.users.email} = ${DEMO_USERS[0].email}`))[0];
if (!accountant) throw new Error(`no ${DEMO_USERS[0].email} in ${URL}: seed the database first`);
const user = (await loadAuthUser(db, accountant.id, { kind: 'internal' }))!;
const api = createCaller(createContextInner({ db, user, clock: () => new Date(`${AS_OF}T10:00:00Z`) }));
const [size] = await db.all<{ companies: unknown; invoices: unknown; open: unknown }>(
  sql`select (select count(*) from companies) as companies, (select count(*) from invoices) as invoices, (select count(*) from invoices where status = 'open' and kind = 'invoice') as open`,
);

// The seed writes no reminders; give every third overdue open invoice a sent reminder (level 2,
// a week after its due date) so the evaluator works through real reminder histories.
const [events] = await db.all<{ n: unknown }>(sql`select count(*) as n from dunning_events where level >= 2`);
if (Number(events?.n) === 0 && db.dialect === 'sqlite') {
  await db.transaction((tx) =>
    tx.run(sql`
      insert into dunning_events (id, company_id, debtor_id, invoice_id, level, action, channel, occurred_on, interest_cents, fees_cents, created_at)
      select lower(hex(randomblob(16))), company_id, debtor_id, id, 2, 'reminder', 'email', date(due_date, '+7 days'), 0, 0, 0
      from invoices
      where status = 'open' and kind = 'invoice' and open_amount_cents > 0 and date(due_date, '+7 days') <= ${AS_OF} and (rowid % 3) = 0`),
  );
}
const [reminded] = await db.all<{ n: unknown }>(sql`select count(distinct invoice_id) as n from dunning_events where level >= 2`);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const call = () => api.overview.firm({ asOf: AS_OF });
const cold: number[] = [];
for (let k = 0; k < COLD_RUNS; k++) {
  clearBookCache(db);
  cold.push(await time(call));
}
const first = await call();
const warm: number[] = [];
for (let k = 0; k < RUNS; k++) warm.push(await time(call));

// One company changes (a dunning event appended): only its book is read again.
const changed = first.companies[0]!;
const debtor = (await db.db.select({ id: t.debtors.id }).from(t.debtors).where(sql`${t.debtors.companyId} = ${changed.companyId}`).limit(1))[0]!;
const afterChange: number[] = [];
for (let k = 0; k < Math.min(RUNS, 10); k++) {
  await db.transaction((tx) =>
    tx.db.insert(tx.tables.dunningEvents).values({ id: crypto.randomUUID(), companyId: changed.companyId, debtorId: debtor.id, invoiceId: null, level: 1, action: 'note', channel: 'other', occurredOn: AS_OF }),
  );
  afterChange.push(await time(call));
}

// Floor: the same aggregates in one raw SQL query (no policy, no exclusions, no VAT rule: an
// overdue count stands in for "reminders due", NL VAT due a year ago for the relief).
const floor: number[] = [];
const yearAgo = `${Number(AS_OF.slice(0, 4)) - 1}${AS_OF.slice(4)}`;
for (let k = 0; k < 5; k++) {
  floor.push(
    await time(() =>
      db.all(sql`
        select i.company_id, sum(i.open_amount_cents) as open_cents,
               sum(case when i.due_date < ${AS_OF} then i.open_amount_cents else 0 end) as overdue,
               sum(case when i.due_date < ${AS_OF} then 1 else 0 end) as overdue_count,
               sum(case when c.country = 'NL' and i.due_date <= ${yearAgo} then i.vat_cents * i.open_amount_cents / i.total_cents else 0 end) as vat
        from invoices i join companies c on c.id = i.company_id
        where i.status = 'open' and i.kind = 'invoice' and i.open_amount_cents > 0
        group by i.company_id`),
    ),
  );
}

// The overdue trend (12 month ends, rebuilt from the ledger's history): firm-wide on the
// dashboard, one company on its page. Cold = cache cleared; warm = nothing changed; after one
// company changed = its series rebuilt. Floor: the same sums (invoices and their live
// allocations per point) for every company as ONE raw SQL query.
const trendCall = () => api.overview.trend({ asOf: AS_OF });
const trendCold: number[] = [];
for (let k = 0; k < COLD_RUNS; k++) {
  clearTrendCache(db);
  trendCold.push(await time(trendCall));
}
const trendWarm: number[] = [];
for (let k = 0; k < RUNS; k++) trendWarm.push(await time(trendCall));
const trendAfter: number[] = [];
for (let k = 0; k < Math.min(RUNS, 10); k++) {
  await db.transaction((tx) =>
    tx.db.insert(tx.tables.dunningEvents).values({ id: crypto.randomUUID(), companyId: changed.companyId, debtorId: debtor.id, invoiceId: null, level: 1, action: 'note', channel: 'other', occurredOn: AS_OF }),
  );
  trendAfter.push(await time(trendCall));
}
const companyIds = first.companies.map((c) => c.companyId);
const companyCold: number[] = [];
for (let k = 0; k < RUNS; k++) {
  clearTrendCache(db);
  const companyId = companyIds[(k * 37) % companyIds.length]!;
  companyCold.push(await time(() => api.reports.overdueTrend({ companyId, asOf: AS_OF })));
}
const companyWarm: number[] = [];
for (let k = 0; k < RUNS; k++) companyWarm.push(await time(() => api.reports.overdueTrend({ companyId: companyIds[0]!, asOf: AS_OF })));
const days = trendDays(AS_OF);
const sums = (part: string, cents: string, open: (d: string) => string, late: (d: string) => string) =>
  days.map((d, k) => sql.raw(`sum(case when ${open(d)} then ${cents} else 0 end) as o${k}_${part}, sum(case when ${late(d)} then ${cents} else 0 end) as d${k}_${part}`));
const trendFloor: number[] = [];
for (let k = 0; k < 5; k++) {
  trendFloor.push(
    await time(async () => {
      await db.all(sql`select i.company_id, ${sql.join(sums('i', 'i.total_cents', (d) => `i.issue_date <= '${d}'`, (d) => `i.due_date < '${d}'`), sql`, `)}
        from invoices i where i.kind = 'invoice' and i.status in ('open', 'paid') and i.issue_date <= ${AS_OF} group by i.company_id`);
      await db.all(sql`select i.company_id, ${sql.join(sums('a', 'a.amount_cents', (d) => `a.allocated_on <= '${d}'`, (d) => `a.allocated_on <= '${d}' and i.due_date < '${d}'`), sql`, `)}
        from invoices i join allocations a on a.invoice_id = i.id and a.company_id = i.company_id
        where i.kind = 'invoice' and i.status in ('open', 'paid') and a.reversed_at is null and a.allocated_on <= ${AS_OF} group by i.company_id`);
    }),
  );
}

// JavaScript the dashboard ships (client build of apps/portal, when it was built).
const portalDir = fileURLToPath(new globalThis.URL('../../../apps/portal/', import.meta.url));
const js = existsSync(`${portalDir}.svelte-kit/output/client/.vite/manifest.json`)
  ? (execFileSync('node', ['scripts/measure-js.mjs'], { cwd: portalDir, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '')
  : 'not measured (build apps/portal first)';

let http = '';
const portal = process.env.BENCH_PORTAL_URL;
if (portal) {
  // The log-in form's password action (a second action takes the TOTP code when one is set up).
  const login = await fetch(`${portal}/login?/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal },
    body: new URLSearchParams({ email: DEMO_USERS[0].email, password: DEMO_USERS[0].password }),
    redirect: 'manual',
  });
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`log-in at ${portal} gave no session cookie (status ${login.status})`);
  const page: number[] = [];
  let bytes = 0;
  for (let k = 0; k < RUNS + 2; k++) {
    const ms = await time(async () => {
      // No redirects followed: a bounce to /login must fail the bench, not time the log-in page.
      const res = await fetch(`${portal}/dashboard`, { headers: { cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`/dashboard answered ${res.status}`);
      bytes = (await res.text()).length;
    });
    if (k >= 2) page.push(ms);
  }
  http = `| GET /dashboard over HTTP (built portal, warm, ${bytes.toLocaleString('en')} bytes of HTML) | ${RUNS} | ${fmt(median(page))} | ${fmt(p95(page))} |\n`;
}

const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
const md = `### Portal dashboard: \`overview.firm\` (${Number(size?.companies)} companies, ${Number(size?.invoices).toLocaleString('en')} invoices, ${Number(size?.open).toLocaleString('en')} open, ${Number(reminded?.n).toLocaleString('en')} with a reminder sent)

Budget: p95 < ${BUDGET_MS} ms for the dashboard's server response. ${db.driver}, as of ${AS_OF}; load average ${load} (1/5/15 min) on ${machine()}.

| What | Runs | Median | p95 |
| --- | ---: | ---: | ---: |
| overview.firm, cold (cache cleared: every open invoice read and evaluated) | ${COLD_RUNS} | ${fmt(median(cold))} | ${fmt(p95(cold))} |
| overview.firm, warm (no change since the last call) | ${RUNS} | ${fmt(median(warm))} | ${fmt(p95(warm))} |
| overview.firm after one company changed (its book recomputed) | ${afterChange.length} | ${fmt(median(afterChange))} | ${fmt(p95(afterChange))} |
${http}| Floor: the same aggregates as one raw SQL query over the invoices | ${floor.length} | ${fmt(median(floor))} | ${fmt(p95(floor))} |
| overview.trend (firm overdue at 12 month ends), cold (cache cleared: every company's history read) | ${COLD_RUNS} | ${fmt(median(trendCold))} | ${fmt(p95(trendCold))} |
| overview.trend, warm (no change since the last call) | ${RUNS} | ${fmt(median(trendWarm))} | ${fmt(p95(trendWarm))} |
| overview.trend after one company changed (its series rebuilt) | ${trendAfter.length} | ${fmt(median(trendAfter))} | ${fmt(p95(trendAfter))} |
| reports.overdueTrend (company page), cold (one company's history read) | ${companyCold.length} | ${fmt(median(companyCold))} | ${fmt(p95(companyCold))} |
| reports.overdueTrend, warm | ${companyWarm.length} | ${fmt(median(companyWarm))} | ${fmt(p95(companyWarm))} |
| Floor of the trend: the same per-point sums for every company as raw SQL (invoices, then their live allocations) | ${trendFloor.length} | ${fmt(median(trendFloor))} | ${fmt(p95(trendFloor))} |

Warm p95 / budget: ${(p95(warm) / BUDGET_MS).toFixed(2)}; warm median / floor median: ${(median(warm) / median(floor)).toFixed(2)}. Every call reads the aggregates
(running totals kept by the invoice triggers), the data version of each company and the exclusions (disputes, holds, plans,
promises, factoring); a company's book of open invoices (reminder due per @fact/core's portfolio evaluator, VAT relief per
\`vatReliefEligibility\`) is read again only when its data version changed. The overdue trend is cached the same way (per company,
keyed by as-of date and data version); its cold p95 / floor p95: ${(p95(trendCold) / p95(trendFloor)).toFixed(2)}.

JavaScript shipped for the dashboard (apps/portal \`scripts/measure-js.mjs\`, with the trend chart): ${js}.
`;
console.log(md);
writeSection('portal-dashboard', md);
await db.close();

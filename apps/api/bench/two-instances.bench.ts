// `pnpm bench` (apps/api): two API server processes on one PostgreSQL database under the
// contending mix of test/two-instances-load.test.ts for 20 s, driven by autocannon from this
// process; throughput and latency per instance, the invariants checked afterwards, and a floor
// measured in the same run (a bare node:http server answering `{}` under the same driver).
// Needs TEST_POSTGRES_URL (tooling/ci/postgres.sh prints one).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeSection } from '@fact/bench-tools';
import { realPostgresUrl } from '@fact/db/testing';
import autocannon from 'autocannon';
import { dataDir, drive, seedForLoad, startInstance, verify } from '../test/load/harness.js';
import { throwAwayDatabase } from '../test/support/postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 4;
const BUDGET = { perSecond: 50, p95: 250 };

const server = realPostgresUrl();
if (!server) throw new Error('TEST_POSTGRES_URL must name a PostgreSQL server (bash tooling/ci/postgres.sh)');
const load0 = loadavg()[0]!;
const { url, drop } = await throwAwayDatabase(server);
const data = dataDir();
const instances = [];
try {
  const plan = await seedForLoad(url);
  const env = { DATABASE_URL: url, FACT_DATA_DIR: data.dir, DOCUMENTS_DIR: join(data.dir, 'documents') };
  instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
  const { figures, ledger } = await drive(instances, plan, { seconds: SECONDS, connections: CONNECTIONS });
  const { problems, summary } = await verify(url, plan, ledger, join(data.dir, 'outbox'));
  const loadEnd = loadavg()[0]!;

  // Floor: two bare HTTP servers in this process, same driver, same connections and duration.
  const bare = await Promise.all(
    [0, 1].map(
      () =>
        new Promise<{ url: string; close: () => void }>((resolve) => {
          const s = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{}')).listen(0, '127.0.0.1', () =>
            resolve({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => s.close() }),
          );
        }),
    ),
  );
  const floors = await Promise.all(bare.map((b) => autocannon({ url: b.url, connections: CONNECTIONS, duration: Math.min(SECONDS, 10), method: 'POST', body: '{}' })));
  bare.forEach((b) => b.close());

  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const rows = figures.map((f, k) => `| instance ${k + 1} | ${f.requests} | **${f.perSecond.toFixed(1)}** | ${ms(f.p50)} | **${ms(f.p95)}** | ${ms(f.p99)} | ${f.non2xx} | ${f.errors} |`);
  const floorRows = floors.map((f, k) => `| floor ${k + 1}: bare node:http, \`{}\` | ${f.requests.total} | ${(f.requests.total / Math.min(SECONDS, 10)).toFixed(0)} | ${f.latency.p50} ms | (p97.5 ${f.latency.p97_5} ms) | ${f.latency.p99} ms | 0 | ${f.errors} |`);
  const met = figures.every((f) => f.perSecond >= BUDGET.perSecond && f.p95 <= BUDGET.p95);
  writeSection(
    'api-two-instances',
    `## API: two instances on one PostgreSQL under a contending load

What: two \`apps/api\` server processes (tsx, one PostgreSQL 15 database on loopback), driven for ${SECONDS} s by autocannon from a
third process, ${CONNECTIONS} connections per instance. Mix per connection, in order: payments of 0.25 on 4 shared invoices
(the k-th reference of each driver is the same, so every payment is tried on both instances), \`invoice.update\` with the version
last seen (shared by both drivers: many are stale), and every 8th request \`dunningRun.runNow\` of one company (6 reminders).
Latency is measured per request from when autocannon builds it until its response.

| | requests | req / s | p50 | p95 | p99 | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
${floorRows.join('\n')}

Non-2xx are expected: a payment reference already taken (409), a stale version (409), an invoice already paid (400).
Outcome: payments stored ${summary.paymentsOk} (+ ${summary.paymentsInFlightStored} in flight at the stop), refused ${summary.paymentsRefused}; updates applied ${summary.updatesApplied},
refused as stale ${summary.updatesConflict}; dunning runs ${summary.dunningRuns}, reminders sent ${summary.remindersSent}. Invariants
(no lost or duplicate payment, sum = what clients were told, each version applied once, each reminder sent once): ${problems.length ? `**VIOLATED**: ${problems.join('; ')}` : 'all held'}.
Budget per instance: ≥ ${BUDGET.perSecond} req/s and p95 ≤ ${BUDGET.p95} ms. ${met ? 'Budget met.' : 'Budget NOT met.'}
Load average (1 min): ${load0.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end of the load — the machine is shared with other jobs.`,
  );
  console.log(JSON.stringify({ figures, summary, problems, load0, loadEnd }));
} finally {
  await Promise.all(instances.map((i) => i.stop()));
  await drop();
  data.remove();
}

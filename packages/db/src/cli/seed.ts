// `pnpm db:seed [--firms 1] [--companies 3] [--invoices 300] [--seed 1] [--as-of YYYY-MM-DD] [--url …]`
// Migrates, then writes deterministic demo data (same seed and as-of date → same rows).
// Without --as-of the data is generated as of today (UTC), so the demo looks current.
import { parseArgs } from 'node:util';
import { parseDate } from '@fact/core';
import { createDb } from '../client/createDb.js';
import { DEMO_USERS, seedDatabase } from '../seed/seed.js';

const { values } = parseArgs({
  options: {
    firms: { type: 'string', default: '1' },
    companies: { type: 'string', default: '3' },
    invoices: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    url: { type: 'string' },
  },
});

const whole = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${v}`);
  return n;
};

const asOf = parseDate(values['as-of'] ?? new Date().toISOString().slice(0, 10), 'as-of');
const db = createDb(values.url ?? process.env.DATABASE_URL);
await db.migrate();
// A database without companies was made for this seed: bulk mode (indexes rebuilt at the end).
// (Read in a transaction: on SQLite that keeps the read-only connection closed, see seed/load.ts.)
const fresh = await db.transaction(async (tx) => (await tx.db.select({ id: tx.tables.companies.id }).from(tx.tables.companies).limit(1)).length === 0);
const cpu = process.cpuUsage();
const result = await seedDatabase(db, {
  firms: whole('firms', values.firms),
  companies: whole('companies', values.companies),
  invoices: whole('invoices', values.invoices),
  seed: whole('seed', values.seed),
  asOf,
  fresh,
  onProgress: ({ companies, rows }) => {
    if (companies % 20 === 0) process.stdout.write(`  ${companies} companies, ${rows} rows\n`);
  },
});
await db.close();
const used = process.cpuUsage(cpu);
console.log(
  `seeded ${db.driver}${fresh ? ' (fresh, bulk mode)' : ''}: ${result.firms} firm(s), ${result.companies} companies, ${result.invoices} invoices, ${result.rows} rows in ${result.seconds.toFixed(1)} s (as of ${asOf}; this process ${(used.user / 1e6).toFixed(1)} s user + ${(used.system / 1e6).toFixed(1)} s sys CPU)`,
);
console.log(`demo users: ${DEMO_USERS.map((u) => `${u.email} / ${u.password}`).join(', ')}`);

import { addDays } from '@fact/core';
import { hashPassword } from '../auth/passwords.js';
import type { DbHandle, Executor } from '../client/types.js';
import { companyPlan, generateCompany, IdSource } from './generate.js';
import { BulkLoader } from './load.js';
import { Prng } from './prng.js';
import { generateInWorker } from './worker.js';

/** The demo factor of the first firm; `factor@demo.fact` works for it. */
export const DEMO_FACTOR_NAME = 'Demo Factoring NV';

/** The demo accounts of `pnpm start`, one per role. Passwords are public on purpose: demo only. */
export const DEMO_USERS = [
  { email: 'accountant@demo.fact', name: 'Demo Accountant', role: 'accountant', password: 'demo-accountant' },
  { email: 'entrepreneur@demo.fact', name: 'Demo Entrepreneur', role: 'entrepreneur', password: 'demo-entrepreneur' },
  { email: 'factor@demo.fact', name: 'Demo Factor', role: 'factor', password: 'demo-factor' },
] as const;

/** What to generate. */
export interface SeedOptions {
  firms?: number;
  companies?: number;
  invoices?: number;
  seed?: number;
  /** The "today" of the data (payments after it have not happened). Same seed + asOf → same data. */
  asOf: string;
  /**
   * The database was created for this seed and is thrown away if the seed fails (the CLI on a
   * new file, the benchmarks): secondary indexes are dropped during the load and rebuilt once at
   * the end. Never on a database holding real data.
   */
  fresh?: boolean;
  /** Create the demo users (default true). */
  demoUsers?: boolean;
  onProgress?: (done: { companies: number; rows: number }) => void;
  /**
   * Write everything inside this open transaction of `db` instead of one transaction per
   * company (used by {@link seedDemoIfEmpty} so the emptiness check and the seed commit together).
   */
  within?: Executor;
  /** Password hashes of {@link DEMO_USERS}, in order, when already computed (keeps a lock short). */
  passwordHashes?: readonly string[];
}

/** Counts of what was written. */
export interface SeedResult {
  firms: number;
  companies: number;
  invoices: number;
  rows: number;
  seconds: number;
}

/**
 * Fills a migrated database with deterministic demo data: `firms` firms sharing `companies`
 * companies and `invoices` invoices (with lines, payments, allocations, credit notes and
 * disputes), plus demo users: the accountant is a member of the first firm, the entrepreneur of
 * its first company, and the factor user of the first firm's demo factor ({@link DEMO_FACTOR_NAME}),
 * which sees the batches the firm sells to it.
 *
 * @example
 * ```ts
 * await seedDatabase(db, { companies: 3, invoices: 300, asOf: '2025-06-30' });
 * ```
 */
export async function seedDatabase(db: DbHandle, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const firms = options.firms ?? 1;
  const companies = options.companies ?? 3;
  const invoices = options.invoices ?? 300;
  const r = new Prng(options.seed ?? 1);
  const ids = new IdSource(r);
  const loader = new BulkLoader(db, { fresh: options.fresh === true && !options.within });
  const t = db.tables;
  const created = addDays(options.asOf, -730);
  const firmIds: string[] = [];
  const inTx = <T>(fn: (tx: Executor) => Promise<T>): Promise<T> => (options.within ? fn(options.within) : db.transaction(fn));
  await inTx(async (tx) => {
    for (let f = 0; f < firms; f++) {
      const id = ids.next(created);
      firmIds.push(id);
      await tx.db.insert(t.firms).values({ id, name: f === 0 ? 'Demo Accountants' : `Accountancy ${f + 1}`, country: f % 3 === 2 ? 'NL' : 'BE', createdAt: new Date(`${created}T09:00:00Z`) });
    }
  });
  let rows = firms;
  const companyIds: string[] = [];
  const plan = { companies, invoices, firmIds, asOf: options.asOf };
  const load = async (): Promise<void> => {
    if (loader.copies && !options.within) {
      // PostgreSQL server: generation and COPY encoding in a worker thread, one company ahead,
      // while this thread streams the previous company to the server (see seed/worker.ts).
      const companiesOut = generateInWorker({ ...plan, prng: r.state, idLast: ids.last });
      try {
        for (let step = await companiesOut.next(); ; step = await companiesOut.next()) {
          if (step.done) {
            r.state = step.value.prng;
            ids.last = step.value.idLast;
            break;
          }
          companyIds.push(step.value.companyId);
          rows += await loader.loadEncoded(step.value);
          options.onProgress?.({ companies: companyIds.length, rows });
        }
      } finally {
        // A failed load must not leave the worker (and so the process) running.
        await companiesOut.return(undefined as never);
      }
      return;
    }
    for (let c = 0; c < companies; c++) {
      const data = generateCompany(r, ids, companyPlan(c, plan));
      companyIds.push(data.company.id as string);
      rows += await loader.loadCompany(data, options.within);
      options.onProgress?.({ companies: c + 1, rows });
    }
  };
  // Inside a caller's transaction the pragmas cannot change; the demo seed is small anyway.
  await (options.within ? load() : loader.run(load));
  if (options.demoUsers ?? true) {
    const hashes = options.passwordHashes ?? (await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password))));
    await inTx(async (tx) => {
      const factorId = ids.next(created);
      await tx.db.insert(t.factors).values({ id: factorId, firmId: firmIds[0]!, name: DEMO_FACTOR_NAME, email: 'intake@demo-factoring.example', createdAt: new Date(`${created}T09:00:00Z`) });
      rows += 1;
      for (const [i, u] of DEMO_USERS.entries()) {
        const userId = ids.next(created);
        await tx.db.insert(t.users).values({ id: userId, email: u.email, name: u.name, language: 'nl', passwordHash: hashes[i]! });
        const target =
          u.role === 'accountant'
            ? { firmId: firmIds[0]!, companyId: null, factorId: null }
            : u.role === 'factor'
              ? { firmId: null, companyId: null, factorId }
              : { firmId: null, companyId: companyIds[0] ?? null, factorId: null };
        if (target.firmId || target.companyId || target.factorId) await tx.db.insert(t.memberships).values({ id: ids.next(created), userId, role: u.role, ...target });
        rows += 2;
      }
    });
  }
  return { firms, companies, invoices, rows, seconds: (performance.now() - started) / 1000 };
}

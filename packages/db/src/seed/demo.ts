import { parseDate } from '@fact/core';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import type { DbHandle, Executor } from '../client/types.js';
import { DEMO_USERS, seedDatabase, type SeedResult } from './seed.js';

/** What {@link seedDemoIfEmpty} did. */
export interface DemoSeedOutcome {
  /** True when this call wrote the demo data; false when the database already had users. */
  seeded: boolean;
  /** Counts of what was written (null when nothing was). */
  result: SeedResult | null;
  /** The demo log-ins (email, role, password) to print. */
  logins: { email: string; role: string; password: string }[];
}

/** Any fixed number: the advisory-lock key of "seeding the demo" on PostgreSQL. */
const DEMO_SEED_LOCK = 4_207_331;

async function hasUsers(ex: Executor): Promise<boolean> {
  const rows = await ex.db.select({ id: ex.tables.users.id }).from(ex.tables.users).limit(1);
  return rows.length > 0;
}

const isBusy = (e: unknown) => (e as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * Fills a migrated database with the demo data (3 companies, 300 invoices, the demo users)
 * when it holds no user yet, and does nothing otherwise. Safe when two processes start at
 * once (the portal and the API server both call it): the emptiness check and the whole seed
 * run in ONE write transaction, which on PostgreSQL first takes a transaction-level advisory
 * lock and on SQLite is `BEGIN IMMEDIATE` (the file's write lock). The second process waits,
 * then sees the users and returns `seeded: false`.
 *
 * @example
 * ```ts
 * const { seeded, logins } = await seedDemoIfEmpty(db, { asOf: '2025-06-30' });
 * ```
 */
export async function seedDemoIfEmpty(
  db: DbHandle,
  options: { asOf: string; companies?: number; invoices?: number; seed?: number },
): Promise<DemoSeedOutcome> {
  parseDate(options.asOf, 'asOf');
  const logins = DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: u.password }));
  if (await hasUsers(db)) return { seeded: false, result: null, logins };
  // scrypt is slow on purpose: hash before taking the lock.
  const passwordHashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const attempt = () =>
    db.transaction(async (tx): Promise<SeedResult | null> => {
      if (tx.dialect === 'pg') await tx.run(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
      if (await hasUsers(tx)) return null;
      return seedDatabase(db, { companies: 3, invoices: 300, ...options, within: tx, passwordHashes });
    });
  // SQLite: the other process may hold the write lock longer than busy_timeout on a slow disk.
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const result = await attempt();
      return { seeded: result !== null, result, logins };
    } catch (e) {
      if (!isBusy(e) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

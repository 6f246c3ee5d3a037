import type { DbHandle } from '@fact/db';
import * as factDb from '@fact/db';
import type { Logger } from 'pino';

interface DemoSeed {
  seedDatabase(db: DbHandle, options: { asOf: string; companies?: number; invoices?: number }): Promise<{ companies: number; invoices: number }>;
  DEMO_USERS: readonly { email: string; role: string; password: string }[];
}

/** Whether the database holds no user yet (a fresh install). */
async function isEmpty(db: DbHandle): Promise<boolean> {
  return (await db.db.select({ id: db.tables.users.id }).from(db.tables.users).limit(1)).length === 0;
}

/**
 * Fills an empty database with @fact/db's deterministic demo data, as of `today`, and returns
 * the demo log-ins to print. Does nothing on a database that has users.
 *
 * @example
 * ```ts
 * const logins = await seedDemoIfEmpty(db, '2025-03-15', logger);
 * ```
 */
export async function seedDemoIfEmpty(db: DbHandle, today: string, logger: Logger): Promise<{ seeded: boolean; logins: { email: string; role: string; password: string }[] }> {
  // The seed generator is @fact/db's; read it by name so this file keeps working whichever way
  // that package exposes it.
  const seed = factDb as unknown as Partial<DemoSeed>;
  const logins = [...(seed.DEMO_USERS ?? [])];
  if (!(await isEmpty(db))) return { seeded: false, logins };
  if (typeof seed.seedDatabase !== 'function') {
    logger.warn('the database is empty and @fact/db exports no seedDatabase: run `pnpm db:seed` to add demo data');
    return { seeded: false, logins: [] };
  }
  logger.info('empty database: adding demo data');
  const result = await seed.seedDatabase(db, { asOf: today, companies: 3, invoices: 300 });
  logger.info({ companies: result.companies, invoices: result.invoices }, 'demo data added');
  return { seeded: true, logins };
}

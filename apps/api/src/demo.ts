import { seedDemoIfEmpty as seedDemo, type DbHandle } from '@fact/db';
import type { Logger } from 'pino';

/** The demo the product starts with: the same size as the portal's, whichever process seeds first. */
export const DEMO_SIZE = { companies: 12, invoices: 2400 } as const;

/**
 * Fills an empty database with @fact/db's deterministic demo data, as of `today`, and returns
 * the demo log-ins to print. Does nothing on a database that has users; safe when the portal
 * and this server start at the same time (@fact/db seeds inside one write transaction).
 *
 * @example
 * ```ts
 * const { logins } = await seedDemoIfEmpty(db, '2025-03-15', logger);
 * ```
 */
export async function seedDemoIfEmpty(
  db: DbHandle,
  today: string,
  logger: Logger,
): Promise<{ seeded: boolean; logins: { email: string; role: string; password: string }[] }> {
  const outcome = await seedDemo(db, { asOf: today, ...DEMO_SIZE });
  if (outcome.seeded) logger.info({ companies: outcome.result?.companies, invoices: outcome.result?.invoices }, 'demo data added');
  return { seeded: outcome.seeded, logins: outcome.logins };
}

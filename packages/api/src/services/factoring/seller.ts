// The seller's postal address and e-mail on the notices of assignment: @fact/db
// `companies.address` and `companies.email` (the same address letters print).
import { eq } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';

/** The seller's address as the notice of assignment prints it. */
export interface SellerDetails {
  street: string;
  postalCode: string;
  city: string;
  email?: string;
}

/**
 * The company's address (and e-mail when known), or null while no address is recorded.
 *
 * @example
 * ```ts
 * await readSeller(db, companyId); // { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' }
 * ```
 */
export async function readSeller(db: Database, companyId: string): Promise<SellerDetails | null> {
  const c = db.tables.companies;
  const row = (await db.db.select({ address: c.address, email: c.email }).from(c).where(eq(c.id, companyId)).limit(1))[0];
  if (!row?.address) return null;
  const { street, postalCode, city } = row.address;
  return { street, postalCode, city, ...(row.email ? { email: row.email } : {}) };
}

/**
 * Records the company's address (and e-mail when given; an e-mail already on file is kept
 * otherwise), bumping the company's version, audited in the same transaction.
 *
 * @example
 * ```ts
 * await writeSeller(db, { companyId, userId, now }, { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
 * ```
 */
export async function writeSeller(db: Database, env: { companyId: string; userId: string | null; now: Date }, seller: SellerDetails): Promise<SellerDetails> {
  return db.transaction(async (tx) => {
    const c = tx.tables.companies;
    const before = (await tx.db.select({ address: c.address, email: c.email, version: c.version }).from(c).where(eq(c.id, env.companyId)).limit(1))[0];
    if (!before) throw apiError.notFound('company', env.companyId);
    const address = { street: seller.street, postalCode: seller.postalCode, city: seller.city };
    const email = seller.email ?? before.email ?? null;
    await tx.db.update(c).set({ address, email, version: before.version + 1, updatedAt: env.now }).where(eq(c.id, env.companyId));
    await appendAudit(tx, {
      companyId: env.companyId,
      actorUserId: env.userId,
      action: 'factoring.seller.save',
      entityType: 'company',
      entityId: env.companyId,
      at: env.now,
      before: { address: before.address, email: before.email },
      after: { address, email },
    });
    return { ...address, ...(email ? { email } : {}) };
  });
}

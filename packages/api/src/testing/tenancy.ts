import { hashPassword, type DbHandle } from '@fact/db';
import { v7 as uuidv7 } from 'uuid';
import { loadAuthUser } from '../auth/sessions.js';
import type { AuthUser } from '../auth/user.js';
import { createContextInner, type ContextOptions } from '../context.js';
import { createCaller } from '../index.js';
import { memoryDocumentStore } from '../documents/store.js';

/** "Now" in every API test: 15 March 2025, 10:00 in Brussels. */
export const NOW = new Date('2025-03-15T09:00:00Z');
export const PASSWORD = 'correct horse battery staple';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

export interface Tenancy {
  firmA: string;
  firmB: string;
  /** Firm A's companies: A1 (Brussels) and A2; firm B's company B1 (Amsterdam). */
  companyA1: string;
  companyA2: string;
  companyB1: string;
  /** Firm A's two factors: the one `factorA1` works for, and a second one (`otherFactorA`). */
  factorA: string;
  factorA2: string;
  users: {
    accountantA: AuthUser;
    entrepreneurA1: AuthUser;
    factorA1: AuthUser;
    otherFactorA: AuthUser;
    accountantB: AuthUser;
    entrepreneurB1: AuthUser;
  };
  emails: Record<'accountantA' | 'entrepreneurA1' | 'factorA1' | 'otherFactorA' | 'accountantB' | 'entrepreneurB1', string>;
}

/**
 * Two firms, three companies, two factors of firm A and one user per role (and one for the
 * second factor), inserted directly (the API has no "create firm" procedure: firms are provisioned).
 *
 * @example
 * ```ts
 * const tenancy = await seedTenancy(db);
 * ```
 */
export async function seedTenancy(db: DbHandle): Promise<Tenancy> {
  const firmA = uuidv7();
  const firmB = uuidv7();
  const companyA1 = uuidv7();
  const companyA2 = uuidv7();
  const companyB1 = uuidv7();
  const factorA = uuidv7();
  const factorA2 = uuidv7();
  const passwordHash = await hashPassword(PASSWORD, CHEAP);
  const people = {
    accountantA: { email: 'anna@kantoor-a.be', firmId: firmA, companyId: null, factorId: null, role: 'accountant' },
    entrepreneurA1: { email: 'els@bakkerij-a1.be', firmId: null, companyId: companyA1, factorId: null, role: 'entrepreneur' },
    factorA1: { email: 'frank@factor.be', firmId: null, companyId: null, factorId: factorA, role: 'factor' },
    otherFactorA: { email: 'olga@second-factor.be', firmId: null, companyId: null, factorId: factorA2, role: 'factor' },
    accountantB: { email: 'bram@kantoor-b.nl', firmId: firmB, companyId: null, factorId: null, role: 'accountant' },
    entrepreneurB1: { email: 'eva@winkel-b1.nl', firmId: null, companyId: companyB1, factorId: null, role: 'entrepreneur' },
  } as const;
  const ids: Record<string, string> = {};
  await db.transaction(async (tx) => {
    const t = tx.tables;
    await tx.db.insert(t.firms).values([
      { id: firmA, name: 'Kantoor A', country: 'BE' },
      { id: firmB, name: 'Kantoor B', country: 'NL' },
    ]);
    await tx.db.insert(t.companies).values([
      { id: companyA1, firmId: firmA, legalName: 'Bakkerij A1 BV', country: 'BE', language: 'nl', timeZone: 'Europe/Brussels' },
      { id: companyA2, firmId: firmA, legalName: 'Garage A2 SRL', country: 'BE', language: 'fr', timeZone: 'Europe/Brussels' },
      { id: companyB1, firmId: firmB, legalName: 'Winkel B1 BV', country: 'NL', language: 'nl', timeZone: 'Europe/Amsterdam' },
    ]);
    await tx.db.insert(t.factors).values([
      { id: factorA, firmId: firmA, name: 'Factor NV' },
      { id: factorA2, firmId: firmA, name: 'Second Factor NV' },
    ]);
    for (const [key, p] of Object.entries(people)) {
      const id = uuidv7();
      ids[key] = id;
      await tx.db.insert(t.users).values({ id, email: p.email, name: key, passwordHash, language: 'nl' });
      await tx.db.insert(t.memberships).values({ id: uuidv7(), userId: id, firmId: p.firmId, companyId: p.companyId, factorId: p.factorId, role: p.role });
    }
  });
  const load = async (key: keyof typeof people) => (await loadAuthUser(db, ids[key]!, { kind: 'internal' }))!;
  return {
    firmA,
    firmB,
    companyA1,
    companyA2,
    companyB1,
    factorA,
    factorA2,
    users: {
      accountantA: await load('accountantA'),
      entrepreneurA1: await load('entrepreneurA1'),
      factorA1: await load('factorA1'),
      otherFactorA: await load('otherFactorA'),
      accountantB: await load('accountantB'),
      entrepreneurB1: await load('entrepreneurB1'),
    },
    emails: Object.fromEntries(Object.entries(people).map(([k, p]) => [k, p.email])) as Tenancy['emails'],
  };
}

/**
 * A caller acting as `user` at {@link NOW} (or another clock).
 *
 * @example
 * ```ts
 * const api = callerFor(db, tenancy.users.accountantA);
 * await api.firm.companies();
 * ```
 */
export function callerFor(db: DbHandle, user: AuthUser | null, extra: Partial<ContextOptions> = {}) {
  return createCaller(createContextInner({ db, user, clock: () => NOW, documents: sharedDocuments, ...extra }));
}

const sharedDocuments = memoryDocumentStore();

/**
 * The session token of a log-in that needed no second factor (fails the test otherwise).
 *
 * @example
 * ```ts
 * const token = sessionToken(await api.auth.login({ email, password }));
 * ```
 */
export function sessionToken(outcome: { status: 'signedIn'; token: string } | { status: 'totpRequired' }): string {
  if (outcome.status !== 'signedIn') throw new Error(`expected a session, got ${outcome.status}`);
  return outcome.token;
}

import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { Language, MembershipRole } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { inScope, type Scope } from './scope.js';

/** An accountancy office. */
export interface Firm {
  id: string;
  name: string;
  country: 'BE' | 'NL';
  createdAt: Date;
}

/** A user as the API sees it; the password hash is only given by {@link findUserByEmail}. */
export interface User {
  id: string;
  email: string;
  name: string;
  language: Language;
  disabled: boolean;
  createdAt: Date;
}

/** A user plus the stored `scrypt$…` hash, for signing in. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

/** What a membership grants: a firm (accountants), one company (entrepreneurs) or one factor (its staff, through `factor_id`, read by the API). */
export interface Membership {
  id: string;
  userId: string;
  firmId: string | null;
  companyId: string | null;
  role: MembershipRole;
}

/**
 * Creates a firm.
 *
 * @example
 * ```ts
 * const firm = await createFirm(db, { name: 'Boekhouding Peeters', country: 'BE' });
 * ```
 */
export async function createFirm(ex: Executor, input: { id?: string; name: string; country: 'BE' | 'NL' }): Promise<Firm> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() => tx.db.insert(t.firms).values({ id: input.id ?? newId(), name: input.name, country: input.country }).returning());
    return row as Firm;
  });
}

/**
 * A firm by id, or undefined. The caller must already know the user belongs to it.
 *
 * @example
 * ```ts
 * await getFirm(db, firmId);
 * ```
 */
export async function getFirm(ex: Executor, firmId: string): Promise<Firm | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.firms).where(eq(t.firms.id, firmId)).limit(1);
  return row as Firm | undefined;
}

/**
 * Creates a user. The email is stored lower-case; a second user with the same email is a
 * `DUPLICATE`.
 *
 * @example
 * ```ts
 * await createUser(db, { email: 'an@demo.be', name: 'An', language: 'nl', passwordHash: await hashPassword(pw) });
 * ```
 */
export async function createUser(
  ex: Executor,
  input: { id?: string; email: string; name: string; language: Language; passwordHash: string },
): Promise<User> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(t.users)
        .values({ id: input.id ?? newId(), email: input.email.trim().toLowerCase(), name: input.name, language: input.language, passwordHash: input.passwordHash })
        .returning(),
    );
    return toUser(row!);
  });
}

/**
 * Finds a user by email (case-insensitive), with the password hash, for signing in.
 *
 * @example
 * ```ts
 * const u = await findUserByEmail(db, 'An@Demo.be');
 * if (u && (await verifyPassword(pw, u.passwordHash))) …
 * ```
 */
export async function findUserByEmail(ex: Executor, email: string): Promise<UserWithPassword | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.users).where(eq(t.users.email, email.trim().toLowerCase())).limit(1);
  return row ? { ...toUser(row), passwordHash: row.passwordHash } : undefined;
}

/**
 * A user by id.
 *
 * @example
 * ```ts
 * await getUser(db, userId);
 * ```
 */
export async function getUser(ex: Executor, userId: string): Promise<User | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  return row ? toUser(row) : undefined;
}

function toUser(row: { id: string; email: string; name: string; language: Language; disabled: boolean; createdAt: Date }): User {
  return { id: row.id, email: row.email, name: row.name, language: row.language, disabled: row.disabled, createdAt: row.createdAt };
}

/**
 * Grants a user a role on a firm or on one company (exactly one of them).
 *
 * @example
 * ```ts
 * await addMembership(db, { userId, firmId, role: 'accountant' });
 * await addMembership(db, { userId, companyId, role: 'entrepreneur' });
 * ```
 */
export async function addMembership(
  ex: Executor,
  input: { userId: string; role: MembershipRole } & ({ firmId: string; companyId?: undefined } | { companyId: string; firmId?: undefined }),
): Promise<Membership> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(t.memberships)
        .values({ id: newId(), userId: input.userId, firmId: input.firmId ?? null, companyId: input.companyId ?? null, role: input.role })
        .returning(),
    );
    return toMembership(row!);
  });
}

/**
 * Everything a user is a member of.
 *
 * @example
 * ```ts
 * const ms = await listMemberships(db, userId);
 * ```
 */
export async function listMemberships(ex: Executor, userId: string): Promise<Membership[]> {
  const t = ex.tables;
  const rows = await ex.db.select().from(t.memberships).where(eq(t.memberships.userId, userId)).orderBy(asc(t.memberships.createdAt), asc(t.memberships.id));
  return rows.map(toMembership);
}

/**
 * The ids of the companies a user may see, with the role that grants each: all companies of
 * the firms they belong to, plus the companies they are a direct member of.
 *
 * @example
 * ```ts
 * const visible = await visibleCompanies(db, userId); // [{ companyId, firmId, role }]
 * ```
 */
export async function visibleCompanies(ex: Executor, userId: string): Promise<{ companyId: string; firmId: string; role: MembershipRole }[]> {
  const t = ex.tables;
  const rows = await ex.db
    .select({ companyId: t.companies.id, firmId: t.companies.firmId, role: t.memberships.role })
    .from(t.memberships)
    .innerJoin(t.companies, or(eq(t.companies.firmId, t.memberships.firmId), eq(t.companies.id, t.memberships.companyId)))
    .where(eq(t.memberships.userId, userId))
    .orderBy(asc(t.companies.legalName), asc(t.companies.id));
  return rows;
}

function toMembership(row: { id: string; userId: string; firmId: string | null; companyId: string | null; role: MembershipRole }): Membership {
  return { id: row.id, userId: row.userId, firmId: row.firmId, companyId: row.companyId, role: row.role };
}

/** A company followed by a firm. */
export interface Company {
  id: string;
  firmId: string;
  legalName: string;
  country: 'BE' | 'NL';
  enterpriseNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  language: Language;
  timeZone: string;
  dunningPolicy: Record<string, unknown> | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a company a user can set. */
export type CompanyInput = Omit<Company, 'id' | 'firmId' | 'version' | 'createdAt' | 'updatedAt'>;

/**
 * Creates a company under a firm.
 *
 * @example
 * ```ts
 * await createCompany(db, firmId, { legalName: 'Bakkerij Janssens BV', country: 'BE', language: 'nl', timeZone: 'Europe/Brussels', … });
 * ```
 */
export async function createCompany(ex: Executor, firmId: string, input: CompanyInput & { id?: string }): Promise<Company> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() => tx.db.insert(t.companies).values({ ...input, id: input.id ?? newId(), firmId }).returning());
    return row as Company;
  });
}

/**
 * A company within the scope, or undefined.
 *
 * @example
 * ```ts
 * await getCompany(db, { companyId });
 * ```
 */
export async function getCompany(ex: Executor, scope: Scope): Promise<Company | undefined> {
  if (!('companyId' in scope)) return undefined;
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.companies).where(inScope(t.companies.id, scope)).limit(1);
  return row as Company | undefined;
}

/**
 * The companies of a scope, by name.
 *
 * @example
 * ```ts
 * await listCompanies(db, { firmId, companyIds });
 * ```
 */
export async function listCompanies(ex: Executor, scope: Scope): Promise<Company[]> {
  const t = ex.tables;
  const firmFilter = 'firmId' in scope ? eq(t.companies.firmId, scope.firmId) : undefined;
  const rows = await ex.db
    .select()
    .from(t.companies)
    .where(and(inScope(t.companies.id, scope), firmFilter))
    .orderBy(asc(t.companies.legalName), asc(t.companies.id));
  return rows as Company[];
}

/**
 * Updates a company if `version` is still the stored one (optimistic locking); returns the new
 * row. Throws `NOT_FOUND` outside the scope and `STALE_VERSION` when someone else saved first.
 *
 * @example
 * ```ts
 * await updateCompany(db, { companyId }, { version: c.version, iban: 'BE68539007547034' });
 * ```
 */
export async function updateCompany(ex: Executor, scope: { companyId: string }, patch: Partial<CompanyInput> & { version: number }): Promise<Company> {
  const t = ex.tables;
  const { version, ...fields } = patch;
  return ex.transaction(async (tx) => {
    const rows = await guarded(() =>
      tx.db
        .update(t.companies)
        .set({ ...fields, version: sql`${t.companies.version} + 1`, updatedAt: new Date() })
        .where(and(eq(t.companies.id, scope.companyId), eq(t.companies.version, version)))
        .returning(),
    );
    if (rows[0]) return rows[0] as Company;
    const exists = await tx.db.select({ id: t.companies.id }).from(t.companies).where(eq(t.companies.id, scope.companyId));
    throw exists.length ? new DbError('STALE_VERSION', 'company: changed since it was read', 'version') : new DbError('NOT_FOUND', 'company: not found');
  });
}

/** Only used by tests and the seed: the companies of a firm. @internal */
export async function companyIdsOfFirm(ex: Executor, firmId: string): Promise<string[]> {
  const t = ex.tables;
  const rows = await ex.db.select({ id: t.companies.id }).from(t.companies).where(eq(t.companies.firmId, firmId));
  return rows.map((r) => r.id);
}


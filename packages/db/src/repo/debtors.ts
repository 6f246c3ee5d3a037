import type { Money } from '@fact/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { ContactRole, DebtorKind, Language } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { found, versioned } from './locking.js';
import { centsOrNull, moneyOrNull } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A contact at a debtor. The first one (position 0) is the billing/finance contact. */
export interface DebtorContact {
  role: ContactRole;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language | null;
}

/** A debtor with its contacts in order. */
export interface Debtor {
  id: string;
  companyId: string;
  kind: DebtorKind;
  name: string;
  language: Language;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  vatNumber: string | null;
  enterpriseNumber: string | null;
  externalRef: string | null;
  isSupplier: boolean;
  antiAssignmentClause: boolean;
  creditLimit: Money | null;
  contacts: DebtorContact[];
  version: number;
}

/** What a user sets on a debtor. */
export type DebtorInput = Omit<Debtor, 'id' | 'companyId' | 'version' | 'contacts' | 'street' | 'postalCode' | 'city' | 'vatNumber' | 'enterpriseNumber' | 'externalRef' | 'isSupplier' | 'antiAssignmentClause' | 'creditLimit'> &
  Partial<Pick<Debtor, 'street' | 'postalCode' | 'city' | 'vatNumber' | 'enterpriseNumber' | 'externalRef' | 'isSupplier' | 'antiAssignmentClause' | 'creditLimit' | 'contacts'>>;

/** Billing/finance contacts go first, then the others in the order given. */
function orderContacts(contacts: readonly DebtorContact[]): DebtorContact[] {
  const first = (c: DebtorContact) => (c.role === 'billing' ? 0 : c.role === 'finance' ? 1 : 2);
  return contacts.map((c, i) => ({ c, i })).sort((a, b) => first(a.c) - first(b.c) || a.i - b.i).map((x) => x.c);
}

function columns<I extends Partial<DebtorInput>>(input: I) {
  const { contacts: _c, creditLimit, ...rest } = input;
  return { ...rest, ...(creditLimit !== undefined ? { creditLimitCents: centsOrNull(creditLimit, 'creditLimit') } : {}) } as Omit<I, 'contacts' | 'creditLimit'> & { creditLimitCents?: number | null };
}

async function writeContacts(tx: Executor, companyId: string, debtorId: string, contacts: readonly DebtorContact[]): Promise<void> {
  const t = tx.tables;
  await tx.db.delete(t.debtorContacts).where(and(eq(t.debtorContacts.companyId, companyId), eq(t.debtorContacts.debtorId, debtorId)));
  const ordered = orderContacts(contacts);
  if (ordered.length)
    await guarded(() =>
      tx.db.insert(t.debtorContacts).values(
        ordered.map((c, position) => ({ id: newId(), companyId, debtorId, position, role: c.role, name: c.name, email: c.email, phone: c.phone, language: c.language })),
      ),
    );
}

/**
 * Creates a debtor with its contacts, in one transaction.
 *
 * @example
 * ```ts
 * await createDebtor(db, { companyId }, { kind: 'business', name: 'Brouwerij De Kroon NV', language: 'nl', country: 'BE',
 *   contacts: [{ role: 'billing', name: 'Els', email: 'ap@kroon.be', phone: null, language: 'nl' }] });
 * ```
 */
export async function createDebtor(ex: Executor, scope: CompanyScope, input: DebtorInput & { id?: string }): Promise<Debtor> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const id = input.id ?? newId();
    await guarded(() => tx.db.insert(t.debtors).values({ ...columns(input), id, companyId: scope.companyId }));
    await writeContacts(tx, scope.companyId, id, input.contacts ?? []);
    return found('debtor', await getDebtor(tx, scope, id));
  });
}

/**
 * A debtor of the scope with its contacts, or undefined (also for another company's debtor).
 *
 * @example
 * ```ts
 * const d = await getDebtor(db, { companyId }, debtorId);
 * ```
 */
export async function getDebtor(ex: Executor, scope: Scope, debtorId: string): Promise<Debtor | undefined> {
  const t = ex.tables;
  const [row] = await ex.db.select().from(t.debtors).where(and(inScope(t.debtors.companyId, scope), eq(t.debtors.id, debtorId))).limit(1);
  if (!row) return undefined;
  const contacts = await ex.db
    .select()
    .from(t.debtorContacts)
    .where(and(eq(t.debtorContacts.companyId, row.companyId), eq(t.debtorContacts.debtorId, row.id)))
    .orderBy(asc(t.debtorContacts.position));
  const { creditLimitCents, createdAt: _a, updatedAt: _b, ...rest } = row;
  return {
    ...rest,
    creditLimit: moneyOrNull(creditLimitCents),
    contacts: contacts.map((c) => ({ role: c.role, name: c.name, email: c.email, phone: c.phone, language: c.language })),
  };
}

/**
 * The debtors of a scope, by name (without contacts), optionally filtered by a name search.
 *
 * @example
 * ```ts
 * await listDebtors(db, { companyId }, { search: 'kroon', limit: 50 });
 * ```
 */
export async function listDebtors(
  ex: Executor,
  scope: Scope,
  options: { search?: string; limit?: number; offset?: number } = {},
): Promise<Omit<Debtor, 'contacts'>[]> {
  const t = ex.tables;
  const search = options.search?.trim().toLowerCase();
  const rows = await ex.db
    .select()
    .from(t.debtors)
    .where(and(inScope(t.debtors.companyId, scope), search ? sql`lower(${t.debtors.name}) like ${`%${search}%`}` : undefined))
    .orderBy(asc(t.debtors.name), asc(t.debtors.id))
    .limit(Math.min(options.limit ?? 100, 1000))
    .offset(options.offset ?? 0);
  return rows.map(({ creditLimitCents, createdAt: _a, updatedAt: _b, ...rest }) => ({ ...rest, creditLimit: moneyOrNull(creditLimitCents) }));
}

/**
 * Updates a debtor with an optimistic version check; `contacts`, when given, replace the list.
 *
 * @example
 * ```ts
 * await updateDebtor(db, { companyId }, id, { version: d.version, antiAssignmentClause: true });
 * ```
 */
export async function updateDebtor(
  ex: Executor,
  scope: CompanyScope,
  debtorId: string,
  patch: Partial<DebtorInput> & { version: number },
): Promise<Debtor> {
  const t = ex.tables;
  const { version, ...fields } = patch;
  return ex.transaction(async (tx) => {
    const where = and(eq(t.debtors.companyId, scope.companyId), eq(t.debtors.id, debtorId));
    await versioned(
      'debtor',
      await guarded(() =>
        tx.db
          .update(t.debtors)
          .set({ ...columns(fields), version: sql`${t.debtors.version} + 1`, updatedAt: new Date() })
          .where(and(where, eq(t.debtors.version, version)))
          .returning({ id: t.debtors.id }),
      ),
      () => tx.db.select({ id: t.debtors.id }).from(t.debtors).where(where),
    );
    if (fields.contacts) await writeContacts(tx, scope.companyId, debtorId, fields.contacts);
    return found('debtor', await getDebtor(tx, scope, debtorId));
  });
}

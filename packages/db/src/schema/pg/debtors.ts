// Debtors (klanten / clients) of a company and their contacts.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { CONTACT_ROLES, DEBTOR_KINDS, LANGUAGES } from '../enums.js';
import { cents, flag, foreignKey, id, index, instant, int, oneOf, rule, table, text, textEnum, unique, uniqueIndex, wholeChecks } from './columns.js';
import { companies } from './tenancy.js';

const now = () => new Date();

/** Someone who owes the company money: a business (B2B) or a consumer (B2C). */
export const debtors = table(
  'debtors',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    kind: textEnum('kind', DEBTOR_KINDS).notNull(),
    name: text('name').notNull(),
    language: textEnum('language', LANGUAGES).notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-1 alpha-2; debtors may live outside BE/NL. */
    country: text('country').notNull(),
    vatNumber: text('vat_number'),
    enterpriseNumber: text('enterprise_number'),
    /** The company's own customer number for this debtor. */
    externalRef: text('external_ref'),
    /** Also a supplier of the company (set-off / verrekening may apply). */
    isSupplier: flag('is_supplier').notNull().default(false),
    /** The contract forbids assigning the receivable (matters for factoring). */
    antiAssignmentClause: flag('anti_assignment_clause').notNull().default(false),
    creditLimitCents: cents('credit_limit_cents'),
    version: int('version').notNull().default(1),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    updatedAt: instant('updated_at').notNull().$defaultFn(now),
  },
  (t) => [
    // Lets child rows reference (company_id, id), so the database refuses cross-tenant links.
    unique('debtors_company_id_unique').on(t.companyId, t.id),
    index('debtors_company_name_idx').on(t.companyId, t.name),
    uniqueIndex('debtors_company_external_ref_unique').on(t.companyId, t.externalRef),
    oneOf('debtors_kind_known', t.kind, DEBTOR_KINDS),
    oneOf('debtors_language_known', t.language, LANGUAGES),
    rule('debtors_credit_limit_positive', sql`${t.creditLimitCents} is null or ${t.creditLimitCents} >= 0`),
    ...wholeChecks('debtors', [t.creditLimitCents]),
  ],
);

/** A person at a debtor. `position` orders them: the billing/finance contact comes first (0). */
export const debtorContacts = table(
  'debtor_contacts',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    debtorId: id('debtor_id').notNull(),
    role: textEnum('role', CONTACT_ROLES).notNull(),
    position: int('position').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    language: textEnum('language', LANGUAGES),
  },
  (t) => [
    foreignKey({
      name: 'debtor_contacts_debtor_fk',
      columns: [t.companyId, t.debtorId],
      foreignColumns: [debtors.companyId, debtors.id],
    }).onDelete('cascade'),
    uniqueIndex('debtor_contacts_position_unique').on(t.debtorId, t.position),
    oneOf('debtor_contacts_role_known', t.role, CONTACT_ROLES),
    oneOf('debtor_contacts_language_known', t.language, LANGUAGES),
    rule('debtor_contacts_position_natural', sql`${t.position} >= 0`),
  ],
);

// Tenancy: accountancy offices (firms), the companies they follow, people and what they may see.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { COUNTRIES, LANGUAGES, MEMBERSHIP_ROLES } from '../enums.js';
import { flag, id, index, instant, int, json, oneOf, rule, table, text, textEnum, uniqueIndex } from './columns.js';

const now = () => new Date();

/** An accountancy office (boekhoudkantoor / cabinet comptable). */
export const firms = table(
  'firms',
  {
    id: id('id').primaryKey(),
    name: text('name').notNull(),
    country: textEnum('country', COUNTRIES).notNull(),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [oneOf('firms_country_known', t.country, COUNTRIES)],
);

/** A person who signs in. The email is stored lower-case and is unique. */
export const users = table(
  'users',
  {
    id: id('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `scrypt$N$r$p$salt$hash` (see passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    language: textEnum('language', LANGUAGES).notNull(),
    disabled: flag('disabled').notNull().default(false),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    oneOf('users_language_known', t.language, LANGUAGES),
    rule('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A signed-in session; `id` is the SHA-256 of the token the browser holds, never the token. */
export const sessions = table(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A token for non-browser clients (ERP sync, scripts). `id` is the keyed hash of the secret,
 * never the secret; `scopes` is a JSON array of what it may do. Revoking sets `revoked_at`.
 */
export const apiTokens = table(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: json<string[]>('scopes').notNull(),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    expiresAt: instant('expires_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** A business followed by a firm: the creditor whose invoices are chased. */
export const companies = table(
  'companies',
  {
    id: id('id').primaryKey(),
    firmId: id('firm_id')
      .notNull()
      .references(() => firms.id),
    legalName: text('legal_name').notNull(),
    country: textEnum('country', COUNTRIES).notNull(),
    /** BE KBO/BCE number (`0123.456.789`) or NL KvK number. */
    enterpriseNumber: text('enterprise_number'),
    vatNumber: text('vat_number'),
    iban: text('iban'),
    bic: text('bic'),
    language: textEnum('language', LANGUAGES).notNull(),
    /** IANA zone that turns "now" into the company's calendar date. */
    timeZone: text('time_zone').notNull(),
    /** The dunning policy (an opaque, versioned @fact/core policy document or overrides). */
    dunningPolicy: json<Record<string, unknown>>('dunning_policy'),
    version: int('version').notNull().default(1),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    updatedAt: instant('updated_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('companies_firm_idx').on(t.firmId),
    oneOf('companies_country_known', t.country, COUNTRIES),
    oneOf('companies_language_known', t.language, LANGUAGES),
  ],
);

/**
 * What a user may see: a whole firm (accountants) or one company (entrepreneurs, factors), with
 * a role. Exactly one of `firm_id` and `company_id` is set.
 */
export const memberships = table(
  'memberships',
  {
    id: id('id').primaryKey(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firmId: id('firm_id').references(() => firms.id),
    companyId: id('company_id').references(() => companies.id),
    role: textEnum('role', MEMBERSHIP_ROLES).notNull(),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    index('memberships_company_idx').on(t.companyId),
    uniqueIndex('memberships_unique').on(t.userId, t.firmId, t.companyId, t.role),
    oneOf('memberships_role_known', t.role, MEMBERSHIP_ROLES),
    rule('memberships_one_scope', sql`(${t.firmId} is null) <> (${t.companyId} is null)`),
  ],
);

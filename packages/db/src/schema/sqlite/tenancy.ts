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
    /** Base32 TOTP secret (RFC 6238) once the user starts enrolling a second factor. */
    totpSecret: text('totp_secret'),
    /** Set when the first code was confirmed: from then on log-in asks for a code. */
    totpEnabledAt: instant('totp_enabled_at'),
    /** The last time step accepted, so one code cannot be used twice. */
    totpLastStep: int('totp_last_step'),
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

/**
 * Failed log-ins per key (an e-mail, or an e-mail and a client address), shared by every API
 * instance so a lock-out holds across them. `key` is a keyed hash, never the e-mail itself.
 */
export const loginAttempts = table('login_attempts', {
  key: text('key').primaryKey(),
  failures: int('failures').notNull().default(0),
  windowStartedAt: instant('window_started_at').notNull(),
  lockedUntil: instant('locked_until'),
});

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
    /** Postal address printed on letters and notices of assignment. */
    address: json<{ street: string; postalCode: string; city: string }>('address'),
    /** The company's own e-mail address (sender identity, seller contact). */
    email: text('email'),
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
 * A factoring company a firm sells its clients' invoices to. Its users are members of the factor
 * (role `factor`) and see only batches addressed to it.
 */
export const factors = table(
  'factors',
  {
    id: id('id').primaryKey(),
    firmId: id('firm_id')
      .notNull()
      .references(() => firms.id),
    name: text('name').notNull(),
    email: text('email'),
    /** HTTPS endpoint that receives packages (POST), if the factor takes pushes. */
    pushUrl: text('push_url'),
    /** Shared secret of the push's HMAC-SHA-256 signature. */
    pushSecret: text('push_secret'),
    version: int('version').notNull().default(1),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [index('factors_firm_idx').on(t.firmId), uniqueIndex('factors_firm_name_unique').on(t.firmId, t.name)],
);

/**
 * What a user may see: a whole firm (accountants), one company (entrepreneurs) or one factor
 * (its staff), with a role. Exactly one of `firm_id`, `company_id` and `factor_id` is set.
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
    factorId: id('factor_id').references(() => factors.id),
    role: textEnum('role', MEMBERSHIP_ROLES).notNull(),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    index('memberships_company_idx').on(t.companyId),
    index('memberships_factor_idx').on(t.factorId),
    uniqueIndex('memberships_unique').on(t.userId, t.firmId, t.companyId, t.factorId, t.role),
    oneOf('memberships_role_known', t.role, MEMBERSHIP_ROLES),
    rule(
      'memberships_one_scope',
      sql`(case when ${t.firmId} is null then 0 else 1 end) + (case when ${t.companyId} is null then 0 else 1 end) + (case when ${t.factorId} is null then 0 else 1 end) = 1`,
    ),
  ],
);

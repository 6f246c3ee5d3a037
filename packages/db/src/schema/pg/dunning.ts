// The dunning outbox (one row per planned send, its current state) and the company's letter
// templates. The history of every state change stays in `dunning_events` (append-only).
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { LANGUAGES, OUTBOX_STATES } from '../enums.js';
import { day, dayChecks, foreignKey, id, index, instant, int, json, oneOf, rule, table, text, textEnum, uniqueIndex } from './columns.js';
import { debtors } from './debtors.js';
import { companies, users } from './tenancy.js';

const now = () => new Date();

/**
 * One planned send, keyed by its idempotency key: the unique (company, key) is what makes a
 * reminder go out once, whatever the number of runs, runners or crashes.
 */
export const dunningOutbox = table(
  'dunning_outbox',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    /** sha256(company, group, level, sorted invoice ids), hex. */
    key: text('key').notNull(),
    debtorId: id('debtor_id').notNull(),
    level: int('level').notNull(),
    /** The channel that will carry it now (e-mail, letter…; changes when rerouted). */
    channel: text('channel').notNull(),
    state: textEnum('state', OUTBOX_STATES).notNull(),
    /** Attempts on the current channel. */
    attempt: int('attempt').notNull().default(0),
    /** A claim is the runner's until then; afterwards another runner may take it over. */
    leaseUntil: instant('lease_until'),
    runnerId: text('runner_id'),
    /** Fixed when first claimed, before anything is sent: receivers de-duplicate by it. */
    messageId: text('message_id'),
    /** The planned action as the runner needs it to send (JSON). */
    planned: json<Record<string, unknown>>('planned').notNull(),
    /** Why it was skipped, dropped or failed. */
    reason: text('reason'),
    retryAt: instant('retry_at'),
    /** The company's local date of the run that planned it. */
    plannedOn: day('planned_on').notNull(),
    version: int('version').notNull().default(1),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    updatedAt: instant('updated_at').notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('dunning_outbox_company_key_unique').on(t.companyId, t.key),
    index('dunning_outbox_company_state_idx').on(t.companyId, t.state),
    index('dunning_outbox_company_debtor_idx').on(t.companyId, t.debtorId),
    foreignKey({ name: 'dunning_outbox_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    oneOf('dunning_outbox_state_known', t.state, OUTBOX_STATES),
    rule('dunning_outbox_level_natural', sql`${t.level} >= 0`),
    rule('dunning_outbox_attempt_natural', sql`${t.attempt} >= 0`),
    ...dayChecks('dunning_outbox', [t.plannedOn]),
  ],
);

/**
 * A company's wording of one dunning level in one language, replacing the built-in text of the
 * letter (the legal mentions and the amounts are always added by the renderer, never templated).
 */
export const letterTemplates = table(
  'letter_templates',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    level: int('level').notNull(),
    language: textEnum('language', LANGUAGES).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    version: int('version').notNull().default(1),
    updatedBy: id('updated_by').references(() => users.id),
    updatedAt: instant('updated_at').notNull().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('letter_templates_company_level_language_unique').on(t.companyId, t.level, t.language),
    oneOf('letter_templates_language_known', t.language, LANGUAGES),
    rule('letter_templates_level_positive', sql`${t.level} >= 1`),
  ],
);

// Follow-up of unpaid invoices: disputes, holds, promises to pay, payment plans and the
// append-only log of dunning events (herinneringen, aanmaningen, mises en demeure).
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { DISPUTE_STATUSES, DUNNING_ACTIONS, DUNNING_CHANNELS, PLAN_STATUSES, PROMISE_STATUSES } from '../enums.js';
import {
  cents,
  day,
  dayChecks,
  foreignKey,
  id,
  index,
  instant,
  int,
  json,
  oneOf,
  rule,
  table,
  text,
  textEnum,
  unique,
  uniqueIndex,
  wholeChecks,
} from './columns.js';
import { debtors } from './debtors.js';
import { documents } from './documents.js';
import { invoices } from './invoices.js';
import { companies, users } from './tenancy.js';

const now = () => new Date();

/** The debtor contests an invoice (betwisting / contestation): dunning stops while it is open. */
export const disputes = table(
  'disputes',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    invoiceId: id('invoice_id').notNull(),
    status: textEnum('status', DISPUTE_STATUSES).notNull(),
    reason: text('reason').notNull(),
    description: text('description'),
    openedOn: day('opened_on').notNull(),
    resolvedOn: day('resolved_on'),
    resolution: text('resolution'),
    version: int('version').notNull().default(1),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('disputes_company_invoice_idx').on(t.companyId, t.invoiceId),
    index('disputes_company_status_idx').on(t.companyId, t.status),
    foreignKey({ name: 'disputes_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    oneOf('disputes_status_known', t.status, DISPUTE_STATUSES),
    rule('disputes_resolved_after_opened', sql`${t.resolvedOn} is null or ${t.resolvedOn} >= ${t.openedOn}`),
    ...dayChecks('disputes', [t.openedOn, t.resolvedOn]),
  ],
);

/** Dunning paused on purpose for an invoice or a whole debtor, until a date or until released. */
export const holds = table(
  'holds',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    invoiceId: id('invoice_id'),
    debtorId: id('debtor_id'),
    reason: text('reason').notNull(),
    fromDate: day('from_date').notNull(),
    untilDate: day('until_date'),
    releasedAt: instant('released_at'),
    version: int('version').notNull().default(1),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('holds_company_invoice_idx').on(t.companyId, t.invoiceId),
    index('holds_company_debtor_idx').on(t.companyId, t.debtorId),
    foreignKey({ name: 'holds_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    foreignKey({ name: 'holds_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    rule('holds_one_target', sql`(${t.invoiceId} is null) <> (${t.debtorId} is null)`),
    rule('holds_period', sql`${t.untilDate} is null or ${t.untilDate} >= ${t.fromDate}`),
    ...dayChecks('holds', [t.fromDate, t.untilDate]),
  ],
);

/** The debtor promised to pay an amount by a date (betalingsbelofte / promesse de paiement). */
export const promisesToPay = table(
  'promises_to_pay',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id').notNull(),
    invoiceId: id('invoice_id'),
    amountCents: cents('amount_cents').notNull(),
    promisedOn: day('promised_on').notNull(),
    dueOn: day('due_on').notNull(),
    status: textEnum('status', PROMISE_STATUSES).notNull(),
    note: text('note'),
    version: int('version').notNull().default(1),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('promises_company_debtor_idx').on(t.companyId, t.debtorId),
    foreignKey({ name: 'promises_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    foreignKey({ name: 'promises_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    oneOf('promises_status_known', t.status, PROMISE_STATUSES),
    rule('promises_amount_positive', sql`${t.amountCents} > 0`),
    rule('promises_due_after_promise', sql`${t.dueOn} >= ${t.promisedOn}`),
    ...dayChecks('promises_to_pay', [t.promisedOn, t.dueOn]),
    ...wholeChecks('promises_to_pay', [t.amountCents]),
  ],
);

/** An agreed schedule of instalments for one or more invoices of a debtor (afbetalingsplan). */
export const paymentPlans = table(
  'payment_plans',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id').notNull(),
    status: textEnum('status', PLAN_STATUSES).notNull(),
    agreedOn: day('agreed_on').notNull(),
    totalCents: cents('total_cents').notNull(),
    note: text('note'),
    version: int('version').notNull().default(1),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    unique('payment_plans_company_id_unique').on(t.companyId, t.id),
    index('payment_plans_company_debtor_idx').on(t.companyId, t.debtorId),
    foreignKey({ name: 'payment_plans_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    oneOf('payment_plans_status_known', t.status, PLAN_STATUSES),
    rule('payment_plans_total_positive', sql`${t.totalCents} > 0`),
    ...dayChecks('payment_plans', [t.agreedOn]),
    ...wholeChecks('payment_plans', [t.totalCents]),
  ],
);

/** One instalment of a plan. */
export const paymentPlanInstallments = table(
  'payment_plan_installments',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    planId: id('plan_id').notNull(),
    sequence: int('sequence').notNull(),
    dueOn: day('due_on').notNull(),
    amountCents: cents('amount_cents').notNull(),
    paidCents: cents('paid_cents').notNull().default(0),
  },
  (t) => [
    uniqueIndex('installments_plan_sequence_unique').on(t.planId, t.sequence),
    foreignKey({ name: 'installments_plan_fk', columns: [t.companyId, t.planId], foreignColumns: [paymentPlans.companyId, paymentPlans.id] }).onDelete(
      'cascade',
    ),
    rule('installments_amount_positive', sql`${t.amountCents} > 0 and ${t.paidCents} >= 0 and ${t.paidCents} <= ${t.amountCents}`),
    ...dayChecks('payment_plan_installments', [t.dueOn]),
    ...wholeChecks('payment_plan_installments', [t.amountCents, t.paidCents]),
  ],
);

/** Which invoices a plan covers. */
export const paymentPlanInvoices = table(
  'payment_plan_invoices',
  {
    companyId: id('company_id').notNull(),
    planId: id('plan_id').notNull(),
    invoiceId: id('invoice_id').notNull(),
  },
  (t) => [
    uniqueIndex('plan_invoices_unique').on(t.planId, t.invoiceId),
    index('plan_invoices_invoice_idx').on(t.invoiceId),
    foreignKey({ name: 'plan_invoices_plan_fk', columns: [t.companyId, t.planId], foreignColumns: [paymentPlans.companyId, paymentPlans.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'plan_invoices_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
  ],
);

/**
 * What was done to get paid, appended and never changed: the level and rule that produced it,
 * the amounts claimed, the letter sent. This is what an accountant shows a judge.
 */
export const dunningEvents = table(
  'dunning_events',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id').notNull(),
    invoiceId: id('invoice_id'),
    level: int('level').notNull(),
    action: textEnum('action', DUNNING_ACTIONS).notNull(),
    channel: textEnum('channel', DUNNING_CHANNELS).notNull(),
    occurredOn: day('occurred_on').notNull(),
    interestCents: cents('interest_cents').notNull().default(0),
    feesCents: cents('fees_cents').notNull().default(0),
    /** The planner's explanation: rule id, facts relied on (JSON). */
    explanation: json<Record<string, unknown>>('explanation'),
    documentId: id('document_id'),
    actorUserId: id('actor_user_id').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('dunning_events_company_invoice_idx').on(t.companyId, t.invoiceId),
    index('dunning_events_company_debtor_idx').on(t.companyId, t.debtorId, t.occurredOn),
    foreignKey({ name: 'dunning_events_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    foreignKey({ name: 'dunning_events_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    foreignKey({ name: 'dunning_events_document_fk', columns: [t.companyId, t.documentId], foreignColumns: [documents.companyId, documents.id] }),
    oneOf('dunning_events_action_known', t.action, DUNNING_ACTIONS),
    oneOf('dunning_events_channel_known', t.channel, DUNNING_CHANNELS),
    rule('dunning_events_level_natural', sql`${t.level} >= 0`),
    rule('dunning_events_amounts_natural', sql`${t.interestCents} >= 0 and ${t.feesCents} >= 0`),
    ...dayChecks('dunning_events', [t.occurredOn]),
    ...wholeChecks('dunning_events', [t.interestCents, t.feesCents]),
  ],
);

/** A note an accountant or entrepreneur keeps on a debtor (or one of its invoices): shown in the timeline. */
export const notes = table(
  'notes',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id').notNull(),
    invoiceId: id('invoice_id'),
    body: text('body').notNull(),
    authorUserId: id('author_user_id').references(() => users.id),
    createdAt: instant('created_at').notNull().$defaultFn(now),
  },
  (t) => [
    index('notes_company_debtor_idx').on(t.companyId, t.debtorId, t.createdAt),
    foreignKey({ name: 'notes_debtor_fk', columns: [t.companyId, t.debtorId], foreignColumns: [debtors.companyId, debtors.id] }),
    foreignKey({ name: 'notes_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    rule('notes_body_not_empty', sql`length(${t.body}) between 1 and 4000`),
  ],
);

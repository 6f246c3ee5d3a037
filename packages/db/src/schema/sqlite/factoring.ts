// Factoring: batches of invoices offered to a factor, and each invoice's assignment (cessie /
// cession de créance).
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { ASSIGNMENT_STATUSES, BATCH_STATUSES, DELIVERY_STATUSES, DELIVERY_TARGETS } from '../enums.js';
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
  rate,
  rule,
  table,
  text,
  textEnum,
  unique,
  uniqueIndex,
  wholeChecks,
} from './columns.js';
import { documents } from './documents.js';
import { invoices } from './invoices.js';
import { companies, factors, firms, users } from './tenancy.js';

/** A set of invoices sent to a factor together. */
export const factoringBatches = table(
  'factoring_batches',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    factorName: text('factor_name').notNull(),
    /** The factor the batch is addressed to (its users see the batch). */
    factorId: id('factor_id').references(() => factors.id),
    /** The factor profile (`factor_profiles.profile_key`) the selection was made under. */
    profileKey: text('profile_key'),
    reference: text('reference').notNull(),
    status: textEnum('status', BATCH_STATUSES).notNull(),
    createdOn: day('created_on').notNull(),
    submittedOn: day('submitted_on'),
    totalCents: cents('total_cents').notNull().default(0),
    /** Share advanced by the factor, e.g. `"0.85"`. */
    advanceRate: rate('advance_rate'),
    /** Factoring fee, e.g. `"0.012"`. */
    feeRate: rate('fee_rate'),
    documentId: id('document_id'),
    version: int('version').notNull().default(1),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('factoring_batches_company_id_unique').on(t.companyId, t.id),
    uniqueIndex('factoring_batches_reference_unique').on(t.companyId, t.reference),
    index('factoring_batches_factor_idx').on(t.factorId),
    foreignKey({ name: 'factoring_batches_document_fk', columns: [t.companyId, t.documentId], foreignColumns: [documents.companyId, documents.id] }),
    oneOf('factoring_batches_status_known', t.status, BATCH_STATUSES),
    rule('factoring_batches_total_natural', sql`${t.totalCents} >= 0`),
    ...dayChecks('factoring_batches', [t.createdOn, t.submittedOn]),
    ...wholeChecks('factoring_batches', [t.totalCents]),
  ],
);

/**
 * One invoice in a batch. An invoice can be live (proposed or assigned) in one batch only:
 * a partial unique index enforces it on both dialects.
 */
export const factoringAssignments = table(
  'factoring_assignments',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    batchId: id('batch_id').notNull(),
    invoiceId: id('invoice_id').notNull(),
    amountCents: cents('amount_cents').notNull(),
    status: textEnum('status', ASSIGNMENT_STATUSES).notNull(),
    assignedOn: day('assigned_on'),
    /** When the debtor was notified of the assignment. */
    notifiedOn: day('notified_on'),
    version: int('version').notNull().default(1),
  },
  (t) => [
    index('factoring_assignments_batch_idx').on(t.batchId),
    uniqueIndex('factoring_assignments_live_unique')
      .on(t.invoiceId)
      .where(sql`status in ('proposed', 'assigned')`),
    foreignKey({ name: 'factoring_assignments_batch_fk', columns: [t.companyId, t.batchId], foreignColumns: [factoringBatches.companyId, factoringBatches.id] }),
    foreignKey({ name: 'factoring_assignments_invoice_fk', columns: [t.companyId, t.invoiceId], foreignColumns: [invoices.companyId, invoices.id] }),
    oneOf('factoring_assignments_status_known', t.status, ASSIGNMENT_STATUSES),
    rule('factoring_assignments_amount_positive', sql`${t.amountCents} > 0`),
    ...dayChecks('factoring_assignments', [t.assignedOn, t.notifiedOn]),
    ...wholeChecks('factoring_assignments', [t.amountCents]),
  ],
);

/**
 * A factor's terms as a firm agreed them: the @fact/factoring profile document, validated by
 * `parseFactorProfile` on every read. One live version per key; saving bumps `version`.
 */
export const factorProfiles = table(
  'factor_profiles',
  {
    id: id('id').primaryKey(),
    firmId: id('firm_id')
      .notNull()
      .references(() => firms.id),
    factorId: id('factor_id').references(() => factors.id),
    /** The profile's own id (`acme-2025`), unique per firm. */
    profileKey: text('profile_key').notNull(),
    profile: json<Record<string, unknown>>('profile').notNull(),
    version: int('version').notNull().default(1),
    updatedBy: id('updated_by').references(() => users.id),
    updatedAt: instant('updated_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex('factor_profiles_firm_key_unique').on(t.firmId, t.profileKey)],
);

/**
 * A firm's Ed25519 key pair that signs package manifests. At most one live key per firm;
 * a retired key stays so older packages still verify.
 */
export const signingKeys = table(
  'signing_keys',
  {
    id: id('id').primaryKey(),
    firmId: id('firm_id')
      .notNull()
      .references(() => firms.id),
    /** `keyId()` of the public key, as written in manifests. */
    keyId: text('key_id').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    /** PKCS#8 PEM, encrypted at rest when the server has a key-encryption secret. */
    privateKeyPem: text('private_key_pem').notNull(),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
    retiredAt: instant('retired_at'),
  },
  (t) => [
    uniqueIndex('signing_keys_key_id_unique').on(t.keyId),
    uniqueIndex('signing_keys_live_unique')
      .on(t.firmId)
      .where(sql`retired_at is null`),
  ],
);

/** Each attempt to hand a batch's package to its factor (a folder, or an HTTPS push). */
export const factoringDeliveries = table(
  'factoring_deliveries',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    batchId: id('batch_id').notNull(),
    target: textEnum('target', DELIVERY_TARGETS).notNull(),
    /** The folder path or the URL. */
    destination: text('destination').notNull(),
    attempt: int('attempt').notNull(),
    status: textEnum('status', DELIVERY_STATUSES).notNull(),
    /** HTTP status of the factor's answer, when there was one. */
    responseStatus: int('response_status'),
    error: text('error'),
    nextAttemptAt: instant('next_attempt_at'),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('factoring_deliveries_attempt_unique').on(t.batchId, t.target, t.attempt),
    index('factoring_deliveries_pending_idx').on(t.status, t.nextAttemptAt),
    foreignKey({ name: 'factoring_deliveries_batch_fk', columns: [t.companyId, t.batchId], foreignColumns: [factoringBatches.companyId, factoringBatches.id] }),
    oneOf('factoring_deliveries_target_known', t.target, DELIVERY_TARGETS),
    oneOf('factoring_deliveries_status_known', t.status, DELIVERY_STATUSES),
    rule('factoring_deliveries_attempt_positive', sql`${t.attempt} >= 1`),
  ],
);

// Factoring: batches of invoices offered to a factor, and each invoice's assignment (cessie /
// cession de créance).
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { ASSIGNMENT_STATUSES, BATCH_STATUSES } from '../enums.js';
import {
  cents,
  day,
  dayChecks,
  foreignKey,
  id,
  index,
  instant,
  int,
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
import { companies, users } from './tenancy.js';

/** A set of invoices sent to a factor together. */
export const factoringBatches = table(
  'factoring_batches',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    factorName: text('factor_name').notNull(),
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

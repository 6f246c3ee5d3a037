// Payments received and how they are allocated to invoices.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { PAYMENT_METHODS } from '../enums.js';
import {
  cents,
  day,
  dayChecks,
  foreignKey,
  id,
  index,
  instant,
  oneOf,
  rule,
  table,
  text,
  textEnum,
  unique,
  uniqueIndex,
  wholeChecks,
} from './columns.js';
import { bankTransactions } from './bank.js';
import { debtors } from './debtors.js';
import { invoices } from './invoices.js';
import { companies, users } from './tenancy.js';

/**
 * Money received. `reference` is the payment's own identifier (bank entry reference, receipt
 * number) and is unique per company; `communication` is what the payer wrote (an OGM, say),
 * which may legitimately repeat. A payment is never deleted: reversing it sets `reversed_at`
 * and reverses its allocations in the same transaction.
 */
export const payments = table(
  'payments',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id'),
    amountCents: cents('amount_cents').notNull(),
    receivedOn: day('received_on').notNull(),
    method: textEnum('method', PAYMENT_METHODS).notNull(),
    reference: text('reference'),
    communication: text('communication'),
    bankTransactionId: id('bank_transaction_id'),
    /** Amount not (yet) allocated to invoices, kept with the allocations in one transaction. */
    unallocatedCents: cents('unallocated_cents').notNull(),
    reversedAt: instant('reversed_at'),
    reversalReason: text('reversal_reason'),
    createdBy: id('created_by').references(() => users.id),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('payments_company_id_unique').on(t.companyId, t.id),
    uniqueIndex('payments_reference_unique').on(t.companyId, t.reference),
    index('payments_company_received_idx').on(t.companyId, t.receivedOn),
    index('payments_company_debtor_idx').on(t.companyId, t.debtorId),
    foreignKey({
      name: 'payments_debtor_fk',
      columns: [t.companyId, t.debtorId],
      foreignColumns: [debtors.companyId, debtors.id],
    }),
    foreignKey({
      name: 'payments_bank_transaction_fk',
      columns: [t.companyId, t.bankTransactionId],
      foreignColumns: [bankTransactions.companyId, bankTransactions.id],
    }),
    oneOf('payments_method_known', t.method, PAYMENT_METHODS),
    rule('payments_amount_positive', sql`${t.amountCents} > 0`),
    rule('payments_unallocated_within', sql`${t.unallocatedCents} >= 0 and ${t.unallocatedCents} <= ${t.amountCents}`),
    ...dayChecks('payments', [t.receivedOn]),
    ...wholeChecks('payments', [t.amountCents, t.unallocatedCents]),
  ],
);

/**
 * Part of a payment, or of a credit note, set against an invoice. Exactly one source is set.
 * Reversal sets `reversed_at`; the row stays for the history.
 */
export const allocations = table(
  'allocations',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    invoiceId: id('invoice_id').notNull(),
    paymentId: id('payment_id'),
    creditNoteId: id('credit_note_id'),
    amountCents: cents('amount_cents').notNull(),
    allocatedOn: day('allocated_on').notNull(),
    reversedAt: instant('reversed_at'),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    index('allocations_invoice_idx').on(t.invoiceId),
    index('allocations_payment_idx').on(t.paymentId),
    index('allocations_credit_note_idx').on(t.creditNoteId),
    foreignKey({
      name: 'allocations_invoice_fk',
      columns: [t.companyId, t.invoiceId],
      foreignColumns: [invoices.companyId, invoices.id],
    }),
    foreignKey({
      name: 'allocations_payment_fk',
      columns: [t.companyId, t.paymentId],
      foreignColumns: [payments.companyId, payments.id],
    }),
    foreignKey({
      name: 'allocations_credit_note_fk',
      columns: [t.companyId, t.creditNoteId],
      foreignColumns: [invoices.companyId, invoices.id],
    }),
    rule('allocations_one_source', sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`),
    rule('allocations_amount_positive', sql`${t.amountCents} > 0`),
    ...dayChecks('allocations', [t.allocatedOn]),
    ...wholeChecks('allocations', [t.amountCents]),
  ],
);

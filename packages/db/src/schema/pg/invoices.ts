// Invoices and credit notes (one table, `kind` tells them apart) with their lines.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../enums.js';
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
import { debtors } from './debtors.js';
import { documents } from './documents.js';
import { companies } from './tenancy.js';

const now = () => new Date();

/**
 * An invoice or a credit note. Amounts are positive for both kinds.
 *
 * `open_amount_cents` is denormalised: it is what is still to be paid (or, for a credit note,
 * still to be used), updated in the same transaction as every allocation, so dashboards and
 * ageing read one row per invoice instead of summing allocations.
 */
export const invoices = table(
  'invoices',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    debtorId: id('debtor_id').notNull(),
    kind: textEnum('kind', INVOICE_KINDS).notNull(),
    number: text('number').notNull(),
    status: textEnum('status', INVOICE_STATUSES).notNull(),
    issueDate: day('issue_date').notNull(),
    dueDate: day('due_date').notNull(),
    currency: text('currency').notNull().default('EUR'),
    netCents: cents('net_cents').notNull(),
    vatCents: cents('vat_cents').notNull(),
    totalCents: cents('total_cents').notNull(),
    openAmountCents: cents('open_amount_cents').notNull(),
    /** Structured communication (BE OGM/VCS `+++…+++`, NL betalingskenmerk, or RF reference). */
    paymentReference: text('payment_reference'),
    /** For a credit note: the invoice it corrects, when known. */
    creditsInvoiceId: id('credits_invoice_id'),
    documentId: id('document_id'),
    /** Free-form extra data from imports (UBL ids, order references…). */
    meta: json<Record<string, unknown>>('meta'),
    version: int('version').notNull().default(1),
    createdAt: instant('created_at').notNull().$defaultFn(now),
    updatedAt: instant('updated_at').notNull().$defaultFn(now),
  },
  (t) => [
    unique('invoices_company_id_unique').on(t.companyId, t.id),
    // Credit notes usually have their own number series, so numbers are unique per kind.
    uniqueIndex('invoices_number_unique').on(t.companyId, t.kind, t.number),
    uniqueIndex('invoices_payment_reference_unique').on(t.companyId, t.paymentReference),
    // The list's common filters and sorts (status + due date, id breaks ties for keyset pages).
    index('invoices_company_status_due_idx').on(t.companyId, t.status, t.dueDate, t.id),
    index('invoices_company_debtor_idx').on(t.companyId, t.debtorId, t.issueDate, t.id),
    index('invoices_company_issue_idx').on(t.companyId, t.issueDate, t.id),
    foreignKey({
      name: 'invoices_debtor_fk',
      columns: [t.companyId, t.debtorId],
      foreignColumns: [debtors.companyId, debtors.id],
    }),
    foreignKey({
      name: 'invoices_document_fk',
      columns: [t.companyId, t.documentId],
      foreignColumns: [documents.companyId, documents.id],
    }),
    foreignKey({
      name: 'invoices_credits_invoice_fk',
      columns: [t.companyId, t.creditsInvoiceId],
      foreignColumns: [t.companyId, t.id],
    }),
    oneOf('invoices_kind_known', t.kind, INVOICE_KINDS),
    oneOf('invoices_status_known', t.status, INVOICE_STATUSES),
    rule('invoices_amounts_sane', sql`${t.netCents} >= 0 and ${t.vatCents} >= 0 and ${t.totalCents} = ${t.netCents} + ${t.vatCents}`),
    rule('invoices_open_within_total', sql`${t.openAmountCents} >= 0 and ${t.openAmountCents} <= ${t.totalCents}`),
    rule('invoices_due_after_issue', sql`${t.dueDate} >= ${t.issueDate}`),
    rule('invoices_credits_only_for_credit_notes', sql`${t.creditsInvoiceId} is null or ${t.kind} = 'credit_note'`),
    ...dayChecks('invoices', [t.issueDate, t.dueDate]),
    ...wholeChecks('invoices', [t.netCents, t.vatCents, t.totalCents, t.openAmountCents]),
  ],
);

/** One line of an invoice. Quantity, unit price and VAT rate are exact decimal strings. */
export const invoiceLines = table(
  'invoice_lines',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    invoiceId: id('invoice_id').notNull(),
    position: int('position').notNull(),
    description: text('description').notNull(),
    quantity: rate('quantity').notNull(),
    unitPrice: rate('unit_price').notNull(),
    /** Percentage, e.g. `"21"`, `"6"`, `"0"`. */
    vatRate: rate('vat_rate').notNull(),
    /** EN 16931 VAT category code (S, Z, E, AE, K, G, O). */
    vatCategory: text('vat_category').notNull(),
    netCents: cents('net_cents').notNull(),
    vatCents: cents('vat_cents').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'invoice_lines_invoice_fk',
      columns: [t.companyId, t.invoiceId],
      foreignColumns: [invoices.companyId, invoices.id],
    }).onDelete('cascade'),
    uniqueIndex('invoice_lines_position_unique').on(t.invoiceId, t.position),
    rule('invoice_lines_position_natural', sql`${t.position} >= 0`),
    ...wholeChecks('invoice_lines', [t.netCents, t.vatCents]),
  ],
);

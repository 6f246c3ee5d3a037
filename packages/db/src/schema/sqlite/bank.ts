// Bank accounts of a company, imported statements (CODA, camt.053, …) and their transactions.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { MATCH_STATUSES, STATEMENT_FORMATS } from '../enums.js';
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
import { documents } from './documents.js';
import { companies } from './tenancy.js';

/** A bank account of the company (where debtors pay). */
export const bankAccounts = table(
  'bank_accounts',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    iban: text('iban').notNull(),
    bic: text('bic'),
    name: text('name'),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('bank_accounts_company_id_unique').on(t.companyId, t.id),
    uniqueIndex('bank_accounts_company_iban_unique').on(t.companyId, t.iban),
  ],
);

/** One imported statement (an extract / uittreksel). */
export const bankStatements = table(
  'bank_statements',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    bankAccountId: id('bank_account_id').notNull(),
    format: textEnum('format', STATEMENT_FORMATS).notNull(),
    /** The bank's statement number / sequence, as printed. */
    statementNumber: text('statement_number'),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date').notNull(),
    openingBalanceCents: cents('opening_balance_cents'),
    closingBalanceCents: cents('closing_balance_cents'),
    documentId: id('document_id'),
    importedAt: instant('imported_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('bank_statements_company_id_unique').on(t.companyId, t.id),
    foreignKey({
      name: 'bank_statements_account_fk',
      columns: [t.companyId, t.bankAccountId],
      foreignColumns: [bankAccounts.companyId, bankAccounts.id],
    }),
    foreignKey({
      name: 'bank_statements_document_fk',
      columns: [t.companyId, t.documentId],
      foreignColumns: [documents.companyId, documents.id],
    }),
    index('bank_statements_account_idx').on(t.bankAccountId, t.fromDate),
    oneOf('bank_statements_format_known', t.format, STATEMENT_FORMATS),
    rule('bank_statements_period', sql`${t.toDate} >= ${t.fromDate}`),
    ...dayChecks('bank_statements', [t.fromDate, t.toDate]),
    ...wholeChecks('bank_statements', [t.openingBalanceCents, t.closingBalanceCents]),
  ],
);

/**
 * One booked movement. `amount_cents` is signed (credit > 0). `dedup_key` identifies the
 * movement across re-imports of overlapping statements; it is unique per account.
 */
export const bankTransactions = table(
  'bank_transactions',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id').notNull(),
    bankAccountId: id('bank_account_id').notNull(),
    statementId: id('statement_id'),
    bookingDate: day('booking_date').notNull(),
    valueDate: day('value_date'),
    amountCents: cents('amount_cents').notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    /** Free remittance text. */
    communication: text('communication'),
    /** Structured reference (OGM, RF, betalingskenmerk), normalised. */
    structuredReference: text('structured_reference'),
    bankReference: text('bank_reference'),
    dedupKey: text('dedup_key').notNull(),
    matchStatus: textEnum('match_status', MATCH_STATUSES).notNull().default('unmatched'),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('bank_transactions_company_id_unique').on(t.companyId, t.id),
    uniqueIndex('bank_transactions_dedup_unique').on(t.bankAccountId, t.dedupKey),
    index('bank_transactions_company_match_idx').on(t.companyId, t.matchStatus, t.bookingDate),
    foreignKey({
      name: 'bank_transactions_account_fk',
      columns: [t.companyId, t.bankAccountId],
      foreignColumns: [bankAccounts.companyId, bankAccounts.id],
    }),
    foreignKey({
      name: 'bank_transactions_statement_fk',
      columns: [t.companyId, t.statementId],
      foreignColumns: [bankStatements.companyId, bankStatements.id],
    }),
    oneOf('bank_transactions_match_known', t.matchStatus, MATCH_STATUSES),
    rule('bank_transactions_amount_nonzero', sql`${t.amountCents} <> 0`),
    ...dayChecks('bank_transactions', [t.bookingDate, t.valueDate]),
    ...wholeChecks('bank_transactions', [t.amountCents]),
  ],
);

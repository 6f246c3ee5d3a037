// Public surface of @fact/db. Every export is named; nothing is re-exported with `*`.

// opening a database
export { createDb } from './client/createDb.js';
export { parseDbUrl, DEFAULT_SQLITE_PATH } from './client/url.js';
export type { DbLocation } from './client/url.js';
export type { AppDb, DbHandle, Dialect, Driver, Executor, RawDriver, Tables } from './client/types.js';

// schema (table objects of each dialect; repositories pick the right one at runtime)
export { tables as sqliteTables } from './schema/sqlite.js';
export { tables as pgTables } from './schema/pg.js';
export {
  ASSIGNMENT_STATUSES,
  BATCH_STATUSES,
  CONTACT_ROLES,
  COUNTRIES,
  DEBTOR_KINDS,
  DISPUTE_STATUSES,
  DOCUMENT_KINDS,
  DUNNING_ACTIONS,
  DUNNING_CHANNELS,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  LANGUAGES,
  MATCH_STATUSES,
  MEMBERSHIP_ROLES,
  PAYMENT_METHODS,
  PLAN_STATUSES,
  PROMISE_STATUSES,
  STATEMENT_FORMATS,
} from './schema/enums.js';
export type {
  AssignmentStatus,
  BatchStatus,
  ContactRole,
  DebtorKind,
  DisputeStatus,
  DocumentKind,
  DunningAction,
  DunningChannel,
  InvoiceKind,
  InvoiceStatus,
  Language,
  MatchStatus,
  MembershipRole,
  PaymentMethod,
  PlanStatus,
  PromiseStatus,
  StatementFormat,
} from './schema/enums.js';

// passwords (the API verifies with the same module)
export { hashPassword, verifyPassword, DEFAULT_SCRYPT_COST } from './auth/passwords.js';
export type { ScryptCost } from './auth/passwords.js';

// repositories: errors, scope, ids
export { DbError, isDbError, translateDbError, DB_ERROR_CODES } from './repo/errors.js';
export type { DbErrorCode } from './repo/errors.js';
export { inScope, scopeCompanyIds } from './repo/scope.js';
export type { Scope, CompanyScope, FirmScope } from './repo/scope.js';
export { newId } from './repo/ids.js';

// tenancy
export {
  createFirm,
  getFirm,
  createUser,
  getUser,
  findUserByEmail,
  addMembership,
  listMemberships,
  visibleCompanies,
  createCompany,
  getCompany,
  listCompanies,
  updateCompany,
} from './repo/tenancy.js';
export type { Firm, User, UserWithPassword, Membership, Company, CompanyInput } from './repo/tenancy.js';

// debtors
export { createDebtor, getDebtor, listDebtors, updateDebtor } from './repo/debtors.js';
export type { Debtor, DebtorContact, DebtorInput } from './repo/debtors.js';

// invoices and credit notes
export { createInvoice, createCreditNote, getInvoice, getInvoices, updateInvoice, cancelInvoice } from './repo/invoices.js';
export type { Invoice, InvoiceLine, InvoiceWithLines, InvoiceInput, InvoicePatch } from './repo/invoices.js';
export { listInvoices, INVOICE_SORT_KEYS } from './repo/invoiceList.js';
export type { InvoiceListQuery, InvoiceListItem, InvoicePage, InvoiceSortKey } from './repo/invoiceList.js';

// payments and allocations
export { recordPayment, allocatePayment, applyCreditNote, reversePayment, getPayment, listPayments, listAllocations } from './repo/payments.js';
export type { Payment, Allocation, AllocationInput } from './repo/payments.js';

// dashboards
export { companyKpis, ageing, DSO_WINDOW_DAYS } from './repo/kpis.js';
export type { CompanyKpis, Ageing } from './repo/kpis.js';
export { overdueHistory } from './repo/overdueHistory.js';
export type { HistoryPoint, OverdueAt } from './repo/overdueHistory.js';

// follow-up: disputes, holds, promises, plans, dunning events
export {
  openDispute,
  closeDispute,
  listDisputes,
  placeHold,
  releaseHold,
  activeHolds,
  recordPromise,
  settlePromise,
  listPromises,
  createPaymentPlan,
  getPaymentPlan,
  setPaymentPlanStatus,
  appendDunningEvents,
  listDunningEvents,
} from './repo/collection.js';
export type { Dispute, Hold, PromiseToPay, PaymentPlan, DunningEvent } from './repo/collection.js';

// notes on debtors, and the company's letter templates per dunning level and language
export { addNote, listNotes, NOTE_MAX_LENGTH } from './repo/notes.js';
export type { Note } from './repo/notes.js';
export { letterTemplateFor, listLetterTemplates, saveLetterTemplate, removeLetterTemplate } from './repo/letterTemplates.js';
export type { LetterTemplate } from './repo/letterTemplates.js';

// documents, bank, factoring, audit
export { storeDocument, getDocument, readDocument, contentPath, DEFAULT_DOCUMENTS_DIR } from './repo/documents.js';
export type { DocumentMeta } from './repo/documents.js';
export { ensureBankAccount, importStatement, listBankTransactions, setMatchStatus } from './repo/bank.js';
export type { BankAccount, BankTransaction, StatementInput } from './repo/bank.js';
export { createFactoringBatch, getFactoringBatch, setFactoringBatchStatus } from './repo/factoring.js';
export type { FactoringBatch } from './repo/factoring.js';
export { appendAudit, auditTrail } from './repo/audit.js';
export type { AuditEntry } from './repo/audit.js';
export { verifyAuditChain, auditChainOf, entryHash, GENESIS_HASH } from './repo/auditChain.js';
export type { AuditChainVerdict, AuditChainBreak, HashedAuditFields } from './repo/auditChain.js';

// running receivable totals (kept by triggers; rebuild after a bulk load without them)
export { rebuildReceivableTotals, withoutTotalsTriggers } from './repo/receivableTotals.js';

// demo and bulk data
export { seedDatabase, DEMO_FACTOR_NAME, DEMO_USERS } from './seed/seed.js';
export type { SeedOptions, SeedResult } from './seed/seed.js';
export { seedDemoIfEmpty } from './seed/demo.js';
export type { DemoSeedOutcome } from './seed/demo.js';

// backup and restore (`fact backup|restore`)
export { backupSqlite, restoreSqlite, verifySqliteBackup } from './backup/sqlite-backup.js';
export type { BackupReport } from './backup/sqlite-backup.js';
export { postgresCommands } from './backup/postgres.js';

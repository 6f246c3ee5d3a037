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

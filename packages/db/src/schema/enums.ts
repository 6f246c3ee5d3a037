// Closed value sets of the data layer. Both dialects store them as text guarded by a CHECK
// constraint (not PostgreSQL enums), so adding a value is the same small migration on both.

/** Who a membership makes someone: the accountancy office, the business owner, or the factor. */
export const MEMBERSHIP_ROLES = ['accountant', 'entrepreneur', 'factor'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const COUNTRIES = ['BE', 'NL'] as const;
/** Languages the interface and letters speak. */
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A debtor is a business (B2B: late-payment directive) or a consumer (B2C: Book XIX / WIK). */
export const DEBTOR_KINDS = ['business', 'consumer'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

/** Roles of a debtor contact; the billing/finance contact is the one reminders go to first. */
export const CONTACT_ROLES = ['billing', 'finance', 'management', 'sales', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** An invoice and a credit note share one table; `kind` tells them apart. Amounts are positive in both. */
export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * The stored lifecycle of an invoice. "Overdue" and "partially paid" are not stored: they follow
 * from `due_date`, the as-of date and `open_amount_cents`.
 */
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'cancelled', 'written_off'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'direct_debit', 'card', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const DISPUTE_STATUSES = ['open', 'resolved', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const PROMISE_STATUSES = ['pending', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const PLAN_STATUSES = ['active', 'completed', 'defaulted', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** What a dunning event was: a reminder (herinnering/rappel), a formal notice (aanmaning, ingebrekestelling / mise en demeure), a call… */
export const DUNNING_ACTIONS = ['reminder', 'formal_notice', 'final_notice', 'phone_call', 'handover', 'note'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];
export const DUNNING_CHANNELS = ['email', 'letter', 'registered_letter', 'phone', 'portal', 'other'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

export const DOCUMENT_KINDS = [
  'invoice_pdf',
  'ubl',
  'letter',
  'bank_statement',
  'proof',
  'contract',
  'spreadsheet',
  'factoring_package',
  'dossier',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What became of a stored file: `stored` (kept, nothing to import, or not processed yet),
 * `imported` (it became ledger records, listed in `documents.result`), `refused` (nothing was
 * imported; `documents.result` names each element or line at fault).
 */
export const DOCUMENT_STATUSES = ['stored', 'imported', 'refused'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const STATEMENT_FORMATS = ['coda', 'camt053', 'mt940', 'csv', 'manual'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export const MATCH_STATUSES = ['unmatched', 'matched', 'partially_matched', 'ignored'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const BATCH_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'settled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * The state of one planned send in the dunning outbox (one row per idempotency key).
 * `sent`, `skipped` and `task-done` are final; `dropped` may be planned again from new facts.
 */
export const OUTBOX_STATES = [
  'planned',
  'approved',
  'skipped',
  'claimed',
  'failed',
  'rerouted',
  'dropped',
  'sent',
  'task-open',
  'task-done',
] as const;
export type OutboxStateName = (typeof OUTBOX_STATES)[number];

/** Where a factoring package goes: a folder the factor collects from, or the factor's HTTPS endpoint. */
export const DELIVERY_TARGETS = ['folder', 'https'] as const;
export type DeliveryTarget = (typeof DELIVERY_TARGETS)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['proposed', 'assigned', 'rejected', 'repurchased', 'settled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

// Public surface of @fact/bank. Every export is named; nothing is re-exported with `*`.

// errors
export { BankFormatError, BANK_FORMAT_ERROR_CODES, isBankFormatError } from './errors/BankFormatError.js';
export type { BankFormatErrorCode, BankFormatLocation } from './errors/BankFormatError.js';

// statement model and parsing
export type {
  Balance,
  BankStatement,
  BankStatementFile,
  BankTransaction,
  BankTransactionDetail,
  Counterparty,
  Direction,
  ReferenceScheme,
  Remittance,
  StatementFormat,
  StructuredReference,
} from './model/types.js';
export { DEFAULT_PARSE_LIMITS } from './model/options.js';
export type { ParseOptions } from './model/options.js';
export type { StatementInput } from './statement/input.js';
export { parseCoda } from './coda/parseCoda.js';
export { parseCamt053 } from './camt/parseCamt053.js';
export { parseStatementFile } from './parseStatementFile.js';

// structured references as banks write them (check digits from @fact/core)
export { classifyReference, referencesInText } from './references/referenceCheck.js';

// reconciliation
export { reconcile } from './reconcile/reconcile.js';
export { SUGGESTION_WEIGHTS } from './reconcile/creditMatch.js';
export { paymentLines } from './reconcile/paymentLines.js';
export { confirmAllocation } from './reconcile/confirm.js';
export type {
  Allocation,
  Candidate,
  IgnoreReason,
  MatchReason,
  MatchRule,
  OpenInvoice,
  PaymentLine,
  PriorPayment,
  ReconciledPayment,
  ReconcileOptions,
  ReconcileOutcome,
} from './reconcile/types.js';

// The SQLite schema: every table of Fact, by name. Table files live in ./sqlite/ and are identical to
// those in the other dialect's folder; only ./sqlite/columns.ts differs.
import { auditLog } from './sqlite/audit.js';
import { bankAccounts, bankStatements, bankTransactions } from './sqlite/bank.js';
import {
  disputes,
  dunningEvents,
  holds,
  paymentPlanInstallments,
  paymentPlanInvoices,
  paymentPlans,
  notes,
  promisesToPay,
} from './sqlite/collection.js';
import { dunningOutbox, letterTemplates } from './sqlite/dunning.js';
import { debtorContacts, debtors } from './sqlite/debtors.js';
import { documents } from './sqlite/documents.js';
import { factorProfiles, factoringAssignments, factoringBatches, factoringDeliveries, signingKeys } from './sqlite/factoring.js';
import { invoiceLines, invoices } from './sqlite/invoices.js';
import { allocations, payments } from './sqlite/payments.js';
import { receivableDueTotals, salesDayTotals } from './sqlite/receivables.js';
import { apiTokens, companies, factors, firms, loginAttempts, memberships, sessions, users } from './sqlite/tenancy.js';

/** All tables of the SQLite schema, keyed by their TypeScript name. */
export const tables = {
  firms,
  users,
  sessions,
  apiTokens,
  loginAttempts,
  companies,
  factors,
  memberships,
  debtors,
  debtorContacts,
  documents,
  invoices,
  invoiceLines,
  bankAccounts,
  bankStatements,
  bankTransactions,
  payments,
  allocations,
  disputes,
  holds,
  promisesToPay,
  paymentPlans,
  paymentPlanInstallments,
  paymentPlanInvoices,
  dunningEvents,
  dunningOutbox,
  letterTemplates,
  notes,
  factoringBatches,
  factoringAssignments,
  factorProfiles,
  signingKeys,
  factoringDeliveries,
  auditLog,
  receivableDueTotals,
  salesDayTotals,
};

// The PostgreSQL schema: every table of Fact, by name. Table files live in ./pg/ and are identical to
// those in the other dialect's folder; only ./pg/columns.ts differs.
import { auditLog } from './pg/audit.js';
import { bankAccounts, bankStatements, bankTransactions } from './pg/bank.js';
import {
  disputes,
  dunningEvents,
  holds,
  paymentPlanInstallments,
  paymentPlanInvoices,
  paymentPlans,
  notes,
  promisesToPay,
} from './pg/collection.js';
import { dunningOutbox, letterTemplates } from './pg/dunning.js';
import { debtorContacts, debtors } from './pg/debtors.js';
import { documents } from './pg/documents.js';
import { factorProfiles, factoringAssignments, factoringBatches, factoringDeliveries, signingKeys } from './pg/factoring.js';
import { invoiceLines, invoices } from './pg/invoices.js';
import { allocations, payments } from './pg/payments.js';
import { receivableDueTotals, salesDayTotals } from './pg/receivables.js';
import { apiTokens, companies, factors, firms, loginAttempts, memberships, sessions, users } from './pg/tenancy.js';

/** All tables of the PostgreSQL schema, keyed by their TypeScript name. */
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

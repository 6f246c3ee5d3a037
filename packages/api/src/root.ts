import { auditRouter } from './router/audit.js';
import { authRouter } from './router/auth.js';
import { collectionRouter } from './router/collection.js';
import { documentRouter } from './router/document.js';
import { dunningRouter } from './router/dunning.js';
import { dunningRunRouter } from './router/dunning-run.js';
import { factorRouter } from './router/factor.js';
import { factoringRouter } from './router/factoring.js';
import { reportsRouter } from './router/reports.js';
import { companyRouter } from './router/company.js';
import { debtorRouter } from './router/debtor.js';
import { firmRouter } from './router/firm.js';
import { invoiceRouter } from './router/invoice.js';
import { paymentRouter } from './router/payment.js';
import { bankRouter } from './router/bank.js';
import { exportsRouter } from './router/exports.js';
import { importsRouter } from './router/imports.js';
import { overviewRouter } from './router/overview.js';
import { router } from './trpc.js';

/** The whole API: one router per area, composed here and nowhere else. */
export const appRouter = router({
  auth: authRouter,
  firm: firmRouter,
  overview: overviewRouter,
  company: companyRouter,
  debtor: debtorRouter,
  invoice: invoiceRouter,
  payment: paymentRouter,
  collection: collectionRouter,
  dunning: dunningRouter,
  dunningRun: dunningRunRouter,
  reports: reportsRouter,
  document: documentRouter,
  audit: auditRouter,
  factor: factorRouter,
  factoring: factoringRouter,
  imports: importsRouter,
  exports: exportsRouter,
  bank: bankRouter,
});

/** The router's type, for clients (`createTRPCClient<AppRouter>`). */
export type AppRouter = typeof appRouter;

// Follow-up records of the receivables: one file per idea. This module keeps the names that
// `@fact/db` (src/index.ts) and the tests import from one place.
export { openDispute, closeDispute, listDisputes, type Dispute } from './disputes.js';
export { placeHold, releaseHold, activeHolds, type Hold } from './holds.js';
export { recordPromise, settlePromise, listPromises, type PromiseToPay } from './promises.js';
export { createPaymentPlan, getPaymentPlan, setPaymentPlanStatus, type PaymentPlan } from './paymentPlans.js';
export { appendDunningEvents, listDunningEvents, type DunningEvent } from './dunningEvents.js';

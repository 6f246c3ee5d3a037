// Public surface of @fact/dunning-runner. Every export is named.

// running
export { runCompany, deliverNow } from './run/run-company.js';
export type { RunReport } from './run/run-company.js';
export type { DeliverReport } from './run/deliver-phase.js';
export type { RunnerContext } from './run/options.js';
export { localDateTime } from './run/local-time.js';

// the accountant's queue
export { listQueue, decide } from './run/queue.js';
export type { QueueItem, QueueDecision, DecisionOutcome } from './run/queue.js';

// settings
export { parseRunnerSettings, DEFAULT_RUNNER_SETTINGS } from './settings/runner-settings.js';
export type { RunnerSettings, SenderIdentity } from './settings/runner-settings.js';
export { publishedRates } from './settings/published-rates.js';

// outbox
export { outboxKey, messageIdFor } from './outbox/key.js';
export { loadOutbox } from './outbox/store.js';
export { foldLegacyOutbox } from './outbox/legacy.js';
export { isClaimable, mayPlan, FINAL_STATES } from './outbox/state.js';
export type { OutboxEntry, OutboxMark, OutboxState, PlannedSend } from './outbox/state.js';

// planning, gate, claims
export { companyPlan, policyFor, loadCompany } from './facts/company-plan.js';
export type { KindPlan, CompanyRow } from './facts/company-plan.js';
export { sendGate, sendGates } from './facts/gate.js';
export type { GateOutcome, GateReason } from './facts/gate.js';
export { priceClaims } from './compose/claims.js';
export type { PricedClaim, PricedClaims, PricedInterest } from './compose/claims.js';

// rendering (in this thread, or a pool of worker threads)
export { renderPool } from './compose/render-pool.js';
export { inlineRenderer } from './compose/renderer.js';
export type { Renderer, RenderJob, RenderResult } from './compose/renderer.js';

// channels
export { emlFolderChannel, smtpChannel, mailChannelFromEnv } from './channels/email.js';
export type { MailChannel, OutgoingMail } from './channels/email.js';
export { printBatch } from './channels/print.js';
export { weeklyDigest } from './digest/weekly-digest.js';
export type { WeeklyDigest } from './digest/weekly-digest.js';

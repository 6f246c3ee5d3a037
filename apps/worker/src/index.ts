// Public surface of @fact/worker: the scheduler pieces and the CLI program, for embedding and tests.
export { dueCompanies, isDigestDay } from './schedule.js';
export type { ScheduledCompany } from './schedule.js';
export { tick } from './worker-loop.js';
export { createProgram } from './program.js';
export type { CliIo } from './program.js';
export { openRunner, workerPaths, workerSchedule, WorkerConfigError } from './config.js';
export type { WorkerPaths, WorkerSchedule } from './config.js';
export { deliveryRetryPass, repeatEvery } from './deliveries.js';
export type { DeliveryPass } from './deliveries.js';

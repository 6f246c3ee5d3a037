// `@fact/api/testing`: fixtures other packages' tests use (apps/api's HTTP tests): two firms with a
// user per role, one record of every tenant-scoped kind, and a caller bound to a user.
export { NOW, PASSWORD, callerFor, seedTenancy, sessionToken } from './tenancy.js';
export type { Tenancy } from './tenancy.js';
export { assignToFactor, seedRecords } from './records.js';
export { factorProfile } from './factoring.js';
export type { RecordIds } from './records.js';
export { inputAt, listProcedures } from './procedures.js';
export type { ProcedureInfo } from './procedures.js';

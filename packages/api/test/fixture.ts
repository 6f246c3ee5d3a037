// The API tests' fixtures live in src/testing (also exported as @fact/api/testing).
export { NOW, PASSWORD, callerFor, seedTenancy, sessionToken } from '../src/testing/tenancy.js';
export type { Tenancy } from '../src/testing/tenancy.js';

// The API tests' fixtures live in src/testing (also exported as @fact/api/testing).
export { assignToFactor, seedRecords } from '../src/testing/records.js';
export type { RecordIds } from '../src/testing/records.js';

// Test support of @fact/bank for other packages' tests (`@fact/bank/testing`): generated CODA and
// camt.053 statements that the parsers accept (balances and trailers add up).
export { codaFile } from './coda.js';
export type { CodaMovement, CodaStatementSpec } from './coda.js';
export { camtFile } from './camt.js';
export type { CamtEntry } from './camt.js';

// `@fact/db/testing`: the harness other packages' tests use to get fresh, migrated databases.
export { realPostgresUrl, testTargets } from './freshDb.js';
export type { TestTarget } from './freshDb.js';

// The one door to @fact/db: the API is written against its Executor (root handle or open
// transaction), so a service works the same inside and outside a transaction.
export type { Executor as Database } from '@fact/db';

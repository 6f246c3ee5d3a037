// `pnpm db:migrate [--url <url>]`: applies the committed migrations to DATABASE_URL (or --url,
// or the default SQLite file ./data/fact.sqlite).
import { parseArgs } from 'node:util';
import { createDb } from '../client/createDb.js';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
const db = createDb(values.url ?? process.env.DATABASE_URL);
const started = performance.now();
await db.migrate();
console.log(`migrated ${db.driver} database in ${((performance.now() - started) / 1000).toFixed(2)} s`);
await db.close();

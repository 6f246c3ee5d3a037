// `pnpm start` (turbo builds first): serve the built portal (adapter-node) and say where and with
// which demo log-ins. The server itself migrates the database and seeds the demo data when it is
// empty (hooks.server.ts `init`, with @fact/db's seedDemoIfEmpty), before it listens.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO_LOGINS, PORTAL_DIR, sqlitePath } from './demo-db.js';

// apps/api listens on 3000 by default; the portal takes 3001 unless PORTAL_PORT says otherwise.
const port = Number(process.env.PORTAL_PORT ?? 3001);
const host = process.env.PORTAL_HOST ?? '127.0.0.1';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const maxUpload = Number(process.env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024);

const path = sqlitePath(process.env.DATABASE_URL);
if (path) {
  process.env.DATABASE_URL = path;
  mkdirSync(dirname(path), { recursive: true });
}
process.env.DOCUMENTS_DIR ??= resolve(PORTAL_DIR, 'data/documents');
process.env.PORT = String(port);
process.env.HOST = host;
process.env.ORIGIN = origin;
// Several files per upload, each up to MAX_UPLOAD_BYTES; the action gives the clear per-file message.
process.env.BODY_SIZE_LIMIT ??= String(maxUpload * 5);

await import(resolve(PORTAL_DIR, 'build/index.js'));

console.log(`\nFact portal: ${origin}`);
console.log('Demo log-ins:');
for (const u of DEMO_LOGINS) console.log(`  ${u.role.padEnd(12)} ${u.email.padEnd(24)} password: ${u.password}`);

// The browser tests' web server: a fresh database (two firms so that tenant isolation can be
// tried), the demo data, an IBAN on the entrepreneur's company (the demo seed has none, and the
// invoice page's payment QR needs one), then the built portal via scripts/start.js.
import { mkdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { demoIds, seedWithCli } from '../scripts/demo-db.js';

const dir = process.env.E2E_DIR;
const path = process.env.DATABASE_URL;
if (!dir || !path) throw new Error('E2E_DIR and DATABASE_URL are set by playwright.config.ts');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
seedWithCli(path, { firms: 2, companies: 6, invoices: 900, quiet: true });
const ids = demoIds(path);
const db = new Database(path);
db.prepare("update companies set iban = 'BE68539007547034', bic = 'BBRUBEBB' where id = ?").run(ids.entrepreneurCompanyId);
db.close();
await import('../scripts/start.js');

// The browser tests' web server: a fresh database (two firms so that tenant isolation can be
// tried), the demo data, an IBAN and VAT number on the entrepreneur's company (the demo seed has
// none; the invoice page's payment QR and the invoices sold to a factor need them), a second
// factor of the demo firm with its own user (factor2@demo.fact, the demo factor's password) so
// the factoring test can show one factor never sees another's batch, then the built portal via
// scripts/start.js.
import { randomUUID } from 'node:crypto';
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
db.prepare("update companies set iban = 'BE68539007547034', bic = 'BBRUBEBB', vat_number = 'BE0403019261', enterprise_number = '0403.019.261' where id = ?").run(ids.entrepreneurCompanyId);
const firmId = db.prepare('select firm_id as firmId from companies where id = ?').get(ids.entrepreneurCompanyId).firmId;
const secondFactor = randomUUID();
const secondUser = randomUUID();
const now = Date.now();
db.prepare("insert into factors (id, firm_id, name, version, created_at) values (?, ?, 'Second Demo Factor NV', 1, ?)").run(secondFactor, firmId, now);
db.prepare("insert into users (id, email, name, password_hash, language, disabled, created_at) select ?, 'factor2@demo.fact', 'Second Factor', password_hash, 'en', 0, ? from users where email = 'factor@demo.fact'").run(secondUser, now);
db.prepare("insert into memberships (id, user_id, factor_id, role, created_at) values (?, ?, ?, 'factor', ?)").run(randomUUID(), secondUser, secondFactor, now);
db.close();
await import('../scripts/start.js');

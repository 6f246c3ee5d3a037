// Helpers for `pnpm start` and the browser tests. The browser tests need two firms (to try tenant
// isolation), which @fact/db's seedDemoIfEmpty does not offer, so they seed through its `db:seed`
// CLI (this file runs outside the bundle, where @fact/db's sources are not loadable).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const here = dirname(fileURLToPath(import.meta.url));
export const PORTAL_DIR = resolve(here, '..');

/** Mirrors DEMO_USERS of @fact/db's seed (src/seed/seed.ts): public demo passwords, demo only. */
export const DEMO_LOGINS = [
  { role: 'accountant', email: 'accountant@demo.fact', password: 'demo-accountant' },
  { role: 'entrepreneur', email: 'entrepreneur@demo.fact', password: 'demo-entrepreneur' },
  { role: 'factor', email: 'factor@demo.fact', password: 'demo-factor' },
];

/** The SQLite file a DATABASE_URL names, or null for PostgreSQL/PGlite/memory. */
export function sqlitePath(url) {
  const u = (url ?? '').trim();
  if (!u) return resolve(PORTAL_DIR, 'data/fact.sqlite');
  if (/^(postgres|postgresql|pglite):/.test(u) || u === ':memory:' || u === 'sqlite::memory:') return null;
  const path = u.replace(/^file:(\/\/(?=\/))?/, '').replace(/^sqlite:/, '');
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

function userCount(path) {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'users'").get();
    return table ? db.prepare('select count(*) as n from users').get().n : 0;
  } finally {
    db.close();
  }
}

/** Migrates and seeds with the @fact/db CLI when the database has no users yet. Returns whether it seeded. */
export function seedWithCli(path, options = {}) {
  if (userCount(path) > 0) return false;
  mkdirSync(dirname(path), { recursive: true });
  const args = ['--filter', '@fact/db', 'db:seed', '--url', path, '--firms', String(options.firms ?? 1), '--companies', String(options.companies ?? 12), '--invoices', String(options.invoices ?? 2400)];
  if (options.asOf) args.push('--as-of', options.asOf);
  const run = spawnSync('pnpm', args, { cwd: PORTAL_DIR, stdio: options.quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`seeding the demo database failed (pnpm ${args.join(' ')}):\n${run.stderr ?? ''}${run.stdout ?? ''}`);
  return true;
}

/** The record ids the browser tests need, read straight from the seeded file. */
export function demoIds(path) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const membership = (email) =>
      db.prepare('select m.firm_id as firmId, m.company_id as companyId from memberships m join users u on u.id = m.user_id where u.email = ?').get(email);
    const accountant = membership('accountant@demo.fact');
    const entrepreneur = membership('entrepreneur@demo.fact');
    const own = db.prepare('select id from companies where firm_id = ? order by legal_name limit 1').get(accountant.firmId);
    const foreign = db.prepare('select id from companies where firm_id <> ? limit 1').get(accountant.firmId);
    const otherOfFirm = db.prepare('select id from companies where firm_id = ? and id <> ? limit 1').get(accountant.firmId, entrepreneur.companyId);
    const invoice = db
      .prepare("select id, debtor_id as debtorId, company_id as companyId from invoices where company_id = ? and status = 'open' and kind = 'invoice' order by due_date limit 1")
      .get(entrepreneur.companyId);
    const foreignInvoice = foreign ? db.prepare('select id, company_id as companyId from invoices where company_id = ? limit 1').get(foreign.id) : null;
    return { ownCompanyId: own.id, entrepreneurCompanyId: entrepreneur.companyId, otherCompanyOfFirm: otherOfFirm?.id ?? null, foreignCompanyId: foreign?.id ?? null, invoice, foreignInvoice };
  } finally {
    db.close();
  }
}

// What the crash tests run and check: a bank import (a real CODA file, then a real camt.053 file,
// through the API's bank.importStatement) and a factoring export (factoring.createBatch), on a
// SQLite file seeded once as a template; and the checks a sceptic would make afterwards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildReceivableTotals, verifyAuditChain, type DbHandle } from '@fact/db';
import type { FactorProfileInput } from '@fact/factoring';
import { eq, sql } from 'drizzle-orm';
import { loadAuthUser } from '../../src/auth/sessions.js';
import { fileDocumentStore } from '../../src/documents/store.js';
import { callerFor, seedTenancy } from '../fixture.js';

/** The shared fixtures folder (the bundled child is told where it is, its own URL says nothing). */
export const FIXTURES_DIR = process.env.FACT_CRASH_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES_DIR, path)).toString('base64');
const CODA = () => fixture('coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod');
const CAMT = () => fixture('camt053/genkgo-camt053.v2.minimal.xml');
export const AS_OF = '2025-03-15';

/** The ids the child process and the checks need (written next to the template). */
export interface Plan {
  userId: string;
  bankCompanyId: string;
  camtCompanyId: string;
  factoringCompanyId: string;
  firmId: string;
  factoringInvoiceIds: string[];
}

export const PROFILE: FactorProfileInput = {
  formatVersion: 1,
  id: 'acme-2025',
  name: 'Acme Factoring standard terms',
  factor: { name: 'Acme Factoring NV', iban: 'BE71096123456769', bic: 'GKCCBEBB' },
  assignment: 'open',
  advancePercent: '85',
  feePercent: '1.5',
  maxInvoiceAgeDays: 90,
  maxDaysPastDue: 60,
  recourse: { days: 90, from: 'due-date' },
};

/** A caller acting as the plan's accountant, documents on disk under `dataDir`. */
export async function apiFor(db: DbHandle, plan: Plan, dataDir: string) {
  const user = await loadAuthUser(db, plan.userId, { kind: 'internal' });
  if (!user) throw new Error('the plan user is missing');
  return callerFor(db, user, { documents: fileDocumentStore(join(dataDir, 'documents')) });
}

/**
 * Seeds the template: an invoice the CODA file's structured credit pays (3,044.45), two invoices
 * the camt.053 credit does not name (it waits in the queue), and three invoices to sell with a
 * profile and the seller's address (in the database since factoring keeps its state there).
 */
export async function seedTemplate(db: DbHandle, dataDir: string): Promise<Plan> {
  process.env.FACT_DATA_DIR = dataDir;
  const tenancy = await seedTenancy(db);
  const api = callerFor(db, tenancy.users.accountantA, { documents: fileDocumentStore(join(dataDir, 'documents')) });
  const debtor = (companyId: string, name: string) =>
    api.debtor.create({ companyId, kind: 'business', name, language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0428759497' });
  const invoice = (companyId: string, debtorId: string, number: string, net: string, vatRate: string, reference?: string, dates = { issueDate: '2010-12-01', dueDate: '2010-12-31' }) =>
    api.invoice.create({ companyId, debtorId, number, ...dates, ...(reference ? { paymentReference: reference } : {}), lines: [{ description: 'Goods', quantity: '1', unitPrice: net, vatRate, vatCategory: 'S' }] });

  const coda = await debtor(tenancy.companyA1, 'Debtor of F-CODA-1');
  await invoice(tenancy.companyA1, coda.id, 'F-CODA-1', '2872.12', '6', '+++240/2838/42818+++');
  const camt = await debtor(tenancy.companyA2, 'Debtor of the camt credit');
  await invoice(tenancy.companyA2, camt.id, 'F-CAMT-1', '4.13', '21');
  await invoice(tenancy.companyA2, camt.id, 'F-CAMT-2', '3.18', '21');

  // Factoring happens in firm B's company (made Belgian here), so its audit chain and totals are separate.
  const fapi = callerFor(db, tenancy.users.accountantB, { documents: fileDocumentStore(join(dataDir, 'documents')) });
  const c = tenancy.companyB1;
  await db.transaction((tx) => tx.db.update(tx.tables.companies).set({ country: 'BE', timeZone: 'Europe/Brussels', iban: 'BE68539007547034', vatNumber: 'BE0403019261', enterpriseNumber: '0403019261' }).where(eq(tx.tables.companies.id, c)));
  await fapi.factoring.seller.save({ companyId: c, street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' });
  await fapi.factoring.profiles.save({ companyId: c, profile: { ...PROFILE } });
  const buyer = await fapi.debtor.create({ companyId: c, kind: 'business', name: 'Brouwerij Dijkstra BV', language: 'nl', country: 'BE', street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0428759497' });
  const sold: string[] = [];
  for (const n of ['F-FAC-1', 'F-FAC-2', 'F-FAC-3']) {
    const inv = await fapi.invoice.create({ companyId: c, debtorId: buyer.id, number: n, issueDate: '2025-02-20', dueDate: '2025-03-22', lines: [{ description: 'Consultancy', quantity: '1', unitPrice: '1000.00', vatRate: '21', vatCategory: 'S' }] });
    sold.push(inv.id);
  }
  return { userId: tenancy.users.accountantA.id, bankCompanyId: tenancy.companyA1, camtCompanyId: tenancy.companyA2, factoringCompanyId: c, firmId: tenancy.firmB, factoringInvoiceIds: sold };
}

/** The bank import of one run: the CODA file into A1, then the camt.053 file into A2. */
export async function runBankImport(api: Awaited<ReturnType<typeof apiFor>>, plan: Plan) {
  const coda = await api.bank.importStatement({ companyId: plan.bankCompanyId, contentBase64: CODA(), fileName: 'extract.cod' });
  const camt = await api.bank.importStatement({ companyId: plan.camtCompanyId, contentBase64: CAMT(), fileName: 'camt.xml' });
  return { coda, camt };
}

/** The factoring export of one run, as the accountant of firm B. */
export async function factoringApiFor(db: DbHandle, plan: Plan, dataDir: string) {
  const u = db.tables.users;
  const [row] = await db.db.select({ id: u.id }).from(u).where(eq(u.email, 'bram@kantoor-b.nl'));
  const user = await loadAuthUser(db, row!.id, { kind: 'internal' });
  return callerFor(db, user!, { documents: fileDocumentStore(join(dataDir, 'documents')) });
}

export async function runFactoringExport(api: Awaited<ReturnType<typeof factoringApiFor>>, plan: Plan) {
  return api.factoring.createBatch({ companyId: plan.factoringCompanyId, profileId: PROFILE.id, invoiceIds: plan.factoringInvoiceIds, asOf: AS_OF });
}

/**
 * What must hold in any state the database is left in: SQLite's own integrity, every foreign key,
 * the running receivable totals equal to a recomputation from the invoices, and the audit hash
 * chain. Returns the problems found (empty when consistent).
 */
export async function consistencyProblems(db: DbHandle): Promise<string[]> {
  const problems: string[] = [];
  const integrity = await db.all<{ integrity_check: string }>(sql`pragma integrity_check`);
  if (integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  const fk = await db.all<Record<string, unknown>>(sql`pragma foreign_key_check`);
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
  const totals = async () => ({
    due: await db.all(sql`select company_id, due_date, open_cents, open_count, credit_cents from receivable_due_totals order by 1, 2`),
    sales: await db.all(sql`select * from sales_day_totals order by 1, 2`),
  });
  const kept = JSON.stringify(await totals());
  await db.transaction((tx) => rebuildReceivableTotals(tx));
  const recomputed = JSON.stringify(await totals());
  if (kept !== recomputed) problems.push(`running totals differ from a recomputation:\n kept ${kept}\n recomputed ${recomputed}`);
  // The open amount of every invoice is its total less its live allocations (and credit notes).
  const drift = await db.all<{ number: string }>(sql`
    select i.number from invoices i
    left join (select a.invoice_id, sum(a.amount_cents) as allocated from allocations a where a.reversed_at is null group by a.invoice_id) al on al.invoice_id = i.id
    where i.kind = 'invoice' and i.status in ('open', 'paid') and i.open_amount_cents <> i.total_cents - coalesce(al.allocated, 0)`);
  if (drift.length) problems.push(`open amounts that are not total − allocations: ${drift.map((d) => d.number).join(', ')}`);
  const chain = await verifyAuditChain(db);
  if (!chain.ok) problems.push(`audit chain: ${chain.message}`);
  return problems;
}

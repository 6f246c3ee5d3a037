// Test and bench data (exported as @fact/dunning-runner/testing): companies with their own sender identity, debtors with e-mail contacts in
// their language, overdue invoices. Deterministic.
import { createCompany, createDebtor, createDb, createFirm, createInvoice, type DbHandle, type Executor } from '@fact/db';
import { money, roundCents } from '@fact/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SeedOptions {
  companies?: number;
  debtorsPerCompany?: number;
  invoicesPerDebtor?: number;
  mode?: 'auto' | 'approve';
  dueDate?: string;
}

export interface Seeded {
  companies: { id: string; email: string; name: string; replyTo: string }[];
  debtors: { id: string; companyId: string; email: string; language: 'nl' | 'fr' | 'en' }[];
  invoices: { id: string; companyId: string; debtorId: string; number: string }[];
}

const LANGS = ['nl', 'fr', 'en'] as const;

/** A temp folder for a test run. */
export function tempDir(prefix = 'fact-dunning-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Opens and migrates a SQLite file. */
export async function openDb(file: string): Promise<DbHandle> {
  const db = createDb(`file:${file}`);
  await db.migrate();
  return db;
}

export async function seed(db: Executor, o: SeedOptions = {}): Promise<Seeded> {
  const out: Seeded = { companies: [], debtors: [], invoices: [] };
  const firm = await createFirm(db, { name: 'Kantoor Peeters', country: 'BE' });
  for (let c = 0; c < (o.companies ?? 1); c++) {
    const slug = `company${c}`;
    const email = `facturatie@${slug}.be`;
    const name = c === 0 ? 'Bakkerij Janssens BV' : `Schrijnwerkerij ${c} BV`;
    const company = await createCompany(db, firm.id, {
      legalName: name,
      country: 'BE',
      enterpriseNumber: '0403.019.261',
      vatNumber: 'BE0403019261',
      iban: 'BE68539007547034',
      bic: 'GKCCBEBB',
      language: 'nl',
      timeZone: 'Europe/Brussels',
      dunningPolicy: {
        runner: {
          mode: o.mode ?? 'auto',
          sendAt: '08:00',
          identity: { email, name, replyTo: `boekhouding@${slug}.be`, signature: `${name} – debiteurenbeheer`, address: { street: `Kerkstraat ${c + 1}`, postalCode: '9000', city: 'Gent' } },
        },
      },
    });
    out.companies.push({ id: company.id, email, name, replyTo: `boekhouding@${slug}.be` });
    for (let d = 0; d < (o.debtorsPerCompany ?? 2); d++) {
      const language = LANGS[d % 3]!;
      const demail = `ap${d}@debtor${c}-${d}.example`;
      const debtor = await createDebtor(db, { companyId: company.id }, {
        kind: 'business',
        name: `Klant ${c}-${d} NV`,
        language,
        country: 'BE',
        street: 'Stationsstraat 1',
        postalCode: '2000',
        city: 'Antwerpen',
        externalRef: `K${c}-${d}`,
        contacts: [{ role: 'billing', name: 'Boekhouding', email: demail, phone: null, language }],
      });
      out.debtors.push({ id: debtor.id, companyId: company.id, email: demail, language });
      for (let i = 0; i < (o.invoicesPerDebtor ?? 1); i++) {
        const number = `F${c}-${d}-${i}`;
        const price = 100 + i + d;
        const inv = await createInvoice(db, { companyId: company.id }, {
          debtorId: debtor.id,
          number,
          issueDate: '2025-02-01',
          dueDate: o.dueDate ?? '2025-03-03',
          lines: [{ description: 'Brood en banket', quantity: '10', unitPrice: `${price}.00`, vatRate: '6', vatCategory: 'S', net: money(price * 10), vat: roundCents(money(price * 10).times('0.06')) }],
        });
        out.invoices.push({ id: inv.id, companyId: company.id, debtorId: debtor.id, number });
      }
    }
  }
  return out;
}

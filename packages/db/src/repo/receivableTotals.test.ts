import { money } from '@fact/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle, Executor } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';
import { createDebtor } from './debtors.js';
import { line } from './fixtures.test-helper.js';
import { cancelInvoice, createCreditNote, createInvoice, getInvoice, updateInvoice } from './invoices.js';
import { ageing, companyKpis } from './kpis.js';
import { applyCreditNote, recordPayment, reversePayment } from './payments.js';
import { rebuildReceivableTotals } from './receivableTotals.js';
import { createCompany, createFirm } from './tenancy.js';

type Row = Record<string, unknown>;
const norm = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])));

/** The totals as the triggers kept them, and as a full recomputation from the invoices gives them. */
async function totalsAndTruth(ex: Executor, companyId: string) {
  const kept = await ex.all<Row>(sql`
    select due_date as d, open_cents as o, open_count as n, credit_cents as c from receivable_due_totals where company_id = ${companyId} order by due_date`);
  const truth = await ex.all<Row>(sql`
    select due_date as d,
      sum(case when kind = 'invoice' then open_amount_cents else 0 end) as o,
      sum(case when kind = 'invoice' then 1 else 0 end) as n,
      sum(case when kind = 'credit_note' then open_amount_cents else 0 end) as c
    from invoices where company_id = ${companyId} and status = 'open' group by due_date
    having sum(case when kind = 'invoice' then 1 else 0 end) <> 0 or sum(open_amount_cents) <> 0 order by due_date`);
  const keptSales = await ex.all<Row>(sql`select issue_date as d, sales_cents as s from sales_day_totals where company_id = ${companyId} order by issue_date`);
  const truthSales = await ex.all<Row>(sql`
    select issue_date as d, sum(case when kind = 'invoice' then total_cents else -total_cents end) as s
    from invoices where company_id = ${companyId} and status in ('open', 'paid', 'written_off') group by issue_date
    having sum(case when kind = 'invoice' then total_cents else -total_cents end) <> 0 order by issue_date`);
  return { kept: norm(kept), truth: norm(truth), keptSales: norm(keptSales), truthSales: norm(truthSales) };
}

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);

/** One random write, as the application makes them. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('invoice' as const), net: fc.integer({ min: 1, max: 5000 }), issue: fc.integer({ min: 0, max: 60 }), term: fc.integer({ min: 0, max: 60 }), draft: fc.boolean() }),
  fc.record({ op: fc.constant('credit' as const), net: fc.integer({ min: 1, max: 500 }), issue: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ op: fc.constant('pay' as const), pick: fc.nat(), share: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('applyCredit' as const), pick: fc.nat(), cn: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat(), to: fc.constantFrom('cancelled' as const, 'written_off' as const) }),
  fc.record({ op: fc.constant('edit' as const), pick: fc.nat(), shift: fc.integer({ min: 0, max: 30 }), net: fc.option(fc.integer({ min: 1, max: 5000 }), { freq: 2 }), open: fc.boolean() }),
  fc.record({ op: fc.constant('rawInsert' as const), net: fc.integer({ min: 1, max: 900 }), due: fc.integer({ min: 0, max: 90 }) }),
);

describe.each(testTargets())('running receivable totals on $name', (target) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let firmId: string;
  beforeAll(async () => {
    ({ db, dispose } = await target.open());
    firmId = (await createFirm(db, { name: 'Totals', country: 'BE' })).id;
  });
  afterAll(() => dispose());

  it('equal a full recomputation from the invoices after any sequence of writes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 4, maxLength: 20 }), async (ops) => {
        run++;
        const base = { country: 'BE' as const, language: 'nl' as const, timeZone: 'Europe/Brussels', enterpriseNumber: null, vatNumber: null, iban: null, bic: null, dunningPolicy: null };
        const company = await createCompany(db, firmId, { ...base, legalName: `Totals ${run}` });
        const scope = { companyId: company.id };
        const debtor = await createDebtor(db, scope, { kind: 'business', name: 'Kroon NV', language: 'nl', country: 'BE' });
        const invoices: string[] = [];
        const credits: string[] = [];
        const payments: string[] = [];
        let n = 0;
        const pickFrom = <T,>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
        const find = async (list: string[], i: number) => {
          const id = pickFrom(list, i);
          return id ? getInvoice(db, scope, id) : undefined;
        };
        for (const o of ops) {
          n++;
          // Refusals (paid invoice, more than open…) are part of the game: they must leave the totals alone.
          await (async () => {
            switch (o.op) {
              case 'invoice': {
                const inv = await createInvoice(db, scope, { debtorId: debtor.id, number: `I-${n}`, issueDate: day(o.issue), dueDate: day(o.issue + o.term), status: o.draft ? 'draft' : 'open', lines: [line(String(o.net))] });
                invoices.push(inv.id);
                return;
              }
              case 'credit': {
                const cn = await createCreditNote(db, scope, { debtorId: debtor.id, number: `C-${n}`, issueDate: day(o.issue), dueDate: day(o.issue), lines: [line(String(o.net))] });
                credits.push(cn.id);
                return;
              }
              case 'pay': {
                const inv = await find(invoices, o.pick);
                if (!inv) return;
                const cents = Math.max(1, Math.floor(Number(inv.openAmount.times(100).toFixed(0)) * o.share));
                const p = await recordPayment(db, scope, { amount: money(String(cents / 100)), receivedOn: day(70), method: 'bank_transfer', reference: `B-${n}`, allocations: [{ invoiceId: inv.id, amount: money(String(cents / 100)) }] });
                payments.push(p.id);
                return;
              }
              case 'applyCredit': {
                const inv = await find(invoices, o.pick);
                const cn = await find(credits, o.cn);
                if (!inv || !cn) return;
                const amount = inv.openAmount.lessThan(cn.openAmount) ? inv.openAmount : cn.openAmount;
                if (amount.isZero()) return;
                await applyCreditNote(db, scope, cn.id, inv.id, amount, day(71));
                return;
              }
              case 'reverse': {
                const id = pickFrom(payments, o.pick);
                if (id) await reversePayment(db, scope, id, 'returned');
                return;
              }
              case 'cancel': {
                const inv = await find(invoices, o.pick);
                if (inv) await cancelInvoice(db, scope, inv.id, inv.version, o.to);
                return;
              }
              case 'edit': {
                const inv = await find(invoices, o.pick);
                if (!inv) return;
                await updateInvoice(db, scope, inv.id, {
                  version: inv.version,
                  dueDate: day(60 + o.shift),
                  ...(o.net !== null ? { lines: [line(String(o.net))] } : {}),
                  ...(o.open && inv.status === 'draft' ? { status: 'open' as const } : {}),
                });
                return;
              }
              case 'rawInsert': {
                // An import writing invoices without the repositories: the triggers still count it.
                await db.transaction((tx) =>
                  tx.db.insert(tx.tables.invoices).values({ id: crypto.randomUUID(), companyId: company.id, debtorId: debtor.id, kind: 'invoice', number: `R-${n}`, status: 'open', issueDate: day(0), dueDate: day(o.due), netCents: o.net, vatCents: 0, totalCents: o.net, openAmountCents: o.net }),
                );
                return;
              }
            }
          })().catch((e: unknown) => {
            if (!(e as { code?: string }).code) throw e;
          });
        }
        const t = await totalsAndTruth(db, company.id);
        expect(t.kept).toEqual(t.truth);
        expect(t.keptSales).toEqual(t.truthSales);
      }),
      { numRuns: target.name === 'sqlite' ? 40 : 20, seed: 20261123 },
    );
  });

  it('rebuildReceivableTotals restores totals that were tampered with', async () => {
    const base = { country: 'NL' as const, language: 'nl' as const, timeZone: 'Europe/Amsterdam', enterpriseNumber: null, vatNumber: null, iban: null, bic: null, dunningPolicy: null };
    const company = await createCompany(db, firmId, { ...base, legalName: 'Rebuild BV' });
    const scope = { companyId: company.id };
    const debtor = await createDebtor(db, scope, { kind: 'business', name: 'Zeeman BV', language: 'nl', country: 'NL' });
    await createInvoice(db, scope, { debtorId: debtor.id, number: 'X-1', issueDate: '2025-05-01', dueDate: '2025-05-31', lines: [line('100')] });
    const before = await ageing(db, scope, '2025-06-30');
    await db.transaction((tx) => tx.run(sql`update receivable_due_totals set open_cents = open_cents + 999 where company_id = ${company.id}`));
    expect((await ageing(db, scope, '2025-06-30')).total.toFixed(2)).not.toBe(before.total.toFixed(2));
    await rebuildReceivableTotals(db, [company.id]);
    expect((await ageing(db, scope, '2025-06-30')).total.toFixed(2)).toBe('121.00');
    const [k] = await companyKpis(db, scope, '2025-06-30');
    expect([k?.outstanding.toFixed(2), k?.overdue.toFixed(2), k?.openInvoices, k?.sales.toFixed(2)]).toEqual(['121.00', '121.00', 1, '121.00']);
  });
});

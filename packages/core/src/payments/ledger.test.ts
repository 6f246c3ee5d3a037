import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { FactError } from '../errors/FactError.js';
import { fromCents, sumMoney } from '../money/money.js';
import { ledgerOf } from './ledger.js';
import { openBalance } from './openBalance.js';
import type { OpenItem, PaymentInput } from './types.js';

function expectFactError(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactError);
    expect({ code: (e as FactError).code, field: (e as FactError).field }).toEqual({ code, field });
    return;
  }
  throw new Error(`expected ${code} on ${field}`);
}

const A: OpenItem = { id: 'A', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '1000.00', costs: '115.00', interest: '20.00' };
const B: OpenItem = { id: 'B', kind: 'invoice', issueDate: '2025-02-01', dueDate: '2025-03-03', amount: '500.00' };
const CN: OpenItem = { id: 'CN', kind: 'credit-note', issueDate: '2025-02-10', dueDate: '2025-02-10', amount: '100.00', appliesTo: 'B' };
const FREE_CN: OpenItem = { id: 'CN2', kind: 'credit-note', issueDate: '2025-02-11', dueDate: '2025-02-11', amount: '30.00' };

describe('ledgerOf', () => {
  const payments: PaymentInput[] = [
    { id: 'P1', date: '2025-02-15', amount: '300.00' },
    { id: 'P2', date: '2025-03-10', amount: '2000.00' },
  ];

  it('replays credit notes and payments in date order and keeps the overpayment', () => {
    const l = ledgerOf({ items: [A, B, CN, FREE_CN], payments, asOf: '2025-03-31' });
    expect(l.lines.map((x) => [x.item.id, x.open.total.toFixed(2)])).toEqual([['A', '0.00'], ['B', '0.00']]);
    // 1135 + 400 open before P2; P2 = 2000, P1 already took 300 from A → 2000 − (835 + 400) = 765.
    expect(l.credits.map((c) => [c.sourceId, c.source, c.amount.toFixed(2)])).toEqual([
      ['CN2', 'credit-note', '30.00'],
      ['P2', 'payment', '765.00'],
    ]);
    expect(l.totals.net.toFixed(2)).toBe('-795.00');
  });

  it('answers as of an earlier date with only what happened by then', () => {
    const l = ledgerOf({ items: [A, B, CN, FREE_CN], payments, asOf: '2025-02-20' });
    const a = l.lines.find((x) => x.item.id === 'A')?.open;
    expect([a?.costs, a?.interest, a?.principal].map((m) => m?.toFixed(2))).toEqual(['0.00', '0.00', '835.00']);
    expect(l.lines.find((x) => x.item.id === 'B')?.open.total.toFixed(2)).toBe('400.00');
    expect(l.totals.open.toFixed(2)).toBe('1235.00');
    expect(l.totals.unapplied.toFixed(2)).toBe('30.00');
    expect(ledgerOf({ items: [A, B], payments, asOf: '2025-01-15' }).lines.map((x) => x.item.id)).toEqual(['A']);
  });

  it('reopens an invoice from the day a payment comes back (camt RvslInd)', () => {
    const ps: PaymentInput[] = [
      { id: 'P1', date: '2025-02-15', amount: '1200.00' },
      { id: 'R1', date: '2025-02-20', amount: '1200.00', reversalOf: 'P1' },
    ];
    const before = ledgerOf({ items: [A], payments: ps, asOf: '2025-02-19' });
    expect(before.lines[0]?.open.total.toFixed(2)).toBe('0.00');
    expect(before.totals.unapplied.toFixed(2)).toBe('65.00');
    const after = ledgerOf({ items: [A], payments: ps, asOf: '2025-02-20' });
    expect(after.lines[0]?.open.total.toFixed(2)).toBe('1135.00');
    expect(after.credits).toEqual([]);
    expect(sumMoney(after.allocations.map((a) => a.amount)).toFixed(2)).toBe('0.00');
  });

  it('refuses broken histories with a code and the field', () => {
    expectFactError(() => ledgerOf({ items: [A], payments: [], asOf: '2025-13-01' }), 'INVALID_DATE', 'asOf');
    expectFactError(() => ledgerOf({ items: [A, A], payments: [], asOf: '2025-03-01' }), 'DUPLICATE_ID', 'items[1].id');
    expectFactError(() => ledgerOf({ items: [A], payments: [{ id: 'A', date: '2025-03-01', amount: '1' }], asOf: '2025-03-01' }), 'DUPLICATE_ID', 'payments[0].id');
    expectFactError(() => ledgerOf({ items: [{ ...CN, appliesTo: 'Z' }], payments: [], asOf: '2025-03-01' }), 'UNKNOWN_ITEM', 'items[0].appliesTo');
    expectFactError(() => ledgerOf({ items: [A], payments: [{ id: 'R', date: '2025-03-01', amount: '1', reversalOf: 'P' }], asOf: '2025-03-01' }), 'INVALID_REVERSAL', 'payments[0].reversalOf');
    expectFactError(
      () => ledgerOf({ items: [A], payments: [{ id: 'P', date: '2025-03-01', amount: '2' }, { id: 'R', date: '2025-03-01', amount: '1', reversalOf: 'P' }], asOf: '2025-03-01' }),
      'INVALID_REVERSAL',
      'payments[1].amount',
    );
    expectFactError(() => ledgerOf({ items: [A], payments: [{ id: 'P', date: '2025-03-01', amount: '2', targetItemIds: ['Q'] }], asOf: '2025-03-01' }), 'UNKNOWN_ITEM', 'payments[0].targetItemIds[0]');
    expectFactError(() => ledgerOf({ items: [A], payments: [{ id: 'P', date: 'yesterday', amount: '2' }], asOf: '2025-03-01' }), 'INVALID_DATE', 'payments[0].date');
  });

  it('property: balances as of any date agree with a full replay, and money is conserved', () => {
    const history = fc.record({
      items: fc.array(fc.record({ issue: fc.integer({ min: 0, max: 200 }), term: fc.integer({ min: 0, max: 60 }), cents: fc.integer({ min: 1, max: 200_000 }), costs: fc.integer({ min: 0, max: 5_000 }), credit: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 300 }), cents: fc.integer({ min: 1, max: 300_000 }), reversed: fc.boolean() }), { maxLength: 6 }),
      asOf: fc.integer({ min: 0, max: 320 }),
    });
    fc.assert(
      fc.property(history, (h) => {
        const start = '2025-01-01';
        const items: OpenItem[] = h.items.map((r, i) =>
          r.credit && i > 0
            ? { id: `C${i}`, kind: 'credit-note', issueDate: addDays(start, r.issue), dueDate: addDays(start, r.issue), amount: fromCents(r.cents), appliesTo: 'I0' }
            : { id: `I${i}`, kind: 'invoice', issueDate: addDays(start, r.issue), dueDate: addDays(start, r.issue + r.term), amount: fromCents(r.cents), costs: fromCents(r.costs) },
        );
        const payments: PaymentInput[] = h.payments.flatMap((p, i) => [
          { id: `P${i}`, date: addDays(start, p.day), amount: fromCents(p.cents) },
          ...(p.reversed ? [{ id: `R${i}`, date: addDays(start, p.day + 3), amount: fromCents(p.cents), reversalOf: `P${i}` }] : []),
        ]);
        const asOf = addDays(start, h.asOf);
        const full = ledgerOf({ items, payments, asOf: '2026-12-31' });
        const now = ledgerOf({ items, payments, asOf });
        for (const line of now.lines) {
          expect(openBalance(line.item, full.allocations, asOf).total.equals(line.open.total)).toBe(true);
        }
        // Conservation: what was claimed − what is open = what was allocated; payments − reversals = allocated to invoices + unapplied − unapplied credit notes.
        const issued = items.filter((i) => i.issueDate <= asOf);
        const claimed = sumMoney(issued.filter((i) => i.kind === 'invoice').map((i) => fromCents(0).plus(i.amount).plus(i.costs ?? 0)));
        const allocated = sumMoney(now.allocations.map((a) => a.amount));
        expect(claimed.minus(now.totals.open).equals(allocated)).toBe(true);
        const received = sumMoney(payments.filter((p) => p.date <= asOf).map((p) => fromCents(0).plus(p.amount).times(p.reversalOf ? -1 : 1)));
        const credited = sumMoney(issued.filter((i) => i.kind === 'credit-note').map((i) => fromCents(0).plus(i.amount)));
        expect(received.plus(credited).equals(allocated.plus(now.totals.unapplied))).toBe(true);
        expect(now.lines.every((l) => !l.open.total.isNegative())).toBe(true);
      }),
    );
  });
});

describe('openBalance', () => {
  it('is the claim before any allocation, zero before issue, and names the last payment date', () => {
    const l = ledgerOf({ items: [A], payments: [{ id: 'P', date: '2025-02-15', amount: '1135.00' }], asOf: '2025-12-31' });
    expect(openBalance(A, l.allocations, '2025-02-14').total.toFixed(2)).toBe('1135.00');
    expect(openBalance(A, l.allocations, '2024-12-31').total.toFixed(2)).toBe('0.00');
    const paid = openBalance(A, l.allocations, '2025-02-15');
    expect(paid.total.toFixed(2)).toBe('0.00');
    expect(paid.lastAllocationDate).toBe('2025-02-15');
  });

  it('gives the credit left on a credit note', () => {
    const l = ledgerOf({ items: [B, CN], payments: [{ id: 'P', date: '2025-02-05', amount: '450.00' }], asOf: '2025-12-31' });
    expect(openBalance(CN, l.allocations, '2025-12-31').total.toFixed(2)).toBe('50.00');
    expect(l.totals.unapplied.toFixed(2)).toBe('50.00');
  });

  it('refuses a bad date and allocations that take too much', () => {
    expectFactError(() => openBalance(A, [], '2025-02-30'), 'INVALID_DATE', 'asOf');
    expectFactError(
      () => openBalance(A, [{ paymentId: 'X', source: 'payment', itemId: 'A', component: 'interest', amount: fromCents(2001), date: '2025-02-01' }], '2025-03-01'),
      'INVALID_AMOUNT',
      'allocations',
    );
  });
});

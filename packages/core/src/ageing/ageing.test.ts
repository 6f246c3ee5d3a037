import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { FactError } from '../errors/FactError.js';
import { fromCents, sumMoney } from '../money/money.js';
import { ledgerOf } from '../payments/ledger.js';
import { openBalance } from '../payments/openBalance.js';
import type { OpenItem, PaymentInput } from '../payments/types.js';
import { ageing } from './ageing.js';
import { ageingBuckets, DEFAULT_AGEING_BUCKETS, validateAgeingBuckets } from './buckets.js';
import { paymentStatus } from './paymentStatus.js';

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

const invoice = (id: string, dueDate: string, amount = '100.00'): OpenItem => ({ id, kind: 'invoice', issueDate: addDays(dueDate, -30), dueDate, amount });

describe('paymentStatus', () => {
  const inv: OpenItem = { ...invoice('A', '2025-03-31'), costs: '40.00' };
  const at = (asOf: string, payments: PaymentInput[] = []) => {
    const l = ledgerOf({ items: [inv], payments, asOf: '2030-01-01' });
    return paymentStatus(inv, openBalance(inv, l.allocations, asOf), asOf);
  };

  it('is not due before the due date, due today on it, overdue from the day after', () => {
    expect(at('2025-03-01')).toMatchObject({ status: 'not-due', dueInDays: 30, partlyPaid: false });
    expect(at('2025-03-31')).toMatchObject({ status: 'due-today' });
    expect(at('2025-04-01')).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    expect(at('2025-02-28')).toEqual({ status: 'not-issued', issuedInDays: 1 });
  });

  it('marks partial payment and stays overdue until costs are paid too', () => {
    const s = at('2025-04-10', [{ id: 'P', date: '2025-04-05', amount: '100.00' }]);
    expect(s).toMatchObject({ status: 'overdue', daysOverdue: 10, partlyPaid: true });
    expect(s.status === 'overdue' && s.open.toFixed(2)).toBe('40.00');
  });

  it('is paid on the date of the settling payment', () => {
    expect(at('2025-06-01', [{ id: 'P', date: '2025-04-05', amount: '140.00' }])).toEqual({ status: 'paid', paidOn: '2025-04-05' });
  });

  it('reports credit notes as credit', () => {
    const cn: OpenItem = { id: 'CN', kind: 'credit-note', issueDate: '2025-01-01', dueDate: '2025-01-01', amount: '5.00' };
    expect(paymentStatus(cn, openBalance(cn, [], '2025-02-01'), '2025-02-01')).toMatchObject({ status: 'credit' });
  });

  it('refuses a balance of another item and a bad date', () => {
    expectFactError(() => paymentStatus(inv, openBalance(invoice('B', '2025-03-31'), [], '2025-04-01'), '2025-04-01'), 'INVALID_ARGUMENT', 'balance.itemId');
    expectFactError(() => paymentStatus(inv, openBalance(inv, [], '2025-04-01'), '2025-4-1'), 'INVALID_DATE', 'asOf');
  });
});

describe('ageing buckets', () => {
  it('defaults to not due, 1–30, 31–60, 61–90, > 90', () => {
    expect(DEFAULT_AGEING_BUCKETS.map((b) => [b.label, b.fromDays, b.toDays])).toEqual([
      ['not due', null, 0], ['1–30', 1, 30], ['31–60', 31, 60], ['61–90', 61, 90], ['> 90', 91, null],
    ]);
  });

  it('refuses boundaries that do not increase, and gaps or overlaps', () => {
    expectFactError(() => ageingBuckets([30, 30]), 'INVALID_AGEING_BUCKETS', 'boundaries[1]');
    expectFactError(() => ageingBuckets([30, 20]), 'INVALID_AGEING_BUCKETS', 'boundaries[1]');
    expectFactError(() => ageingBuckets([0]), 'INVALID_AGEING_BUCKETS', 'boundaries[0]');
    expectFactError(() => ageingBuckets([1.5]), 'INVALID_AGEING_BUCKETS', 'boundaries[0]');
    expectFactError(() => validateAgeingBuckets([{ label: 'a', fromDays: null, toDays: 0 }, { label: 'b', fromDays: 2, toDays: null }]), 'INVALID_AGEING_BUCKETS', 'buckets[1].fromDays');
    expectFactError(() => validateAgeingBuckets([{ label: 'a', fromDays: null, toDays: 10 }, { label: 'b', fromDays: 5, toDays: null }]), 'INVALID_AGEING_BUCKETS', 'buckets[1].fromDays');
    expectFactError(() => validateAgeingBuckets([{ label: 'a', fromDays: null, toDays: 10 }]), 'INVALID_AGEING_BUCKETS', 'buckets[0].toDays');
    expectFactError(() => validateAgeingBuckets([{ label: 'a', fromDays: 0, toDays: null }]), 'INVALID_AGEING_BUCKETS', 'buckets[0].fromDays');
    expectFactError(() => validateAgeingBuckets([{ label: 'a', fromDays: null, toDays: 5 }, { label: 'b', fromDays: 6, toDays: 3 }, { label: 'c', fromDays: 4, toDays: null }]), 'INVALID_AGEING_BUCKETS', 'buckets[1].toDays');
    expectFactError(() => validateAgeingBuckets([]), 'INVALID_AGEING_BUCKETS', 'buckets');
  });
});

describe('ageing', () => {
  it('puts future-due and due-today invoices in "not due" and the rest by days past due', () => {
    const report = ageing(
      [
        { item: invoice('FUTURE', '2025-06-30'), open: '10.00' },
        { item: invoice('TODAY', '2025-06-01'), open: '20.00' },
        { item: invoice('D1', '2025-05-31'), open: '30.00' },
        { item: invoice('D30', '2025-05-02'), open: '40.00' },
        { item: invoice('D31', '2025-05-01'), open: '50.00' },
        { item: invoice('D91', '2025-03-02'), open: '60.00' },
        { item: invoice('PAID', '2025-01-01'), open: '0' },
      ],
      '2025-06-01',
    );
    expect(report.buckets.map((b) => [b.label, b.amount.toFixed(2), b.itemIds])).toEqual([
      ['not due', '30.00', ['FUTURE', 'TODAY']],
      ['1–30', '70.00', ['D1', 'D30']],
      ['31–60', '50.00', ['D31']],
      ['61–90', '0.00', []],
      ['> 90', '60.00', ['D91']],
    ]);
    expect(report.total.toFixed(2)).toBe('210.00');
  });

  it('keeps credit out of the buckets and nets it', () => {
    const cn: OpenItem = { id: 'CN', kind: 'credit-note', issueDate: '2025-01-01', dueDate: '2025-01-01', amount: '15.00' };
    const report = ageing([{ item: invoice('A', '2025-01-31'), open: '100.00' }, { item: cn, open: '15.00' }], '2025-03-01', { unappliedCredit: '5.00' });
    expect([report.total, report.credit, report.net].map((m) => m.toFixed(2))).toEqual(['100.00', '20.00', '80.00']);
  });

  it('refuses bad entries with the field', () => {
    const a = invoice('A', '2025-01-31');
    expectFactError(() => ageing([{ item: a, open: '-1.00' }], '2025-03-01'), 'INVALID_AMOUNT', 'entries[0].open');
    expectFactError(() => ageing([{ item: a, open: '1.00' }, { item: a, open: '1.00' }], '2025-03-01'), 'DUPLICATE_ID', 'entries[1].id');
    expectFactError(() => ageing([{ item: a, open: '1.00' }], '2024-12-01'), 'INVALID_ARGUMENT', 'entries[0].item.issueDate');
    expectFactError(() => ageing([{ item: a, open: openBalance(a, [], '2025-02-01') }], '2025-03-01'), 'INVALID_ARGUMENT', 'entries[0].open.asOf');
    expectFactError(() => ageing([], 'soon'), 'INVALID_DATE', 'asOf');
  });

  it('property: the buckets sum exactly to the outstanding balance, as of any date, for any valid buckets', () => {
    const arb = fc.record({
      items: fc.array(fc.record({ issue: fc.integer({ min: 0, max: 300 }), term: fc.integer({ min: 0, max: 90 }), cents: fc.integer({ min: 1, max: 1_000_000 }), costs: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 10 }),
      payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 1_500_000 }), target: fc.option(fc.nat(9)) }), { maxLength: 10 }),
      asOf: fc.integer({ min: 0, max: 500 }),
      boundaries: fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }).map((b) => [...b].sort((x, y) => x - y)),
    });
    fc.assert(
      fc.property(arb, (h) => {
        const start = '2025-01-01';
        const items: OpenItem[] = h.items.map((r, i) => ({
          id: `I${i}`, kind: 'invoice', issueDate: addDays(start, r.issue), dueDate: addDays(start, r.issue + r.term), amount: fromCents(r.cents), costs: fromCents(r.costs),
        }));
        const payments: PaymentInput[] = h.payments.map((p, i) => ({
          id: `P${i}`, date: addDays(start, p.day), amount: fromCents(p.cents),
          targetItemIds: p.target !== null && p.target < items.length ? [`I${p.target}`] : [],
        }));
        const asOf = addDays(start, h.asOf);
        const ledger = ledgerOf({ items, payments, asOf });
        const report = ageing(ledger.lines, asOf, { buckets: ageingBuckets(h.boundaries), unappliedCredit: ledger.totals.unapplied });
        const outstanding = sumMoney(ledger.lines.map((l) => l.open.total));
        expect(sumMoney(report.buckets.map((b) => b.amount)).equals(outstanding)).toBe(true);
        expect(report.total.equals(outstanding)).toBe(true);
        expect(report.net.equals(ledger.totals.net)).toBe(true);
        expect(report.buckets.reduce((n, b) => n + b.count, 0)).toBe(ledger.lines.filter((l) => !l.open.total.isZero()).length);
        expect(report.buckets.every((b) => !b.amount.isNegative())).toBe(true);
      }),
    );
  });
});

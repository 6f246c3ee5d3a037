import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { FactError } from '../errors/FactError.js';
import { fromCents, sumMoney } from '../money/money.js';
import { allocatePayment } from './allocatePayment.js';
import { applyCreditNote } from './creditNote.js';
import { reversePayment } from './reversePayment.js';
import type { Allocation, OpenItem } from './types.js';

const inv = (id: string, dueDate: string, amount: string, extra: Partial<OpenItem> = {}): OpenItem => ({
  id,
  kind: 'invoice',
  issueDate: addDays(dueDate, -30),
  dueDate,
  amount,
  ...extra,
});

const show = (allocations: readonly Allocation[]): string[] =>
  allocations.map((a) => `${a.itemId} ${a.component} ${a.amount.toFixed(2)}`);

function expectFactError(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactError);
    expect((e as FactError).code).toBe(code);
    expect((e as FactError).field).toBe(field);
    return;
  }
  throw new Error(`expected ${code} on ${field}`);
}

describe('allocatePayment', () => {
  it('pays costs, then interest, then principal (art. 6:44 BW, reference.md §1.3 step 4)', () => {
    const items = [inv('INV-1', '2025-01-31', '1000.00', { costs: '115.00', interest: '37.50' })];
    const r = allocatePayment({ id: 'P-1', date: '2025-03-01', amount: '200.00' }, items);
    expect(show(r.allocations)).toEqual(['INV-1 costs 115.00', 'INV-1 interest 37.50', 'INV-1 principal 47.50']);
    expect(r.unapplied.toFixed(2)).toBe('0.00');
    expect(r.allocations.every((a) => a.date === '2025-03-01' && a.source === 'payment')).toBe(true);
  });

  it('follows a configured order when the creditor agrees to another one', () => {
    const items = [inv('INV-1', '2025-01-31', '100.00', { costs: '40.00', interest: '5.00' })];
    const r = allocatePayment({ id: 'P-1', date: '2025-03-01', amount: '120.00' }, items, { order: ['principal', 'interest', 'costs'] });
    expect(show(r.allocations)).toEqual(['INV-1 principal 100.00', 'INV-1 interest 5.00', 'INV-1 costs 15.00']);
  });

  it('settles the oldest due invoice first when the debtor names none (art. 6:43 lid 2 BW)', () => {
    const items = [inv('B', '2025-02-28', '50.00'), inv('A', '2025-01-31', '50.00'), inv('C', '2025-03-31', '50.00')];
    const r = allocatePayment({ id: 'P', date: '2025-04-01', amount: '80.00' }, items);
    expect(show(r.allocations)).toEqual(['A principal 50.00', 'B principal 30.00']);
  });

  it('can order by issue date instead', () => {
    const items = [
      { ...inv('LONG', '2025-03-31', '50.00'), issueDate: '2025-01-01' },
      { ...inv('SHORT', '2025-02-15', '50.00'), issueDate: '2025-02-01' },
    ];
    const r = allocatePayment({ id: 'P', date: '2025-04-01', amount: '50.00' }, items, { itemOrder: 'oldest-issued-first' });
    expect(show(r.allocations)).toEqual(['LONG principal 50.00']);
  });

  it('pays the invoice the debtor named first, then the rest (art. 6:43 lid 1 BW)', () => {
    const items = [inv('OLD', '2025-01-31', '50.00'), inv('NEW', '2025-03-31', '50.00')];
    const r = allocatePayment({ id: 'P', date: '2025-04-01', amount: '70.00', targetItemIds: ['NEW'] }, items);
    expect(show(r.allocations)).toEqual(['NEW principal 50.00', 'OLD principal 20.00']);
    const kept = allocatePayment({ id: 'P', date: '2025-04-01', amount: '70.00', targetItemIds: ['NEW'] }, items, { beyondTargets: 'unapplied' });
    expect(show(kept.allocations)).toEqual(['NEW principal 50.00']);
    expect(kept.unapplied.toFixed(2)).toBe('20.00');
    const early = allocatePayment({ id: 'P', date: '2025-01-15', amount: '70.00', targetItemIds: ['NEW'] }, items, { beyondTargets: 'unapplied' });
    expect([early.allocations.length, early.unapplied.toFixed(2)]).toEqual([0, '70.00']);
  });

  it('keeps an overpayment as unapplied credit', () => {
    const r = allocatePayment({ id: 'P', date: '2025-04-01', amount: '130.00' }, [inv('A', '2025-01-31', '121.00')]);
    expect(r.unapplied.toFixed(2)).toBe('9.00');
  });

  it('does not pay credit notes, nor invoices issued after the payment', () => {
    const items: OpenItem[] = [
      { id: 'CN', kind: 'credit-note', issueDate: '2025-01-01', dueDate: '2025-01-01', amount: '10.00' },
      { id: 'LATER', kind: 'invoice', issueDate: '2025-05-01', dueDate: '2025-05-31', amount: '10.00' },
    ];
    const r = allocatePayment({ id: 'P', date: '2025-04-01', amount: '10.00' }, items);
    expect(r.allocations).toEqual([]);
    expect(r.unapplied.toFixed(2)).toBe('10.00');
  });

  it('takes earlier allocations into account', () => {
    const items = [inv('A', '2025-01-31', '100.00'), inv('B', '2025-02-28', '100.00')];
    const first = allocatePayment({ id: 'P1', date: '2025-03-01', amount: '60.00' }, items);
    const second = allocatePayment({ id: 'P2', date: '2025-03-05', amount: '60.00' }, items, { prior: first.allocations });
    expect(show(second.allocations)).toEqual(['A principal 40.00', 'B principal 20.00']);
  });

  it('refuses broken input with a code and the field', () => {
    const items = [inv('A', '2025-01-31', '100.00')];
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '-5.00' }, items), 'INVALID_AMOUNT', 'payment.amount');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '0' }, items), 'INVALID_AMOUNT', 'payment.amount');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '1.005' }, items), 'INVALID_AMOUNT', 'payment.amount');
    expectFactError(() => allocatePayment({ id: 'P', date: '01/03/2025', amount: '5.00' }, items), 'INVALID_DATE', 'payment.date');
    expectFactError(() => allocatePayment({ id: '', date: '2025-03-01', amount: '5.00' }, items), 'INVALID_ARGUMENT', 'payment.id');
    expectFactError(
      () => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5.00', targetItemIds: ['NOPE'] }, items),
      'UNKNOWN_ITEM',
      'payment.targetItemIds[0]',
    );
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5' }, [...items, items[0] as OpenItem]), 'DUPLICATE_ID', 'items[1].id');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5' }, items, { order: ['costs', 'costs', 'principal'] }), 'INVALID_POLICY', 'options.order');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5' }, [{ ...inv('X', '2025-01-31', '1'), dueDate: '2024-01-01' }]), 'INVALID_RANGE', 'items[0].dueDate');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5' }, [inv('X', '2025-01-31', '1', { costs: 'abc' })]), 'INVALID_AMOUNT', 'items[0].costs');
    expectFactError(() => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5', reversalOf: 'Q' }, items), 'INVALID_ARGUMENT', 'payment.reversalOf');
    expectFactError(
      () => allocatePayment({ id: 'P', date: '2025-03-01', amount: '5' }, items, { prior: [{ paymentId: 'Z', source: 'payment', itemId: 'A', component: 'costs', amount: fromCents(1), date: '2025-02-01' }] }),
      'INVALID_AMOUNT',
      'options.prior[0].amount',
    );
  });

  it('property: the allocations and the unapplied remainder always sum to the payment', () => {
    const item = fc.record({
      due: fc.integer({ min: 0, max: 400 }),
      principal: fc.integer({ min: 1, max: 500_000 }),
      costs: fc.integer({ min: 0, max: 20_000 }),
      interest: fc.integer({ min: 0, max: 20_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.integer({ min: 1, max: 3_000_000 }), fc.boolean(), (raw, paid, named) => {
        const items = raw.map((r, i) =>
          inv(`I${i}`, addDays('2025-01-01', r.due), fromCents(r.principal).toFixed(2), {
            costs: fromCents(r.costs).toFixed(2),
            interest: fromCents(r.interest).toFixed(2),
          }),
        );
        const targetItemIds = named && items.length > 1 ? [items[items.length - 1]?.id as string] : [];
        const r = allocatePayment({ id: 'P', date: '2026-12-31', amount: fromCents(paid).toFixed(2), targetItemIds }, items);
        const allocated = sumMoney(r.allocations.map((a) => a.amount));
        expect(allocated.plus(r.unapplied).equals(fromCents(paid))).toBe(true);
        expect(r.allocations.every((a) => a.amount.greaterThan(0))).toBe(true);
        const claimed = sumMoney(items.map((i) => fromCents(0).plus(i.amount).plus(i.costs ?? 0).plus(i.interest ?? 0)));
        // Money is left over only when every claim is settled.
        if (r.unapplied.greaterThan(0)) expect(allocated.equals(claimed)).toBe(true);
      }),
    );
  });
});

describe('applyCreditNote', () => {
  const invoice = inv('INV-1', '2025-01-31', '121.00', { costs: '40.00' });
  const cn: OpenItem = { id: 'CN-1', kind: 'credit-note', issueDate: '2025-01-10', dueDate: '2025-01-10', amount: '24.20' };

  it('reduces the principal only, on the later issue date', () => {
    const r = applyCreditNote(cn, invoice);
    expect(show(r.allocations)).toEqual(['INV-1 principal 24.20']);
    expect(r.allocations[0]?.date).toBe('2025-01-10');
    expect(r.allocations[0]?.source).toBe('credit-note');
    expect(r.unapplied.toFixed(2)).toBe('0.00');
  });

  it('keeps the credit beyond the open principal', () => {
    const paid = allocatePayment({ id: 'P', date: '2025-01-05', amount: '150.00' }, [invoice], { order: ['principal', 'interest', 'costs'] });
    const r = applyCreditNote(cn, invoice, { prior: paid.allocations });
    expect(r.allocations).toEqual([]);
    expect(r.unapplied.toFixed(2)).toBe('24.20');
  });

  it('refuses swapped arguments', () => {
    expectFactError(() => applyCreditNote(invoice, invoice), 'INVALID_ARGUMENT', 'creditNote.kind');
    expectFactError(() => applyCreditNote(cn, cn), 'INVALID_ARGUMENT', 'invoice.kind');
  });
});

describe('reversePayment', () => {
  const items = [inv('A', '2025-01-31', '100.00', { interest: '3.00' })];
  const original = { id: 'P-1', date: '2025-02-01', amount: '110.00' };
  const paid = allocatePayment(original, items);

  it('undoes every allocation on the reversal date, including the unapplied part', () => {
    const back = reversePayment({ id: 'R-1', date: '2025-02-05', amount: '110.00', reversalOf: 'P-1' }, original, paid.allocations);
    expect(show(back.allocations)).toEqual(['A interest -3.00', 'A principal -100.00']);
    expect(back.allocations.every((a) => a.date === '2025-02-05' && a.source === 'reversal' && a.paymentId === 'R-1' && a.reverses === 'P-1')).toBe(true);
    expect(back.unappliedReversed.toFixed(2)).toBe('7.00');
  });

  it('refuses a partial, early or mismatched reversal', () => {
    expectFactError(() => reversePayment({ id: 'R', date: '2025-02-05', amount: '10.00', reversalOf: 'P-1' }, original, paid.allocations), 'INVALID_REVERSAL', 'reversal.amount');
    expectFactError(() => reversePayment({ id: 'R', date: '2025-01-05', amount: '110.00', reversalOf: 'P-1' }, original, paid.allocations), 'INVALID_REVERSAL', 'reversal.date');
    expectFactError(() => reversePayment({ id: 'R', date: '2025-02-05', amount: '110.00', reversalOf: 'X' }, original, paid.allocations), 'INVALID_REVERSAL', 'reversal.reversalOf');
  });
});

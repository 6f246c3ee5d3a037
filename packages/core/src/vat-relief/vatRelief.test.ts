import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VatReliefInput } from './types.js';
import { vatReliefEligibility } from './vatReliefEligibility.js';
import { vatReliefReversal } from './vatReliefReversal.js';
import { vatReturnPeriod } from './vatReturnPeriod.js';

const nl: VatReliefInput = { country: 'NL', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2025-02-09', asOf: '2026-03-01', filing: 'monthly' };
const be: VatReliefInput = { ...nl, country: 'BE' };

describe('vatReturnPeriod', () => {
  it('finds the month or quarter of a date', () => {
    expect(vatReturnPeriod('2026-02-09', 'monthly')).toEqual({ frequency: 'monthly', label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(vatReturnPeriod('2026-02-09', 'quarterly')).toEqual({ frequency: 'quarterly', label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(vatReturnPeriod('2024-12-31', 'quarterly').label).toBe('2024-Q4');
    expect(() => vatReturnPeriod('2024-12-31', 'yearly' as 'monthly', 'filing')).toThrow(/^filing:/);
  });
});

describe('NL bad-debt relief (art. 29 Wet OB; reference.md §4.1)', () => {
  it('worked example: due 09-02-2025, unpaid → right on 09-02-2026, February 2026 (monthly) or Q1 2026 (quarterly)', () => {
    const r = vatReliefEligibility(nl);
    expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2026-02-09', basis: 'nl-one-year-after-due', unconfirmed: false });
    if (r.status !== 'eligible') throw new Error('expected eligible');
    expect(r.returnPeriod.label).toBe('2026-02');
    expect(r.reclaimableVat.toFixed(2)).toBe('210.00');
    const q = vatReliefEligibility({ ...nl, filing: 'quarterly' });
    expect(q.status === 'eligible' && q.returnPeriod.label).toBe('2026-Q1');
  });

  it('is not yet available the day before the anniversary, and says when it will be', () => {
    const r = vatReliefEligibility({ ...nl, asOf: '2026-02-08' });
    expect(r).toMatchObject({ status: 'not-yet', earliestFrom: '2026-02-09', pending: ['time'] });
  });

  it('reclaims VAT only on the unpaid part, in proportion', () => {
    const r = vatReliefEligibility({ ...nl, paid: '500' });
    expect(r.status === 'eligible' && [r.unpaid.toFixed(2), r.reclaimableVat.toFixed(2)]).toEqual(['710.00', '123.22']); // 210 × 710/1210 = 123.223
  });

  it('arises earlier when the loss is certain (bankruptcy)', () => {
    const r = vatReliefEligibility({ ...nl, asOf: '2025-06-30', lossEvents: [{ kind: 'bankruptcy-judgment', date: '2025-05-20' }] });
    expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2025-05-20', basis: 'loss-event', lossEvent: { kind: 'bankruptcy-judgment' } });
    expect(r.status === 'eligible' && r.returnPeriod.label).toBe('2025-05');
  });

  it('uses 1-1-2018 for debts due in 2016 or earlier (transitional rule)', () => {
    const r = vatReliefEligibility({ ...nl, dueDate: '2016-05-01', asOf: '2018-02-01' });
    expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2018-01-01', basis: 'nl-transitional-2018' });
  });

  it('flags the [U] anniversary-or-day-after question when it would change the return', () => {
    const r = vatReliefEligibility({ ...nl, dueDate: '2025-03-31', asOf: '2026-05-01', filing: 'quarterly' });
    expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2026-03-31', unconfirmed: true });
    expect(r.status === 'eligible' && r.note).toMatch(/\[U\]/);
  });

  it('refuses when fully paid, converted into a loan, or assigned (needs review)', () => {
    expect(vatReliefEligibility({ ...nl, paid: '1210' })).toMatchObject({ status: 'not-eligible', reasons: ['fully-paid'] });
    expect(vatReliefEligibility({ ...nl, convertedToLoan: true })).toMatchObject({ status: 'not-eligible', reasons: ['converted-to-loan'] });
    expect(vatReliefEligibility({ ...nl, receivableAssigned: true })).toMatchObject({ reasons: ['receivable-assigned-needs-review'] });
  });
});

describe('BE bad-debt relief (art. 77 §1, 7° WBTW; reference.md §4.2)', () => {
  it('a doubtful debt does not qualify without a certain loss (probable-loss regime off by default)', () => {
    expect(vatReliefEligibility({ ...be, asOf: '2030-01-01' })).toMatchObject({ status: 'not-eligible', reasons: ['no-certain-loss'] });
  });

  it('bankruptcy: the loss is certain on the date of the judgment', () => {
    const r = vatReliefEligibility({ ...be, filing: 'quarterly', asOf: '2025-08-01', lossEvents: [{ kind: 'bankruptcy-judgment', date: '2025-07-03' }] });
    expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2025-07-03', basis: 'loss-event', unconfirmed: false });
    expect(r.status === 'eligible' && r.returnPeriod.label).toBe('2025-Q3');
  });

  it('takes the earliest of several loss events', () => {
    const r = vatReliefEligibility({
      ...be,
      asOf: '2025-12-01',
      lossEvents: [
        { kind: 'loss-established', date: '2025-11-15' },
        { kind: 'judicial-reorganisation-homologation', date: '2025-09-10' },
      ],
    });
    expect(r.status === 'eligible' && r.lossEvent?.kind).toBe('judicial-reorganisation-homologation');
  });

  describe('2023 probable-loss regime [U], as explicit configuration', () => {
    it('becomes available the day after 31 December of the year after the due year, once the customer is notified', () => {
      const on = { enabled: true, customerNotifiedOn: '2026-11-15' };
      expect(vatReliefEligibility({ ...be, asOf: '2026-12-31', beProbableLoss: on })).toMatchObject({
        status: 'not-yet',
        earliestFrom: '2027-01-01',
        pending: ['time'],
        unconfirmed: true,
      });
      const r = vatReliefEligibility({ ...be, asOf: '2027-01-05', beProbableLoss: on });
      expect(r).toMatchObject({ status: 'eligible', eligibleFrom: '2027-01-01', basis: 'be-probable-loss', unconfirmed: true });
    });
    it('waits for the notification to the customer', () => {
      const r = vatReliefEligibility({ ...be, asOf: '2027-03-01', beProbableLoss: { enabled: true } });
      expect(r).toMatchObject({ status: 'not-yet', pending: ['notify-customer'], earliestFrom: '2027-01-01' });
      const later = vatReliefEligibility({ ...be, asOf: '2027-03-01', beProbableLoss: { enabled: true, customerNotifiedOn: '2027-02-10' } });
      expect(later).toMatchObject({ status: 'eligible', eligibleFrom: '2027-02-10' });
    });
    it('a certain loss still wins when it comes first', () => {
      const r = vatReliefEligibility({
        ...be,
        asOf: '2027-03-01',
        beProbableLoss: { enabled: true, customerNotifiedOn: '2027-01-02' },
        lossEvents: [{ kind: 'bankruptcy-judgment', date: '2025-10-01' }],
      });
      expect(r).toMatchObject({ status: 'eligible', basis: 'loss-event', eligibleFrom: '2025-10-01', unconfirmed: false });
    });
  });
});

describe('bad input', () => {
  it.each<[string, Partial<VatReliefInput>, string, string]>([
    ['VAT above the total', { invoiceVat: '2000' }, 'INVALID_AMOUNT', 'invoiceVat'],
    ['paid above the total', { paid: '1300' }, 'INVALID_AMOUNT', 'paid'],
    ['negative total', { invoiceTotal: '-1' }, 'INVALID_AMOUNT', 'invoiceTotal'],
    ['event after asOf', { lossEvents: [{ kind: 'bankruptcy-judgment', date: '2026-04-01' }] }, 'INVALID_RANGE', 'lossEvents[0].date'],
    ['unknown event', { lossEvents: [{ kind: 'rumour' as 'loss-established', date: '2026-01-01' }] }, 'INVALID_ARGUMENT', 'lossEvents[0].kind'],
    ['bad due date', { dueDate: '2025-02-30' }, 'INVALID_DATE', 'dueDate'],
    ['bad filing', { filing: 'yearly' as 'monthly' }, 'INVALID_ARGUMENT', 'filing'],
    ['unknown country', { country: 'FR' as 'NL' }, 'INVALID_ARGUMENT', 'country'],
  ])('%s', (_l, patch, code, field) => {
    expect(() => vatReliefEligibility({ ...nl, ...patch })).toThrow(expect.objectContaining({ code, field }));
  });
  it('refuses a notification after asOf', () => {
    expect(() => vatReliefEligibility({ ...be, beProbableLoss: { enabled: true, customerNotifiedOn: '2026-03-02' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_RANGE', field: 'beProbableLoss.customerNotifiedOn' }),
    );
  });
});

describe('reversal on a later payment (reference.md §4.1 / §4.2)', () => {
  const base = { country: 'NL' as const, reclaimedVat: '210', unpaidAtClaim: '1210', filing: 'quarterly' as const };
  it('makes the VAT on the amount received due again, in the period of the payment', () => {
    const r = vatReliefReversal({ ...base, payment: { date: '2026-05-12', amount: '605' } });
    expect([r.vatDue.toFixed(2), r.returnPeriod.label]).toEqual(['105.00', '2026-Q2']);
  });
  it('partial payments add up to exactly the relief claimed', () => {
    const first = vatReliefReversal({ ...base, reclaimedVat: '123.22', unpaidAtClaim: '710', payment: { date: '2026-05-12', amount: '100' } });
    const second = vatReliefReversal({
      ...base,
      reclaimedVat: '123.22',
      unpaidAtClaim: '710',
      recoveredBefore: '100',
      payment: { date: '2026-08-01', amount: '610' },
    });
    expect(first.vatDue.plus(second.vatDue).toFixed(2)).toBe('123.22');
    expect(second.vatDueSoFar.toFixed(2)).toBe('123.22');
  });
  it('refuses more than the unpaid amount, naming the payment', () => {
    expect(() => vatReliefReversal({ ...base, recoveredBefore: '1000', payment: { date: '2026-05-12', amount: '300' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'payment.amount' }),
    );
    expect(() => vatReliefReversal({ ...base, unpaidAtClaim: '0', payment: { date: '2026-05-12', amount: '0' } })).toThrow(/^unpaidAtClaim:/);
  });
  it('property: any split of the payments gives back exactly the reclaimed VAT', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100_000 }), (parts, vatCents) => {
        const unpaid = parts.reduce((s, p) => s + p, 0);
        let before = 0;
        let sum = 0;
        for (const p of parts) {
          const r = vatReliefReversal({
            ...base,
            reclaimedVat: (vatCents / 100).toFixed(2),
            unpaidAtClaim: (unpaid / 100).toFixed(2),
            recoveredBefore: (before / 100).toFixed(2),
            payment: { date: '2026-05-12', amount: (p / 100).toFixed(2) },
          });
          before += p;
          sum += Math.round(r.vatDue.times(100).toNumber());
        }
        return sum === vatCents;
      }),
    );
  });
});

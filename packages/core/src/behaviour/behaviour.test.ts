import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { FactError } from '../errors/FactError.js';
import { fromCents } from '../money/money.js';
import { ledgerOf } from '../payments/ledger.js';
import type { OpenItem } from '../payments/types.js';
import { dso, dsoCountback } from './dso.js';
import { expectedPaymentDate } from './expectedPaymentDate.js';
import { paidHistoryOf } from './paidHistory.js';
import { paymentBehaviour, type PaidInvoice } from './paymentBehaviour.js';
import { DEFAULT_RISK_POLICY, riskGrade } from './riskGrade.js';

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

const paid = (id: string, dueDate: string, payments: [string, string][]): PaidInvoice => ({
  id,
  issueDate: addDays(dueDate, -30),
  dueDate,
  payments: payments.map(([date, amount]) => ({ date, amount })),
});

describe('paymentBehaviour', () => {
  const history = [
    paid('A', '2025-01-31', [['2025-01-31', '100.00']]), // on the due date
    paid('B', '2025-03-03', [['2025-03-13', '300.00']]), // 10 days late
    paid('C', '2025-04-30', [['2025-04-20', '50.00'], ['2025-05-05', '50.00']]), // half early, settled 5 days late
  ];

  it('says "no history" instead of dividing by zero', () => {
    expect(paymentBehaviour([])).toEqual({ kind: 'no-history', sampleSize: 0 });
  });

  it('averages per invoice and per euro, rounded to one decimal', () => {
    const b = paymentBehaviour(history);
    if (b.kind !== 'history') throw new Error('expected history');
    expect(b.sampleSize).toBe(3);
    expect(b.paymentCount).toBe(4);
    expect(b.amountPaid.toFixed(2)).toBe('500.00');
    // per invoice: (0 + 10 + 5) / 3 = 5.0; per euro: (300×10 + 50×5) / 500 = 6.5
    expect(b.averageDaysBeyondTerms.perInvoice.toString()).toBe('5');
    expect(b.averageDaysBeyondTerms.amountWeighted.toString()).toBe('6.5');
    // days to pay: per invoice (30 + 40 + 35) / 3 = 35; per euro (100×30 + 300×40 + 50×20 + 50×35) / 500 = 35.5
    expect(b.averageDaysToPay.perInvoice.toString()).toBe('35');
    expect(b.averageDaysToPay.amountWeighted.toString()).toBe('35.5');
    expect(b.onTimeRatio.byCount.toString()).toBe('0.3333');
    expect(b.onTimeRatio.byAmount.toString()).toBe('0.3');
    expect(b.longestDaysBeyondTerms).toBe(10);
    expect(b.lastPaidOn).toBe('2025-05-05');
  });

  it('never counts negative days for early payment or prepayment', () => {
    const b = paymentBehaviour([paid('P', '2025-01-31', [['2024-12-01', '10.00']])]);
    if (b.kind !== 'history') throw new Error('expected history');
    expect(b.averageDaysToPay.amountWeighted.toString()).toBe('0');
    expect(b.averageDaysBeyondTerms.perInvoice.toString()).toBe('0');
    expect(b.onTimeRatio.byCount.toString()).toBe('1');
  });

  it('refuses broken history with the field', () => {
    expectFactError(() => paymentBehaviour([paid('A', '2025-01-31', [])]), 'INVALID_ARGUMENT', 'history[0].payments');
    expectFactError(() => paymentBehaviour([paid('A', '2025-01-31', [['2025-02-01', '-1']])]), 'INVALID_AMOUNT', 'history[0].payments[0].amount');
    expectFactError(() => paymentBehaviour([paid('A', '2025-01-31', [['2025-02-30', '1']])]), 'INVALID_DATE', 'history[0].payments[0].date');
    expectFactError(() => paymentBehaviour([{ ...paid('A', '2025-01-31', [['2025-02-01', '1']]), issueDate: '2025-03-01' }]), 'INVALID_RANGE', 'history[0].dueDate');
    const one = paid('A', '2025-01-31', [['2025-02-01', '1']]);
    expectFactError(() => paymentBehaviour([one, one]), 'DUPLICATE_ID', 'history[1].id');
  });

  it('property: averages are finite, never negative, and weighted lies within the extremes', () => {
    const arb = fc.array(
      fc.record({ term: fc.integer({ min: 0, max: 90 }), pays: fc.array(fc.record({ day: fc.integer({ min: -20, max: 400 }), cents: fc.integer({ min: 1, max: 10_000_000 }) }), { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const h: PaidInvoice[] = rows.map((r, i) => ({
          id: `I${i}`, issueDate: '2025-01-01', dueDate: addDays('2025-01-01', r.term),
          payments: r.pays.map((p) => ({ date: addDays('2025-01-01', p.day), amount: fromCents(p.cents) })),
        }));
        const b = paymentBehaviour(h);
        if (b.kind !== 'history') throw new Error('expected history');
        for (const d of [b.averageDaysToPay.perInvoice, b.averageDaysToPay.amountWeighted, b.averageDaysBeyondTerms.perInvoice, b.averageDaysBeyondTerms.amountWeighted]) {
          expect(d.isFinite() && !d.isNegative()).toBe(true);
          expect(d.lessThanOrEqualTo(400)).toBe(true);
        }
        expect(b.averageDaysBeyondTerms.amountWeighted.lessThanOrEqualTo(b.longestDaysBeyondTerms)).toBe(true);
        expect(b.onTimeRatio.byAmount.greaterThanOrEqualTo(0) && b.onTimeRatio.byAmount.lessThanOrEqualTo(1)).toBe(true);
      }),
    );
  });
});

describe('paidHistoryOf', () => {
  it('takes settled invoices from a ledger, without returned payments or credit-note-only settlements', () => {
    const items: OpenItem[] = [
      { id: 'A', kind: 'invoice', issueDate: '2025-01-01', dueDate: '2025-01-31', amount: '100.00' },
      { id: 'B', kind: 'invoice', issueDate: '2025-01-05', dueDate: '2025-02-04', amount: '50.00' },
      { id: 'C', kind: 'invoice', issueDate: '2025-01-06', dueDate: '2025-02-05', amount: '20.00' },
      { id: 'CN', kind: 'credit-note', issueDate: '2025-01-07', dueDate: '2025-01-07', amount: '20.00', appliesTo: 'C' },
    ];
    const ledger = ledgerOf({
      items,
      payments: [
        { id: 'P1', date: '2025-02-03', amount: '100.00', targetItemIds: ['A'] },
        { id: 'R1', date: '2025-02-04', amount: '100.00', reversalOf: 'P1' },
        { id: 'P2', date: '2025-02-10', amount: '60.00' },
        { id: 'P3', date: '2025-02-20', amount: '90.00' },
      ],
      asOf: '2025-03-01',
    });
    expect(paidHistoryOf(ledger).map((h) => [h.id, h.payments.map((p) => `${p.date} ${String(p.amount)}`)])).toEqual([
      ['A', ['2025-02-10 60', '2025-02-20 40']],
      ['B', ['2025-02-20 50']],
    ]);
  });
});

describe('dso', () => {
  it('standard method: receivables ÷ sales × days', () => {
    const q = dso({ receivables: '30000.00', sales: '90000.00', periodDays: 90 });
    expect(q.kind === 'days' && [q.method, q.days.toString()]).toEqual(['standard', '30']);
    const r = dso({ receivables: '10000.00', sales: '30000.00', periodDays: 91 });
    expect(r.kind === 'days' && r.days.toString()).toBe('30.3');
    expect(dso({ receivables: '0', sales: '0', periodDays: 30 })).toEqual({ kind: 'no-sales' });
    expect(dso({ receivables: '10.00', sales: '0', periodDays: 30 })).toEqual({ kind: 'no-sales' });
  });

  it('countback method walks back through recent sales', () => {
    const r = dsoCountback('150.00', [{ days: 31, sales: '100.00' }, { days: 30, sales: '100.00' }]);
    expect(r.kind === 'days' && [r.days.toString(), r.exceedsHistory]).toEqual(['46', false]);
    const over = dsoCountback('500.00', [{ days: 31, sales: '100.00' }, { days: 30, sales: '0' }]);
    expect(over.kind === 'days' && [over.days.toString(), over.exceedsHistory]).toEqual(['61', true]);
    const none = dsoCountback('0', [{ days: 31, sales: '100.00' }]);
    expect(none.kind === 'days' && [none.days.toString(), none.exceedsHistory]).toEqual(['0', false]);
    expect(dsoCountback('10', [{ days: 31, sales: '0' }])).toEqual({ kind: 'no-sales' });
  });

  it('refuses bad input with the field', () => {
    expectFactError(() => dso({ receivables: '-1', sales: '1', periodDays: 30 }), 'INVALID_AMOUNT', 'receivables');
    expectFactError(() => dso({ receivables: '1', sales: '1', periodDays: 0 }), 'INVALID_ARGUMENT', 'periodDays');
    expectFactError(() => dsoCountback('1', []), 'INVALID_ARGUMENT', 'periods');
    expectFactError(() => dsoCountback('1', [{ days: 30.5, sales: '1' }]), 'INVALID_ARGUMENT', 'periods[0].days');
  });
});

describe('expectedPaymentDate', () => {
  const invoice: OpenItem = { id: 'X', kind: 'invoice', issueDate: '2025-06-01', dueDate: '2025-07-01', amount: '10.00' };

  it('adds the usual delay to the due date, or expects the due date without history', () => {
    const b = paymentBehaviour([paid('A', '2025-01-31', [['2025-02-07', '10.00']]), paid('B', '2025-02-28', [['2025-03-08', '10.00']])]);
    // amount-weighted 7.5 days → 8 (half-up)
    expect(expectedPaymentDate(invoice, b)).toEqual({ date: '2025-07-09', basis: 'history', daysBeyondTerms: 8, passed: false });
    expect(expectedPaymentDate(invoice, paymentBehaviour([]), '2025-07-02')).toEqual({ date: '2025-07-01', basis: 'terms', daysBeyondTerms: 0, passed: true });
  });

  it('refuses a credit note', () => {
    expectFactError(() => expectedPaymentDate({ ...invoice, kind: 'credit-note' }, paymentBehaviour([])), 'INVALID_ARGUMENT', 'item.kind');
  });
});

describe('riskGrade', () => {
  const onTime = (n: number): PaidInvoice[] => Array.from({ length: n }, (_, i) => paid(`T${i}`, addDays('2025-01-31', i * 30), [[addDays('2025-01-31', i * 30), '100.00']]));

  it('is unknown with too little history, and still says what is open', () => {
    const r = riskGrade(paymentBehaviour(onTime(2)), { maxDaysOverdue: 45 });
    expect(r.grade).toBe('unknown');
    expect(r.reasons.map((x) => [x.factor, x.grade])).toEqual([['sample-size', 'unknown'], ['open-overdue', 'C']]);
  });

  it('gives A to a punctual debtor and the worst factor otherwise', () => {
    expect(riskGrade(paymentBehaviour(onTime(5))).grade).toBe('A');
    const r = riskGrade(paymentBehaviour(onTime(5)), { maxDaysOverdue: 95 });
    expect(r.grade).toBe('E');
    expect(r.reasons.find((x) => x.factor === 'open-overdue')?.text).toBe('oldest open invoice 95 days overdue: E (D allows 90)');
    const late = [...onTime(3), paid('L', '2025-06-30', [['2025-08-14', '300.00']])]; // 45 days late on 300 of 600
    const lr = riskGrade(paymentBehaviour(late));
    expect(lr.reasons.map((x) => [x.factor, x.grade])).toEqual([['days-beyond-terms', 'C'], ['on-time-ratio', 'C'], ['open-overdue', 'A']]);
    expect(lr.grade).toBe('C');
    expect(lr.policyVersion).toBe(DEFAULT_RISK_POLICY.version);
  });

  it('reads its thresholds from a configurable table, and refuses one out of order', () => {
    const lenient = { ...DEFAULT_RISK_POLICY, version: 'lenient', minimumSample: 1, grades: DEFAULT_RISK_POLICY.grades.map((g) => ({ ...g, maxOpenDaysOverdue: 1000 })) };
    expect(riskGrade(paymentBehaviour(onTime(1)), { maxDaysOverdue: 400 }, lenient).grade).toBe('A');
    const broken = { ...DEFAULT_RISK_POLICY, grades: DEFAULT_RISK_POLICY.grades.map((g, i) => (i === 2 ? { ...g, maxAverageDaysBeyondTerms: 1 } : g)) };
    expectFactError(() => riskGrade(paymentBehaviour([]), {}, broken), 'INVALID_POLICY', 'policy.grades[2].maxAverageDaysBeyondTerms');
    const ratio = { ...DEFAULT_RISK_POLICY, grades: DEFAULT_RISK_POLICY.grades.map((g, i) => (i === 1 ? { ...g, minOnTimeRatio: '0.95' } : g)) };
    expectFactError(() => riskGrade(paymentBehaviour([]), {}, ratio), 'INVALID_POLICY', 'policy.grades[1].minOnTimeRatio');
    expectFactError(() => riskGrade(paymentBehaviour([]), { maxDaysOverdue: -1 }), 'INVALID_ARGUMENT', 'open.maxDaysOverdue');
  });
});

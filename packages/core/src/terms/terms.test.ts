import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { fromCents, sumMoney, toCents } from '../money/money.js';
import { checkTermsAgainstLaw } from './check-law.js';
import { dueDates, finalDueDate } from './due-dates.js';
import { NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED, PAYMENT_TERM_CAPS, STATUTORY_DEFAULT_TERM } from './legal-caps.js';
import type { PaymentTerms } from './types.js';

function expectFact(fn: () => unknown, code: string, field: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FactError);
    expect([(e as FactError).code, (e as FactError).field]).toEqual([code, field]);
    expect((e as FactError).message.startsWith(`${field}: `)).toBe(true);
    return;
  }
  throw new Error(`expected ${code} on ${field}, nothing was thrown`);
}

const issued = { issueDate: '2025-01-15', payable: '1210.00' };

describe('dueDates', () => {
  it('net N days counts calendar days from the issue date', () => {
    const [only] = dueDates({ type: 'net', days: 30 }, issued);
    expect(only).toMatchObject({ sequence: 1, dueDate: '2025-02-14', countedFrom: { date: '2025-01-15', event: 'issue', days: 30 } });
    expect(only?.amount.toFixed(2)).toBe('1210.00');
    expect(only?.percent.toString()).toBe('100');
  });

  it('end of month + N starts from the last day of the issue month (leap February included)', () => {
    expect(finalDueDate({ type: 'end-of-month', days: 0 }, { issueDate: '2024-02-03' })).toBe('2024-02-29');
    expect(finalDueDate({ type: 'end-of-month', days: 30 }, { issueDate: '2025-01-15' })).toBe('2025-03-02');
  });

  it('a fixed date is taken as is, but never before the invoice', () => {
    expect(finalDueDate({ type: 'fixed-date', date: '2025-06-30' }, issued)).toBe('2025-06-30');
    expectFact(() => finalDueDate({ type: 'fixed-date', date: '2025-01-14' }, issued), 'INVALID_PAYMENT_TERMS', 'terms.date');
  });

  it('statutory default: 30 days from the latest of receipt, delivery and acceptance (reference.md §1.2, §10)', () => {
    expect(STATUTORY_DEFAULT_TERM.BE.days).toBe(30);
    expect(STATUTORY_DEFAULT_TERM.NL.days).toBe(30);
    const t: PaymentTerms = { type: 'statutory-default' };
    expect(dueDates(t, { ...issued, receivedDate: '2025-01-17' })[0]?.countedFrom).toEqual({ date: '2025-01-17', event: 'receipt', days: 30 });
    expect(finalDueDate(t, { issueDate: '2025-01-15', receivedDate: '2025-01-17' })).toBe('2025-02-16');
    // Goods arrive after the invoice: count from the goods.
    expect(dueDates(t, { ...issued, receivedDate: '2025-01-17', deliveryDate: '2025-01-25' })[0]?.countedFrom.event).toBe('delivery');
    expect(finalDueDate(t, { issueDate: '2025-01-15', deliveryDate: '2025-01-10' })).toBe('2025-02-14');
    expect(finalDueDate(t, { issueDate: '2025-01-15', deliveryDate: '2025-01-10', acceptanceDate: '2025-02-01' })).toBe('2025-03-03');
    expectFact(() => finalDueDate(t, { issueDate: '2025-01-15', receivedDate: '2025-01-14' }), 'INVALID_RANGE', 'receivedDate');
  });

  it('instalments: each portion its own due date; amounts sum to the payable to the cent', () => {
    const schedule: PaymentTerms = {
      type: 'instalments',
      instalments: [
        { percent: '33.33', terms: { type: 'net', days: 0 } },
        { percent: '33.33', terms: { type: 'net', days: 30 } },
        { percent: '33.34', terms: { type: 'end-of-month', days: 60 } },
      ],
    };
    const out = dueDates(schedule, { issueDate: '2025-01-15', payable: '100.00' });
    expect(out.map((i) => [i.sequence, i.dueDate, i.amount.toFixed(2)])).toEqual([
      [1, '2025-01-15', '33.33'],
      [2, '2025-02-14', '33.33'],
      [3, '2025-04-01', '33.34'],
    ]);
    expect(finalDueDate(schedule, { issueDate: '2025-01-15' })).toBe('2025-04-01');
  });

  it('refuses schedules that do not sum to 100 %, and other broken terms, naming the field', () => {
    const bad = (percents: (string | number)[]): PaymentTerms => ({
      type: 'instalments',
      instalments: percents.map((p) => ({ percent: p, terms: { type: 'net', days: 30 } })),
    });
    expectFact(() => dueDates(bad([50, 49.99]), issued), 'INVALID_PERCENTAGE', 'terms.instalments');
    // ERPNext #28931: "2 % within 10 days else net 30" is not a schedule over 100 %; it is a discount (see discount/).
    expectFact(() => dueDates(bad([100, 100]), issued), 'INVALID_PERCENTAGE', 'terms.instalments');
    expectFact(() => dueDates(bad([0, 100]), issued), 'INVALID_PERCENTAGE', 'terms.instalments[0].percent');
    expectFact(() => dueDates(bad(['x', 100]), issued), 'INVALID_PERCENTAGE', 'terms.instalments[0].percent');
    expectFact(() => dueDates(bad([]), issued), 'INVALID_PAYMENT_TERMS', 'terms.instalments');
    expectFact(() => dueDates({ type: 'net', days: -1 }, issued), 'INVALID_PAYMENT_TERMS', 'terms.days');
    expectFact(() => dueDates({ type: 'net', days: 2.5 }, issued), 'INVALID_PAYMENT_TERMS', 'terms.days');
    expectFact(() => dueDates({ type: 'weekly' } as never, issued), 'INVALID_PAYMENT_TERMS', 'terms.type');
    expectFact(
      () => dueDates({ type: 'instalments', instalments: [{ percent: 100, terms: { type: 'statutory-default' } as never }] }, issued),
      'INVALID_PAYMENT_TERMS',
      'terms.instalments[0].terms.type',
    );
    expectFact(() => dueDates({ type: 'net', days: 30 }, { ...issued, payable: '1.005' }), 'INVALID_AMOUNT', 'payable');
    expectFact(() => dueDates({ type: 'net', days: 30 }, { ...issued, payable: '-1' }), 'INVALID_AMOUNT', 'payable');
    expectFact(() => dueDates({ type: 'net', days: 30 }, { ...issued, issueDate: '15-01-2025' }), 'INVALID_DATE', 'issueDate');
  });

  it('instalment amounts always sum to the payable (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (cents, weights) => {
          // Turn arbitrary weights into percentages (two decimals) that sum to exactly 100.
          const total = weights.reduce((s, w) => s + w, 0);
          const hundredths = weights.map((w) => Math.floor((w * 10_000) / total));
          hundredths[0] = (hundredths[0] ?? 0) + 10_000 - hundredths.reduce((s, h) => s + h, 0);
          fc.pre(hundredths.every((h) => h > 0));
          const terms: PaymentTerms = {
            type: 'instalments',
            instalments: hundredths.map((h, i) => ({ percent: fromCents(h).toString(), terms: { type: 'net', days: i * 30 } })),
          };
          const out = dueDates(terms, { issueDate: '2025-01-15', payable: fromCents(cents).toFixed(2) });
          expect(toCents(sumMoney(out.map((o) => o.amount)))).toBe(cents);
        },
      ),
    );
  });
});

describe('checkTermsAgainstLaw', () => {
  const be = { country: 'BE', debtorKind: 'business', issueDate: '2025-03-01' } as const;

  it('Belgium B2B: more than 60 days is not allowed since 1 Feb 2022 (reference.md §1.2, §10)', () => {
    expect(checkTermsAgainstLaw({ type: 'net', days: 60 }, be)).toEqual([]);
    const [w] = checkTermsAgainstLaw({ type: 'net', days: 61 }, be);
    expect(w).toMatchObject({ code: 'TERM_EXCEEDS_LEGAL_MAXIMUM', capId: 'BE-B2B-60', maxDays: 60, termDays: 61, severity: 'violation' });
    // Before the 2021 law took effect there was no cap.
    expect(checkTermsAgainstLaw({ type: 'net', days: 90 }, { ...be, issueDate: '2022-01-31' })).toEqual([]);
  });

  it('counts end-of-month terms by their real length and from receipt when known', () => {
    // 2025-03-01 + end of month (31) + 30 = 2025-04-30: 60 days.
    expect(checkTermsAgainstLaw({ type: 'end-of-month', days: 30 }, be)).toEqual([]);
    expect(checkTermsAgainstLaw({ type: 'end-of-month', days: 31 }, be)[0]?.termDays).toBe(61);
    expect(checkTermsAgainstLaw({ type: 'fixed-date', date: '2025-05-01' }, { ...be, receivedDate: '2025-03-05' })).toEqual([]);
  });

  it('public authorities: 30 days in both countries (reference.md §10, Directive 2011/7 art. 4)', () => {
    expect(checkTermsAgainstLaw({ type: 'net', days: 45 }, { ...be, debtorKind: 'public' })[0]?.capId).toBe('BE-PUBLIC-30');
    expect(checkTermsAgainstLaw({ type: 'net', days: 31 }, { ...be, country: 'NL', debtorKind: 'public' })[0]?.capId).toBe('NL-PUBLIC-30');
    expect(checkTermsAgainstLaw({ type: 'net', days: 30 }, { ...be, debtorKind: 'public' })).toEqual([]);
  });

  it('Netherlands: large-to-SME over 60 is void (becomes 30), with the unconfirmed 30-day claim noted; others need review', () => {
    const nl = { country: 'NL', debtorKind: 'business', issueDate: '2025-03-01' } as const;
    const [void60] = checkTermsAgainstLaw({ type: 'net', days: 75 }, { ...nl, largeToSme: true });
    expect(void60).toMatchObject({ capId: 'NL-LARGE-TO-SME-60', severity: 'violation', unconfirmed: false });
    expect(void60?.consequence).toContain('30 days');
    expect(void60?.note).toContain('[U]');
    const [review] = checkTermsAgainstLaw({ type: 'net', days: 75 }, nl);
    expect(review).toMatchObject({ code: 'TERM_NEEDS_FAIRNESS_REVIEW', capId: 'NL-B2B-60-REVIEW', severity: 'review' });
    // The [U] 30-day maximum is opt-in data.
    const caps = [...PAYMENT_TERM_CAPS.filter((c) => c.id !== 'NL-LARGE-TO-SME-60'), NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED];
    expect(checkTermsAgainstLaw({ type: 'net', days: 45 }, { ...nl, largeToSme: true })).toEqual([]);
    expect(checkTermsAgainstLaw({ type: 'net', days: 45 }, { ...nl, largeToSme: true }, caps)[0]).toMatchObject({ maxDays: 30, unconfirmed: true });
  });

  it('consumers and the statutory default never warn; an instalment schedule is judged by its last date', () => {
    expect(checkTermsAgainstLaw({ type: 'net', days: 120 }, { ...be, debtorKind: 'consumer' })).toEqual([]);
    expect(checkTermsAgainstLaw({ type: 'statutory-default' }, { ...be, debtorKind: 'public', deliveryDate: '2025-06-01' })).toEqual([]);
    const schedule: PaymentTerms = {
      type: 'instalments',
      instalments: [
        { percent: 50, terms: { type: 'net', days: 30 } },
        { percent: 50, terms: { type: 'net', days: 90 } },
      ],
    };
    expect(checkTermsAgainstLaw(schedule, be)[0]?.termDays).toBe(90);
  });

  it('refuses an unknown country or debtor kind', () => {
    expectFact(() => checkTermsAgainstLaw({ type: 'net', days: 30 }, { ...be, country: 'FR' as never }), 'INVALID_ARGUMENT', 'country');
    expectFact(() => checkTermsAgainstLaw({ type: 'net', days: 30 }, { ...be, debtorKind: 'sme' as never }), 'INVALID_ARGUMENT', 'debtorKind');
  });
});

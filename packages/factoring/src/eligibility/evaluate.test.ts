import { describe, expect, it } from 'vitest';
import { parseFactoringBatch } from '../input/parse-batch.js';
import { parseFactorProfile, type FactorProfileInput } from '../profile/parse-profile.js';
import { AS_OF, batchInput, debtorInput, invoiceInput, profileInput } from '../test-support/fixtures.js';
import { evaluateEligibility } from './evaluate.js';
import { REASON_CODES, type ReasonCode } from './reasons.js';

type InvoiceIn = Parameters<typeof invoiceInput>[2];
type DebtorIn = Parameters<typeof debtorInput>[1];

interface Case {
  readonly code: ReasonCode;
  readonly invoice?: InvoiceIn;
  readonly debtor?: DebtorIn;
  readonly profile?: Partial<FactorProfileInput>;
  /** Other invoices of the same debtor. */
  readonly siblings?: ReturnType<typeof invoiceInput>[];
  /** The eligible amount expected for the invoice under test (default 0). */
  readonly eligible?: string;
}

const CASES: Case[] = [
  { code: 'PAID', invoice: { outstanding: '0' } },
  { code: 'NOT_EUR', invoice: { currency: 'USD' } },
  { code: 'FUTURE_DATED', invoice: { issueDate: '2025-07-01', dueDate: '2025-07-31' } },
  // 91 days from the invoice date (limit 90); due date kept recent so PAST_DUE does not fire.
  { code: 'AGE', invoice: { issueDate: '2025-03-31', dueDate: '2025-06-29' } },
  // 61 days past due (limit 60).
  { code: 'PAST_DUE', invoice: { issueDate: '2025-04-15', dueDate: '2025-04-30' } },
  // 1210 of 2420 (50 %) is over 30 days past due: the young invoice goes too.
  {
    code: 'CROSS_AGED',
    profile: { crossAgeing: { thresholdPercent: '10', overDays: 30, measuredFrom: 'due-date' }, maxDaysPastDue: 365 },
    siblings: [invoiceInput('old', 'd1', { issueDate: '2025-04-01', dueDate: '2025-05-01' })],
  },
  { code: 'DISPUTED', invoice: { disputed: true, disputeReason: 'goods damaged' } },
  { code: 'CONSUMER', debtor: { kind: 'consumer' } },
  { code: 'CREDIT_NOTE_PENDING', invoice: { creditNotePending: true } },
  { code: 'ALREADY_ASSIGNED', invoice: { assignedTo: 'Other Factor NV' } },
  { code: 'ANTI_ASSIGNMENT', debtor: { assignmentProhibited: true } },
  { code: 'NO_UBL', invoice: { documents: {} }, profile: { ublRequired: true } },
  { code: 'BELOW_MIN', profile: { minAmount: '1500' } },
  { code: 'ABOVE_MAX', profile: { maxAmount: '1000' } },
  { code: 'EXCLUDED_DEBTOR', profile: { excludedDebtors: ['BE 0428.759.497'] } },
  { code: 'EXCLUDED_COUNTRY', profile: { excludedCountries: ['BE'] } },
  // Open payables 200: the lower of 1210 and 200 is deducted.
  { code: 'CONTRA', debtor: { openPayables: '200.00' }, eligible: '1010.00' },
  // One debtor only and a 20 % batch cap: no amount can be 20 % of a total it alone makes up.
  { code: 'CONCENTRATION', profile: { concentration: { capPercent: '20', of: 'batch' } } },
];

describe('eligibility: one case per reason code (other-systems.md §3.2)', () => {
  it('covers every reason code', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(REASON_CODES));
  });

  it.each(CASES)('$code', ({ code, invoice, debtor, profile, siblings, eligible }) => {
    const batch = parseFactoringBatch(batchInput([invoiceInput('1', 'd1', invoice), ...(siblings ?? [])], [debtorInput('d1', debtor)]));
    const report = evaluateEligibility(batch, parseFactorProfile(profileInput(profile)), AS_OF);
    const row = report.invoices.find((i) => i.invoiceId === '1');
    expect(row?.reasons.map((r) => r.code)).toContain(code);
    expect(row?.eligible.toFixed(2)).toBe(eligible ?? '0.00');
    expect(report.totals.ineligibleByReason[code]?.gt(0) || code === 'PAID').toBe(true);
  });

  it('buys a clean invoice whole, with no reasons', () => {
    const batch = parseFactoringBatch(batchInput([invoiceInput('1', 'd1')], [debtorInput('d1')]));
    const [row] = evaluateEligibility(batch, parseFactorProfile(profileInput()), AS_OF).invoices;
    expect(row).toMatchObject({ status: 'eligible', reasons: [] });
    expect(row?.eligible.toFixed(2)).toBe('1210.00');
  });

  it('keeps the limits inclusive: exactly 90 days old and 60 days past due is still bought', () => {
    const batch = parseFactoringBatch(batchInput([invoiceInput('1', 'd1', { issueDate: '2025-04-01', dueDate: '2025-05-01' })], [debtorInput('d1')]));
    const [row] = evaluateEligibility(batch, parseFactorProfile(profileInput()), AS_OF).invoices;
    expect(row?.reasons).toEqual([]);
  });

  it('treats exactly the cross-ageing threshold as fine (the rule says "more than")', () => {
    const aged = invoiceInput('old', 'd1', { issueDate: '2025-04-01', dueDate: '2025-05-01', grossAmount: '100.00', outstanding: '100.00' });
    const young = invoiceInput('1', 'd1', { grossAmount: '900.00', outstanding: '900.00' });
    const batch = parseFactoringBatch(batchInput([young, aged], [debtorInput('d1')]));
    const report = evaluateEligibility(batch, parseFactorProfile(profileInput({ crossAgeing: { thresholdPercent: '10', overDays: 30, measuredFrom: 'due-date' } })), AS_OF);
    expect(report.debtors[0]?.agedPercent.toFixed(2)).toBe('10.00');
    expect(report.debtors[0]?.crossAged).toBe(false);
  });
});

describe('concentration', () => {
  const debtors = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => debtorInput(id));
  const small = ['b', 'c', 'd', 'e', 'f'].map((id) => invoiceInput(id, id, { grossAmount: '100.00', outstanding: '100.00' }));

  it('caps a large debtor at 20 % of the batch after the cut, trimming its youngest invoice first', () => {
    const big = [
      invoiceInput('a-old', 'a', { issueDate: '2025-05-01', dueDate: '2025-06-01', grossAmount: '400.00', outstanding: '400.00' }),
      invoiceInput('a-new', 'a', { issueDate: '2025-06-20', dueDate: '2025-07-20', grossAmount: '400.00', outstanding: '400.00' }),
    ];
    const batch = parseFactoringBatch(batchInput([...big, ...small], debtors));
    const report = evaluateEligibility(batch, parseFactorProfile(profileInput({ concentration: { capPercent: '20', of: 'batch' } })), AS_OF);
    const byId = new Map(report.invoices.map((i) => [i.invoiceId, i]));
    // 800 of a 1300 batch → cap 125 (125 of 625 is 20 %); the June invoice is cut first.
    expect(byId.get('a-new')?.eligible.toFixed(2)).toBe('0.00');
    expect(byId.get('a-old')?.eligible.toFixed(2)).toBe('125.00');
    expect(byId.get('a-old')?.status).toBe('partial');
    expect(report.totals.eligible.toFixed(2)).toBe('625.00');
    const a = report.debtors.find((d) => d.debtorId === 'a');
    expect(a?.eligible.div(report.totals.eligible).toNumber()).toBeLessThanOrEqual(0.2);
  });

  it('caps on the whole open book when the profile says "book"', () => {
    const big = [invoiceInput('a', 'a', { grossAmount: '800.00', outstanding: '800.00' })];
    const batch = parseFactoringBatch(batchInput([...big, ...small], debtors));
    const report = evaluateEligibility(batch, parseFactorProfile(profileInput({ concentration: { capPercent: '20', of: 'book' } })), AS_OF);
    expect(report.invoices.find((i) => i.invoiceId === 'a')?.eligible.toFixed(2)).toBe('260.00'); // 20 % of 1300
  });

  it('applies concentration after the other reasons: a disputed invoice does not count towards the cap', () => {
    const big = [invoiceInput('a', 'a', { grossAmount: '100.00', outstanding: '100.00' }), invoiceInput('a-disp', 'a', { disputed: true, grossAmount: '5000.00', outstanding: '5000.00' })];
    const batch = parseFactoringBatch(batchInput([...big, ...small], debtors));
    const report = evaluateEligibility(batch, parseFactorProfile(profileInput({ concentration: { capPercent: '20', of: 'batch' } })), AS_OF);
    expect(report.totals.eligible.toFixed(2)).toBe('600.00');
    expect(report.invoices.find((i) => i.invoiceId === 'a')?.reasons).toEqual([]);
  });

  it('is deterministic: the same input twice gives the same report', () => {
    const batch = parseFactoringBatch(batchInput([...small], debtors));
    const profile = parseFactorProfile(profileInput({ concentration: { capPercent: '20', of: 'batch' } }));
    expect(JSON.stringify(evaluateEligibility(batch, profile, AS_OF))).toBe(JSON.stringify(evaluateEligibility(batch, profile, AS_OF)));
  });
});

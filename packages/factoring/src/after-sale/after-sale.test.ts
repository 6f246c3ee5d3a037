import { isFactError } from '@fact/core';
import { describe, expect, it } from 'vitest';
import type { ManifestV1 } from '../package/manifest-schema.js';
import { parseFactorProfile } from '../profile/parse-profile.js';
import { profileInput } from '../test-support/fixtures.js';
import { assignmentRecords, type AssignmentRecord } from './assignments.js';
import { repurchaseOffers } from './repurchase.js';
import { settlementReport } from './settlement.js';

const manifest = {
  batchId: 'B-1',
  factor: { profileId: 'acme-2025', name: 'Acme Factoring NV', iban: 'BE71096123456769', assignment: 'silent' },
  invoices: [
    { id: 'i1', number: 'F-1', debtorId: 'd1', issueDate: '2025-06-01', dueDate: '2025-07-01', grossAmount: '1210.00', outstanding: '1210.00', eligibleAmount: '1210.00', advanceAmount: '1028.50', feeAmount: '20.65' },
    { id: 'i2', number: 'F-2', debtorId: 'd1', issueDate: '2025-06-05', dueDate: '2025-07-05', grossAmount: '500.00', outstanding: '400.00', eligibleAmount: '300.00', advanceAmount: '255.00', feeAmount: '7.00' },
  ],
} as unknown as ManifestV1;

const records: AssignmentRecord[] = assignmentRecords(manifest, '2025-06-30');

describe('assignment records', () => {
  it('records each sold invoice with the whole outstanding claim as assigned', () => {
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ invoiceId: 'i2', batchId: 'B-1', assignedOn: '2025-06-30', assignment: 'silent', assignedAmount: '400.00', eligibleAmount: '300.00', advanceAmount: '255.00' });
  });
});

describe('settlement report', () => {
  it('owes the factor what reached the seller after the assignment, up to the assigned amount', () => {
    const report = settlementReport(records, [
      { paymentId: 'p0', invoiceId: 'i1', date: '2025-06-29', amount: '100.00' }, // before the sale: the seller's
      { paymentId: 'p1', invoiceId: 'i1', date: '2025-07-02', amount: '1000.00' },
      { paymentId: 'p2', invoiceId: 'i1', date: '2025-07-03', amount: '300.00' }, // 210 still assigned, 90 excess
      { paymentId: 'p3', invoiceId: 'other', date: '2025-07-03', amount: '50.00' }, // not assigned
    ]);
    expect(report.lines.map((l) => [l.paymentId, l.owed.toFixed(2)])).toEqual([
      ['p1', '1000.00'],
      ['p2', '210.00'],
    ]);
    expect(report.totalOwed.toFixed(2)).toBe('1210.00');
    expect(report.totalExcess.toFixed(2)).toBe('90.00');
  });

  it('refuses a malformed amount, naming the payment', () => {
    const error = (() => {
      try {
        settlementReport(records, [{ paymentId: 'p', invoiceId: 'i1', date: '2025-07-01', amount: '-5' }]);
      } catch (e) {
        return e;
      }
    })();
    expect(isFactError(error, 'INVALID_AMOUNT')).toBe(true);
    expect((error as { field: string }).field).toBe('payments[0].amount');
  });
});

describe('repurchase offers (recourse)', () => {
  const profile = parseFactorProfile(profileInput({ recourse: { days: 90, from: 'due-date' } }));
  const open = new Map([
    ['i1', '1210.00'],
    ['i2', '200.00'],
  ]);

  it('offers nothing back on the last day of the recourse period', () => {
    expect(repurchaseOffers(records, open, profile, '2025-09-29')).toEqual([]); // F-1 due 2025-07-01 + 90 days
  });

  it('offers an unpaid invoice back the day after, at the advance in proportion to what is unpaid', () => {
    const offers = repurchaseOffers(records, open, profile, '2025-10-15');
    expect(offers.map((o) => [o.invoiceNumber, o.recourseEndedOn, o.repurchasePrice.toFixed(2)])).toEqual([
      ['F-1', '2025-09-29', '1028.50'],
      ['F-2', '2025-10-03', '127.50'], // 255.00 × 200/400
    ]);
  });

  it('does not offer a paid invoice', () => {
    expect(repurchaseOffers(records, new Map([['i1', '0']]), profile, '2026-01-01')).toEqual([]);
  });
});

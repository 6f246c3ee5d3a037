import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.js';
import { statutoryInterestBasis } from '../interest/statutoryInterestBasis.js';
import { lateInterest } from '../interest/lateInterest.js';
import { beCommercialRates } from './beCommercialRates.js';
import { STATUTORY_RATE_TABLES, withPublishedRates } from './statutoryTables.js';

const nextHalfYear = addDays(beCommercialRates.validUntil!, 1);

describe('rates published after this release', () => {
  it('a date past the shipped table is a gap, and the published rate closes it', () => {
    const until = addDays(nextHalfYear, 1); // two days into the next half-year
    const shipped = statutoryInterestBasis('BE', 'business');
    expect(() => lateInterest({ principal: '1000.00', dueDate: beCommercialRates.validUntil!, until, rateTable: shipped.table, method: 'simple' })).toThrow(/RATE_TABLE_GAP|no rate/);

    const rateTables = withPublishedRates({ 'be-commercial': [{ from: nextHalfYear, rate: '36.50', source: 'BS (test)' }] });
    const basis = statutoryInterestBasis('BE', 'business', { rateTables });
    expect(basis.table.id).toBe('be-commercial');
    expect(basis.legalBasis).toBe(shipped.legalBasis);
    // Due on the table's last day: interest runs from the first day of the new half-year,
    // 1000 × 36.5 % × 2 days / 365 = 2.00 at the published rate.
    const r = lateInterest({ principal: '1000.00', dueDate: beCommercialRates.validUntil!, until, rateTable: basis.table, method: 'simple' });
    const last = r.segments.at(-1)!;
    expect(last.ratePercent).toBe('36.50');
    expect(last.amount.toFixed(2)).toBe('2.00');
  });

  it('leaves the other tables as shipped', () => {
    const rateTables = withPublishedRates({ 'be-commercial': [{ from: nextHalfYear, rate: '10.00', source: 'BS (test)' }] });
    expect(statutoryInterestBasis('NL', 'business', { rateTables }).table).toBe(STATUTORY_RATE_TABLES['nl-handelsrente']);
    expect(statutoryInterestBasis('BE', 'business').table).toBe(beCommercialRates);
  });

  it('refuses an unknown table and a rate that leaves a gap, naming them', () => {
    expect(() => withPublishedRates({ 'be-comercial': [{ from: nextHalfYear, rate: '10.00', source: 'x' }] })).toThrow(/unknown rate table "be-comercial"/);
    expect(() => withPublishedRates({ 'be-civil': [{ from: '2099-01-01', rate: '5.00', source: 'x' }] })).toThrow(/gap/);
  });
});

import { describe, expect, it } from 'vitest';
import { beB2bPenaltyClause } from './beB2bPenaltyClause.js';
import { beB2cChargesAllowed, beB2cWaitingPeriod } from './beB2cWaitingPeriod.js';
import { beRecurringReminderFeeCap, bookXixDamagesCap } from './bookXixDamages.js';
import { assumedDeliveryDate, nlB2cCostsAllowed } from './nlB2cCosts.js';

describe('NL 14-day letter (art. 6:96 lid 6 BW; reference.md §2)', () => {
  it('runs the 14 days from the day after delivery (HR 25-11-2016): costs due from day 15 after delivery', () => {
    expect(nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-25' })).toEqual({
      allowed: false,
      reason: 'term-running',
      allowedFrom: '2025-03-26',
      termEnds: '2025-03-25',
    });
    expect(nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-26' })).toEqual({
      allowed: true,
      since: '2025-03-26',
      termEnds: '2025-03-25',
    });
  });
  it('accepts a longer term (15 or 16 days in practice), refuses a shorter one', () => {
    expect(nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-26', termDays: 16 })).toMatchObject({ allowed: false, allowedFrom: '2025-03-28' });
    expect(() => nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-11', asOf: '2025-03-26', termDays: 13 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'termDays' }),
    );
    expect(() => nlB2cCostsAllowed({ letterDeliveredOn: '2025-03-32', asOf: '2025-03-26' })).toThrow(/^letterDeliveredOn:/);
  });
  it('assumes delivery on the 2nd day after posting, skipping Sundays, Mondays and holidays (practice rule)', () => {
    expect(assumedDeliveryDate('2025-03-04').deliveredOn).toBe('2025-03-06'); // Tue → Thu
    expect(assumedDeliveryDate('2025-03-07').deliveredOn).toBe('2025-03-11'); // Fri → Sat (1), Tue (2)
    expect(assumedDeliveryDate('2025-03-08').deliveredOn).toBe('2025-03-12'); // Sat → Tue (1), Wed (2)
    expect(assumedDeliveryDate('2025-12-24').deliveredOn).toBe('2025-12-30'); // Wed → 25/26 Dec holidays, Sat 27 (1), Tue 30 (2)
    expect(assumedDeliveryDate('2025-03-04').kind).toBe('practice-assumption');
  });
});

describe('BE Book XIX damages caps (reference.md §3 table and examples)', () => {
  it.each([
    ['0', '20.00'],
    ['100', '20.00'],
    ['150', '20.00'],
    ['150.01', '30.00'],
    ['300', '45.00'],
    ['500', '65.00'],
    ['500.01', '65.00'],
    ['1000', '90.00'],
    ['10000', '540.00'],
    ['39200', '2000.00'],
    ['39199.99', '2000.00'], // 65 + 1934.9995 → rounds to the cap
    ['39000', '1990.00'],
    ['100000', '2000.00'],
  ])('balance €%s → at most €%s', (balance, cap) => {
    expect(bookXixDamagesCap(balance).amount.toFixed(2)).toBe(cap);
  });
  it('is contractual and refuses a negative balance', () => {
    expect(bookXixDamagesCap('300').contractual).toBe(true);
    expect(() => bookXixDamagesCap('-5')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'balance' }));
  });
});

describe('BE Book XIX waiting period (reference.md §3 implementation example)', () => {
  it('post on Monday 2 Dec 2024: starts Thursday 5 Dec (3rd working day), runs to 18 Dec, charges from 19 Dec', () => {
    expect(beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post' })).toMatchObject({
      startsOn: '2024-12-05',
      endsOn: '2024-12-18',
      chargesFrom: '2024-12-19',
      counting: 'start-is-day-1',
      unconfirmed: true,
    });
  });
  it('e-mail on 2 Dec 2024: starts 3 Dec, ends 16 Dec, charges from 17 Dec', () => {
    expect(beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'email' })).toMatchObject({
      startsOn: '2024-12-03',
      endsOn: '2024-12-16',
      chargesFrom: '2024-12-17',
    });
  });
  it('skips Belgian holidays when counting working days (21 July)', () => {
    expect(beB2cWaitingPeriod({ firstReminderSentOn: '2025-07-18', channel: 'post' }).startsOn).toBe('2025-07-24');
  });
  it('the other reading of "commences on" [U] gives one more day', () => {
    expect(beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'post', counting: 'day-after-start-is-day-1' }).chargesFrom).toBe('2024-12-20');
  });
  it('says whether charges are allowed on a date', () => {
    const base = { firstReminderSentOn: '2024-12-02', channel: 'post' as const };
    expect(beB2cChargesAllowed({ ...base, asOf: '2024-12-18' })).toMatchObject({ allowed: false, reason: 'waiting-period', allowedFrom: '2024-12-19' });
    expect(beB2cChargesAllowed({ ...base, asOf: '2024-12-19' })).toMatchObject({ allowed: true, since: '2024-12-19' });
    expect(beB2cChargesAllowed({ ...base, firstReminderSentOn: undefined, asOf: '2024-12-19' })).toEqual({ allowed: false, reason: 'no-free-reminder' });
  });
  it('refuses bad input, naming the field', () => {
    expect(() => beB2cWaitingPeriod({ firstReminderSentOn: '2024-12-02', channel: 'fax' as 'post' })).toThrow(/^channel:/);
    expect(() => beB2cChargesAllowed({ firstReminderSentOn: '2024-12-02', channel: 'post', asOf: '2024-12-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_RANGE', field: 'asOf' }),
    );
  });
});

describe('BE recurring supplies: reminder fees (reference.md §3)', () => {
  it('three free reminders a year, then at most €7.50 plus postage', () => {
    expect(beRecurringReminderFeeCap(1).free).toBe(true);
    expect(beRecurringReminderFeeCap(3).maximum.toFixed(2)).toBe('0.00');
    expect(beRecurringReminderFeeCap(4).maximum.toFixed(2)).toBe('7.50');
    expect(beRecurringReminderFeeCap(5, '1.95').maximum.toFixed(2)).toBe('9.45');
    expect(() => beRecurringReminderFeeCap(0)).toThrow(expect.objectContaining({ field: 'reminderNumberInYear' }));
  });
});

describe('BE B2B penalty clause (contractual)', () => {
  it('applies the percent on the principal within the agreed minimum and maximum', () => {
    const clause = { percent: '10', minimum: '125', maximum: '2500' };
    expect(beB2bPenaltyClause('2000', clause).amount.toFixed(2)).toBe('200.00');
    expect(beB2bPenaltyClause('800', clause).amount.toFixed(2)).toBe('125.00');
    expect(beB2bPenaltyClause('40000', clause).amount.toFixed(2)).toBe('2500.00');
    expect(beB2bPenaltyClause('1234.55', { percent: '15' }).amount.toFixed(2)).toBe('185.18'); // 185.1825
    expect(beB2bPenaltyClause('2000', clause).contractual).toBe(true);
  });
  it('refuses a bad clause, naming the field', () => {
    expect(() => beB2bPenaltyClause('100', { percent: '10%' })).toThrow(expect.objectContaining({ code: 'INVALID_PERCENTAGE', field: 'clause.percent' }));
    expect(() => beB2bPenaltyClause('100', { percent: '10', minimum: '50', maximum: '20' })).toThrow(
      expect.objectContaining({ code: 'INVALID_RANGE', field: 'clause.maximum' }),
    );
    expect(() => beB2bPenaltyClause('-100', { percent: '10' })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'principal' }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, endOfMonth, isoWeekday, parseDate } from './date.js';
import { addBusinessDays, easterSunday, isBusinessDay, publicHolidays } from './holidays.js';

describe('calendar dates', () => {
  it('validates format and existence, naming the field', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(() => parseDate('2025-02-29', 'dueDate')).toThrow(/dueDate: "2025-02-29" does not exist/);
    expect(() => parseDate('15/03/2025', 'issueDate')).toThrow(/issueDate: .* not a YYYY-MM-DD/);
    expect(() => parseDate(20250315)).toThrow(/expected a YYYY-MM-DD string/);
  });

  it('does day and month arithmetic on the calendar', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // the night DST starts in Europe
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27'); // and ends
    expect(daysBetween('2025-03-15', '2025-06-30')).toBe(107);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(isoWeekday('2025-03-15')).toBe(6);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(/days: must be a whole number/);
  });

  it('adding days and counting them back agree (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (start, n) => {
        const from = addDays('1990-01-01', start);
        expect(daysBetween(from, addDays(from, n))).toBe(n);
      }),
    );
  });
});

describe('public holidays and business days', () => {
  it('computes Easter (known dates)', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('knows the ten Belgian legal holidays (KB 18 April 1974)', () => {
    const be2025 = publicHolidays('BE', 2025).map((h) => h.date);
    expect(be2025).toEqual([
      '2025-01-01', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09',
      '2025-07-21', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-25',
    ]);
  });

  it('knows the Dutch holidays, with Koningsdag moved off Sunday and lustrum Liberation Day', () => {
    const nl2025 = publicHolidays('NL', 2025).map((h) => h.date);
    expect(nl2025).toContain('2025-04-26'); // 27 April 2025 is a Sunday
    expect(nl2025).toContain('2025-05-05');
    expect(publicHolidays('NL', 2026).map((h) => h.date)).not.toContain('2026-05-05');
    expect(() => publicHolidays('FR' as never, 2025)).toThrow(/country/);
  });

  it('counts working days past weekends and holidays', () => {
    expect(isBusinessDay('2025-07-21', 'BE')).toBe(false);
    expect(isBusinessDay('2025-07-21', 'NL')).toBe(true);
    expect(addBusinessDays('2025-07-18', 3, 'BE')).toBe('2025-07-24');
    expect(addBusinessDays('2025-07-24', -3, 'BE')).toBe('2025-07-18');
    expect(addBusinessDays('2025-12-24', 1, 'NL')).toBe('2025-12-29');
    expect(addBusinessDays('2025-12-24', 0, 'NL')).toBe('2025-12-24');
  });
});

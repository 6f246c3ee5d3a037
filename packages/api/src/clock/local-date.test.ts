import { describe, expect, it } from 'vitest';
import { localDate, timeZoneFor } from './local-date.js';

describe('localDate', () => {
  it('gives the next day in Brussels for a late-evening UTC instant (summer time, UTC+2)', () => {
    expect(localDate(new Date('2025-06-30T22:30:00Z'), 'Europe/Brussels')).toBe('2025-07-01');
  });
  it('keeps the UTC day in winter when the offset is only one hour', () => {
    expect(localDate(new Date('2025-01-31T22:30:00Z'), 'Europe/Amsterdam')).toBe('2025-01-31');
    expect(localDate(new Date('2025-01-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2025-02-01');
  });
  it('maps NL to Amsterdam and anything else to Brussels', () => {
    expect(timeZoneFor('NL')).toBe('Europe/Amsterdam');
    expect(timeZoneFor('BE')).toBe('Europe/Brussels');
  });
});

import { describe, expect, it } from 'vitest';
import { dueCompanies, isDigestDay } from './schedule.js';

const brussels = { id: 'c1', timeZone: 'Europe/Brussels', settings: { sendAt: '08:00' } };
const amsterdam = { id: 'c2', timeZone: 'Europe/Amsterdam', settings: { sendAt: '07:30' } };

describe('dueCompanies', () => {
  it('runs at 08:00 local time on both sides of the DST change (invoiceninja#12158)', () => {
    // Winter (UTC+1): 08:00 local = 07:00 UTC. Summer (UTC+2, from 30 March 2025): 08:00 local = 06:00 UTC.
    expect(dueCompanies([brussels], new Date('2025-03-29T06:59:00Z'), new Map())).toEqual([]);
    expect(dueCompanies([brussels], new Date('2025-03-29T07:00:00Z'), new Map())).toEqual([{ id: 'c1', localDate: '2025-03-29' }]);
    expect(dueCompanies([brussels], new Date('2025-03-31T05:59:00Z'), new Map())).toEqual([]);
    expect(dueCompanies([brussels], new Date('2025-03-31T06:00:00Z'), new Map())).toEqual([{ id: 'c1', localDate: '2025-03-31' }]);
  });

  it('uses the local date, not the server date, near midnight (invoiceninja#8665, #792)', () => {
    // 23:30 UTC on 9 April is 01:30 on 10 April in Brussels: not yet 08:00 there.
    expect(dueCompanies([{ ...brussels, settings: { sendAt: '01:00' } }], new Date('2025-04-09T23:30:00Z'), new Map([['c1', '2025-04-09']]))).toEqual([{ id: 'c1', localDate: '2025-04-10' }]);
  });

  it('runs a company once per local day, each at its own time', () => {
    const now = new Date('2025-04-10T06:00:00Z'); // 08:00 Brussels and Amsterdam
    const last = new Map<string, string>();
    const first = dueCompanies([brussels, amsterdam], now, last);
    expect(first.map((d) => d.id)).toEqual(['c1', 'c2']);
    for (const d of first) last.set(d.id, d.localDate);
    expect(dueCompanies([brussels, amsterdam], new Date('2025-04-10T15:00:00Z'), last)).toEqual([]);
    expect(dueCompanies([brussels, amsterdam], new Date('2025-04-11T05:45:00Z'), last)).toEqual([{ id: 'c2', localDate: '2025-04-11' }]);
  });

  it('sends the digest on Mondays', () => {
    expect(isDigestDay('2025-04-14')).toBe(true);
    expect(isDigestDay('2025-04-13')).toBe(false);
  });
});

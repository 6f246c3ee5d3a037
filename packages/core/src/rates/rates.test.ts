import { describe, expect, it } from 'vitest';
import { isFactError } from '../errors/FactError.js';
import { beCivilRates } from './beCivilRates.js';
import { beCommercialRates, beCommercialRatesOldContracts } from './beCommercialRates.js';
import { nlCommercialRates } from './nlCommercialRates.js';
import { nlStatutoryRates } from './nlStatutoryRates.js';
import { contractualRateTable, defineRateTable, extendRateTable, rateChanges, rateOn, type RateTable } from './rateTable.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('Belgian commercial rates (reference.md §1.2 table)', () => {
  const golden: [string, string][] = [
    ['2002-10-01', '10.50'], // pre-2013 list: 2002 H2 10.5
    ['2003-03-01', '10.00'],
    ['2005-05-05', '9.50'], // 2003 H2 to 2006 H1 9.5
    ['2006-08-01', '10.00'],
    ['2007-02-01', '11.00'],
    ['2008-12-31', '11.50'], // 2007 H2 to 2008 H2
    ['2009-03-01', '9.50'],
    ['2010-06-01', '8.00'], // 2009 H2 to 2011 H1
    ['2011-09-01', '8.50'],
    ['2012-11-01', '8.00'],
    ['2013-03-15', '8.00'], // before the new law: old formula
    ['2013-03-16', '9.00'], // H1 2013 new contracts
    ['2013-07-01', '8.50'],
    ['2015-03-16', '8.50'],
    ['2016-01-01', '8.50'],
    ['2016-07-01', '8.00'],
    ['2019-07-01', '8.00'], // caveat in §1.2: 8 %, not fidelium's 8.5 %
    ['2022-12-31', '8.00'],
    ['2023-01-01', '10.50'],
    ['2023-07-01', '12.00'],
    ['2024-01-01', '12.50'],
    ['2024-07-01', '12.50'], // [F]
    ['2025-01-01', '11.50'],
    ['2025-06-30', '11.50'],
    ['2025-07-01', '10.50'],
    ['2026-06-30', '10.50'],
  ];
  it.each(golden)('on %s the rate is %s %%', (date, rate) => {
    expect(rateOn(beCommercialRates, date).rate).toBe(rate);
  });

  it('marks H2 2024 as unconfirmed (formula-derived [F]) with a note', () => {
    const e = rateOn(beCommercialRates, '2024-10-01').entry;
    expect(e.unconfirmed).toBe(true);
    expect(e.note).toMatch(/12\.25/);
    expect(rateOn(beCommercialRates, '2024-03-01').entry.unconfirmed).toBeUndefined();
  });

  it('keeps the old-contracts column (ECB + 7) until 15/03/2015, then follows the current rate', () => {
    expect(rateOn(beCommercialRatesOldContracts, '2013-04-01').rate).toBe('8.00');
    expect(rateOn(beCommercialRatesOldContracts, '2013-07-01').rate).toBe('7.50');
    expect(rateOn(beCommercialRatesOldContracts, '2015-03-15').rate).toBe('7.50');
    expect(rateOn(beCommercialRatesOldContracts, '2015-03-16').rate).toBe('8.50');
    expect(rateOn(beCommercialRatesOldContracts, '2025-02-01').rate).toBe('11.50');
    expect(rateOn(beCommercialRatesOldContracts, '2008-01-01').rate).toBe('11.50');
  });

  it('carries H2 2026 as a formula-derived, unconfirmed rate (published after the reference was written)', () => {
    const h2 = rateOn(beCommercialRates, '2026-12-02');
    expect(h2.rate).toBe('10.50');
    expect(h2.entry.unconfirmed).toBe(true);
    expect(h2.entry.note).toMatch(/MRO assumed unchanged at 2\.15/);
    // A letter for H1→H2 2026 splits where the rate becomes unconfirmed.
    expect(rateChanges(beCommercialRates, '2026-03-01', '2026-09-30').map((c) => c.date)).toEqual(['2026-03-01', '2026-07-01']);
  });

  it('ends on 31 December 2026: a later date is a gap, not a guess', () => {
    expect(beCommercialRates.validUntil).toBe('2026-12-31');
    const e = thrown(() => rateOn(beCommercialRates, '2027-01-01', 'until'));
    expect(isFactError(e, 'RATE_TABLE_GAP')).toBe(true);
    expect((e as Error).message).toMatch(/^until: .*be-commercial.*2027-01-01/);
    expect(thrown(() => rateOn(beCommercialRates, '2002-06-30'))).toMatchObject({ code: 'RATE_TABLE_GAP', field: 'date' });
  });
});

describe('Belgian legal (civil) rate per year (reference.md §1.2)', () => {
  const golden: [number, string][] = [
    [2008, '7.00'], [2009, '5.50'], [2010, '3.25'], [2011, '3.75'], [2012, '4.25'], [2013, '2.75'], [2014, '2.75'],
    [2015, '2.50'], [2016, '2.25'], [2017, '2.00'], [2019, '2.00'], [2020, '1.75'], [2021, '1.75'], [2022, '1.50'],
    [2023, '5.25'], [2024, '5.75'], [2025, '4.50'], [2026, '4.50'],
  ];
  it.each(golden)('%i: %s %%', (year, rate) => {
    expect(rateOn(beCivilRates, `${year}-06-15`).rate).toBe(rate);
  });
  it('flags 2010 (sources disagree: 3.25 % vs 3.5 %) and ends on 31-12-2026', () => {
    expect(rateOn(beCivilRates, '2010-01-01').entry.unconfirmed).toBe(true);
    expect(beCivilRates.validUntil).toBe('2026-12-31');
    expect(thrown(() => rateOn(beCivilRates, '2027-01-01'))).toMatchObject({ code: 'RATE_TABLE_GAP' });
  });
});

describe('Dutch rates (reference.md §1.3 rate history)', () => {
  const golden: [string, string, string][] = [
    ['2007-01-01', '10.58', '6.00'],
    ['2007-07-01', '11.07', '6.00'],
    ['2008-01-01', '11.20', '6.00'],
    ['2008-07-01', '11.07', '6.00'],
    ['2009-01-01', '9.50', '6.00'],
    ['2009-07-01', '8.00', '4.00'],
    ['2010-01-01', '8.00', '3.00'],
    ['2011-07-01', '8.25', '4.00'],
    ['2012-01-01', '8.00', '4.00'],
    ['2012-07-01', '8.00', '3.00'],
    ['2013-01-01', '7.75', '3.00'],
    ['2013-03-16', '8.75', '3.00'],
    ['2013-07-01', '8.50', '3.00'],
    ['2014-01-01', '8.25', '3.00'],
    ['2014-07-01', '8.15', '3.00'],
    ['2015-01-01', '8.05', '2.00'],
    ['2016-07-01', '8.00', '2.00'],
    ['2022-12-31', '8.00', '2.00'],
    ['2023-01-01', '10.50', '4.00'],
    ['2023-07-01', '12.00', '6.00'],
    ['2024-01-01', '12.50', '7.00'],
    ['2024-07-01', '12.25', '7.00'],
    ['2025-01-01', '11.15', '6.00'],
    ['2025-07-01', '10.15', '6.00'],
    ['2026-01-01', '10.15', '4.00'],
  ];
  it.each(golden)('from %s: handelsrente %s %%, wettelijke rente %s %%', (date, commercial, statutory) => {
    expect(rateOn(nlCommercialRates, date).rate).toBe(commercial);
    expect(rateOn(nlStatutoryRates, date).rate).toBe(statutory);
  });
  it('has the early handelsrente from 2002 and the 2003-2004 wettelijke rente', () => {
    expect(rateOn(nlCommercialRates, '2002-12-01').rate).toBe('10.35');
    expect(rateOn(nlCommercialRates, '2006-07-01').rate).toBe('9.83');
    expect(rateOn(nlStatutoryRates, '2003-08-01').rate).toBe('5.00');
    expect(rateOn(nlStatutoryRates, '2004-02-01').rate).toBe('4.00');
  });
  it('marks the wettelijke rente of 1-7-2025 as unconfirmed [U]', () => {
    const e = rateOn(nlStatutoryRates, '2025-08-01').entry;
    expect(e.unconfirmed).toBe(true);
    expect(e.note).toMatch(/Staatsblad/);
  });
  it('carries H2 2026 as unconfirmed in both tables and ends them on 31 December 2026', () => {
    expect(rateOn(nlCommercialRates, '2026-12-02')).toMatchObject({ rate: '10.15', entry: { unconfirmed: true } });
    expect(rateOn(nlStatutoryRates, '2026-12-02')).toMatchObject({ rate: '4.00', entry: { unconfirmed: true } });
    expect(nlCommercialRates.validUntil).toBe('2026-12-31');
    expect(nlStatutoryRates.validUntil).toBe('2026-12-31');
  });
});

describe('rateChanges', () => {
  it('lists the rate at the start and each real change (reference.md §1.2 worked example)', () => {
    expect(rateChanges(beCommercialRates, '2025-03-16', '2025-09-30').map((c) => [c.date, c.rate])).toEqual([
      ['2025-03-16', '11.50'],
      ['2025-07-01', '10.50'],
    ]);
  });
  it('does not split a re-published unchanged rate, but does split where it becomes unconfirmed', () => {
    expect(rateChanges(beCommercialRates, '2017-01-01', '2022-12-31')).toHaveLength(1);
    expect(rateChanges(beCommercialRates, '2024-01-01', '2024-12-31').map((c) => c.date)).toEqual(['2024-01-01', '2024-07-01']);
  });
  it('refuses a reversed range and an uncovered end', () => {
    expect(thrown(() => rateChanges(beCommercialRates, '2025-03-01', '2025-01-01'))).toMatchObject({ code: 'INVALID_RANGE', field: 'to' });
    expect(thrown(() => rateChanges(beCommercialRates, '2025-03-01', '2027-07-01'))).toMatchObject({ code: 'RATE_TABLE_GAP', field: 'to' });
  });
});

describe('extending and defining tables', () => {
  it('adds the next half-year in one entry and moves validUntil to its end', () => {
    const next = extendRateTable(beCommercialRates, [{ from: '2027-01-01', rate: '10.00', source: 'test' }]);
    expect(next.validUntil).toBe('2027-06-30');
    expect(rateOn(next, '2027-06-30').rate).toBe('10.00');
    expect(beCommercialRates.validUntil).toBe('2026-12-31'); // original untouched
    const civil = extendRateTable(beCivilRates, [{ from: '2027-01-01', rate: '4.00', source: 'test' }]);
    expect(civil.validUntil).toBe('2027-12-31');
  });
  it('lets a published rate replace the trailing unconfirmed entry, never a confirmed one', () => {
    const published = extendRateTable(beCommercialRates, [{ from: '2026-07-01', rate: '10.00', source: 'BS test' }]);
    expect(rateOn(published, '2026-12-02')).toMatchObject({ rate: '10.00', entry: { source: 'BS test' } });
    expect(rateOn(published, '2026-12-02').entry.unconfirmed).toBeUndefined();
    expect(published.validUntil).toBe('2026-12-31');
    expect(rateOn(published, '2026-06-30').rate).toBe('10.50');
    expect(thrown(() => extendRateTable(beCommercialRates, [{ from: '2026-01-01', rate: '9.00', source: 't' }]))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
  it('refuses an extension that leaves a hole or goes backwards', () => {
    expect(thrown(() => extendRateTable(beCommercialRates, [{ from: '2027-07-01', rate: '10.00', source: 't' }]))).toMatchObject({
      code: 'RATE_TABLE_GAP',
    });
    expect(thrown(() => extendRateTable(beCommercialRates, [{ from: '2026-01-01', rate: '10.00', source: 't' }]))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
  it('validates rates, sources and dates, naming the entry', () => {
    const base: RateTable = { id: 't', name: 't', jurisdiction: 'BE', kind: 'commercial', publication: 'yearly', entries: [] };
    expect(thrown(() => defineRateTable(base))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'entries' });
    expect(thrown(() => defineRateTable({ ...base, entries: [{ from: '2025-01-01', rate: '10,5', source: 's' }] }))).toMatchObject({
      code: 'INVALID_PERCENTAGE',
      field: 'entries[0].rate',
    });
    expect(thrown(() => defineRateTable({ ...base, entries: [{ from: '2025-01-01', rate: '1', source: ' ' }] }))).toMatchObject({
      field: 'entries[0].source',
    });
    expect(thrown(() => defineRateTable({ ...base, entries: [{ from: '2025-02-30', rate: '1', source: 's' }] }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'entries[0].from',
    });
    expect(
      thrown(() => defineRateTable({ ...base, entries: [{ from: '2025-01-01', rate: '1', source: 's' }], validUntil: '2024-12-31' })),
    ).toMatchObject({ code: 'INVALID_RANGE', field: 'validUntil' });
  });
  it('a contractual rate is open-ended', () => {
    expect(rateOn(contractualRateTable('12'), '2099-12-31').rate).toBe('12');
  });
  it('every statutory entry has a source', () => {
    for (const t of [beCommercialRates, beCommercialRatesOldContracts, beCivilRates, nlCommercialRates, nlStatutoryRates]) {
      for (const e of t.entries) expect(e.source).toMatch(/reference\.md §1\.[23]/);
    }
  });
});

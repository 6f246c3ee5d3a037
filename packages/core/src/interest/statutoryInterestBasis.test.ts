import { describe, expect, it } from 'vitest';
import { statutoryInterestBasis } from './statutoryInterestBasis.js';

describe('statutoryInterestBasis (reference.md §1.2, §1.3)', () => {
  it.each([
    ['BE', 'business', 'be-commercial', 'simple', 'day-after-due-date'],
    ['BE', 'consumer', 'be-civil', 'simple', 'formal-notice'],
    ['NL', 'business', 'nl-handelsrente', 'compound-annual', 'day-after-due-date'],
    ['NL', 'consumer', 'nl-wettelijke-rente', 'compound-annual', 'default'],
  ] as const)('%s %s → %s, %s, runs from %s', (country, kind, id, method, runsFrom) => {
    const b = statutoryInterestBasis(country, kind);
    expect([b.table.id, b.method, b.runsFrom]).toEqual([id, method, runsFrom]);
  });

  it('uses the old-contracts column for a BE contract concluded before 16 March 2013', () => {
    expect(statutoryInterestBasis('BE', 'business', { contractConcludedOn: '2013-03-15' }).table.id).toBe('be-commercial-pre-2013-contracts');
    expect(statutoryInterestBasis('BE', 'business', { contractConcludedOn: '2013-03-16' }).table.id).toBe('be-commercial');
  });

  it('refuses unknown countries and debtor kinds, naming the field', () => {
    expect(() => statutoryInterestBasis('FR' as 'BE', 'business')).toThrow(/^country:/);
    expect(() => statutoryInterestBasis('BE', 'person' as 'consumer')).toThrow(/^debtorKind:/);
    expect(() => statutoryInterestBasis('BE', 'business', { contractConcludedOn: '2013-13-01' })).toThrow(/^contractConcludedOn:/);
  });
});

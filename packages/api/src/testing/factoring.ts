import type { FactorProfileInput } from '@fact/factoring';

/** A profile of the fixture's first factor ("Factor NV", whose user is `factorA1`). */
export function factorProfile(over: Partial<FactorProfileInput> = {}): FactorProfileInput {
  return {
    formatVersion: 1,
    id: 'acme-2025',
    name: 'Acme Factoring standard terms',
    factor: { name: 'Factor NV', iban: 'BE71096123456769', bic: 'GKCCBEBB' },
    assignment: 'open',
    advancePercent: '85',
    feePercent: '1.5',
    maxInvoiceAgeDays: 90,
    maxDaysPastDue: 60,
    recourse: { days: 90, from: 'due-date' },
    ...over,
  };
}


import { fromCents, toCents, vatReliefEligibility } from '@fact/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reliefArisen, vatShareCents } from './vat-share.js';

describe('vatShareCents', () => {
  it('is the VAT on the unpaid part, half-up: reference.md §4.1 example (121.00 total, 21.00 VAT, half paid → 10.50)', () => {
    expect(vatShareCents(12_100, 2_100, 6_050)).toBe(1_050);
  });

  it('rounds half-up once: 1/3 of 0.05 VAT is 0.0166… → 0.02; 1/2 of 0.01 → 0.01', () => {
    expect(vatShareCents(300, 5, 100)).toBe(2);
    expect(vatShareCents(200, 1, 100)).toBe(1);
  });

  it('equals reclaimableVat of @fact/core vatReliefEligibility for any invoice and unpaid part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (total, vatShare, openShare) => {
        const vat = Math.floor(total * vatShare);
        const open = Math.max(1, Math.floor(total * openShare));
        const core = vatReliefEligibility({ country: 'NL', invoiceTotal: fromCents(total), invoiceVat: fromCents(vat), paid: fromCents(total - open), dueDate: '2020-01-01', asOf: '2025-01-01', filing: 'monthly' });
        expect(core.status).toBe('eligible');
        if (core.status === 'eligible') expect(vatShareCents(total, vat, open)).toBe(toCents(core.reclaimableVat));
      }),
      { numRuns: 500 },
    );
  });
});

describe('reliefArisen', () => {
  it('NL: one year after the due date, not a day before (art. 29 Wet OB, reference.md §4.1)', () => {
    expect(reliefArisen('NL', '2025-02-09', '2026-02-09')).toBe(true);
    expect(reliefArisen('NL', '2025-02-09', '2026-02-08')).toBe(false);
  });
  it('BE: never on time alone, only with a loss event (art. 77 §1, 7° WBTW, reference.md §4.2)', () => {
    expect(reliefArisen('BE', '2015-01-01', '2026-02-09')).toBe(false);
  });
});

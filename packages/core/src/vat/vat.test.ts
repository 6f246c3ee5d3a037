import { describe, expect, it } from 'vitest';
import { isFactError } from '../errors/FactError.js';
import { needsExemptionReason, parseVatCategory, VAT_CATEGORIES } from './categories.js';
import { defaultExemptionReason, EXEMPTION_MENTIONS } from './exemption-reasons.js';
import { allowedVatRates, checkVatRate, VAT_RATES } from './rates.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing thrown');
}

describe('VAT categories', () => {
  it('knows the seven EN 16931 codes and refuses others, naming the field', () => {
    expect(VAT_CATEGORIES).toEqual(['S', 'Z', 'E', 'AE', 'K', 'G', 'O']);
    expect(parseVatCategory('K')).toBe('K');
    const e = thrown(() => parseVatCategory('s', 'lines[3].vatCategory'));
    expect(isFactError(e, 'UNKNOWN_VAT_CATEGORY') && e.field === 'lines[3].vatCategory').toBe(true);
    expect(needsExemptionReason('AE')).toBe(true);
    expect(needsExemptionReason('Z')).toBe(false);
  });
});

describe('VAT rate table', () => {
  it('Belgian rates are 21, 12 and 6 % (reference.md §10, beci.be)', () => {
    expect(allowedVatRates('BE', 'S', '2026-01-01').map(String)).toEqual(['21', '12', '6']);
    expect(allowedVatRates('BE', 'Z', '2026-01-01').map(String)).toEqual(['0']);
  });

  it('Dutch rates are 21 and 9 % since 2019 (issue text c; not in reference.md, so unconfirmed)', () => {
    expect(allowedVatRates('NL', 'S', '2019-01-01').map(String)).toEqual(['21', '9']);
    expect(VAT_RATES.find((r) => r.country === 'NL' && r.category === 'S')?.unconfirmed).toBe(true);
  });

  it('reverse charge, intra-EU, export, exempt and out-of-scope carry 0 % only', () => {
    for (const c of ['E', 'AE', 'K', 'G', 'O'] as const) {
      expect(checkVatRate('BE', c, '0.00', '2025-01-01').isZero()).toBe(true);
      expect(isFactError(thrown(() => checkVatRate('NL', c, 21, '2025-01-01', 'x')), 'INVALID_VAT_RATE')).toBe(true);
    }
  });

  it('refuses a rate of another country or a period the table does not cover', () => {
    const e = thrown(() => checkVatRate('BE', 'S', '9', '2025-01-01', 'lines[0].vatRate'));
    expect(isFactError(e, 'INVALID_VAT_RATE') && e.message).toMatch(/^lines\[0\]\.vatRate: 9 % is not a BE rate/);
    expect(isFactError(thrown(() => allowedVatRates('NL', 'S', '2018-12-31')), 'RATE_TABLE_GAP')).toBe(true);
    expect(isFactError(thrown(() => allowedVatRates('BE', 'S', '2025-13-01')), 'INVALID_DATE')).toBe(true);
  });
});

describe('exemption mentions', () => {
  it('Belgian reverse charge says "Verlegging van heffing" / "Autoliquidation" with art. 51 §2 (reference.md §10)', () => {
    expect(defaultExemptionReason('BE', 'AE', 'nl')).toContain('Verlegging van heffing');
    expect(defaultExemptionReason('BE', 'AE', 'fr')).toContain('Autoliquidation');
    expect(defaultExemptionReason('BE', 'AE', 'nl')).toContain('art. 51, § 2');
    expect(defaultExemptionReason('BE', 'K', 'nl')).toContain('39bis');
    expect(defaultExemptionReason('NL', 'AE', 'nl')).toBe('Btw verlegd');
  });

  it('has a mention in every language for every zero category, and none for S or Z', () => {
    for (const country of ['BE', 'NL'] as const) {
      for (const c of ['E', 'AE', 'K', 'G', 'O'] as const) {
        for (const lang of ['nl', 'fr', 'en'] as const) expect(defaultExemptionReason(country, c, lang)?.length).toBeGreaterThan(5);
      }
      expect(defaultExemptionReason(country, 'S', 'fr')).toBeUndefined();
    }
    const partial = { ...EXEMPTION_MENTIONS, BE: {} };
    expect(isFactError(thrown(() => defaultExemptionReason('BE', 'E', 'nl', partial)), 'INVALID_ARGUMENT')).toBe(true);
  });
});

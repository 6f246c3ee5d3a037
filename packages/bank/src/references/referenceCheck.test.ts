import { describe, expect, it } from 'vitest';
import { classifyReference, isOgmDigits, isRfReference, referencesInText } from './referenceCheck.js';

describe('OGM and RF checks (reference.md §6.1, §6.2)', () => {
  it.each([
    ['000000000097', true],
    ['123456789002', true],
    ['010806817183', true],
    ['240283842818', true],
    ['240283842819', false],
    ['24028384281', false],
  ])('OGM %s valid: %s', (digits, valid) => expect(isOgmDigits(digits)).toBe(valid));

  it.each([
    ['RF18539007547034', true],
    ['RF712348231', true],
    ['RF19539007547034', false],
  ])('RF %s valid: %s', (ref, valid) => expect(isRfReference(ref)).toBe(valid));

  it('classifies what banks send', () => {
    expect(classifyReference('***240/2838/42818***')).toEqual({ scheme: 'ogm', reference: '240283842818' });
    expect(classifyReference('RF18 5390 0754 7034')).toEqual({ scheme: 'rf', reference: 'RF18539007547034' });
    expect(classifyReference('1234567890123456')).toEqual({ scheme: 'other', reference: '1234567890123456' });
    expect(classifyReference('  ')).toBeUndefined();
  });

  it('finds references in free text, but not bare 12-digit runs or bad check digits', () => {
    expect(referencesInText('pay +++240/2838/42818+++ and RF18 5390 0754 7034 thanks')).toEqual([
      { scheme: 'ogm', reference: '240283842818' },
      { scheme: 'rf', reference: 'RF18539007547034' },
    ]);
    expect(referencesInText('account 240283842818')).toEqual([]);
    expect(referencesInText('+++240/2838/42819+++')).toEqual([]);
  });
});

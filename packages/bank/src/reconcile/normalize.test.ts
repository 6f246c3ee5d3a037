import { describe, expect, it } from 'vitest';
import { invoiceNumberTokens, normalizeInvoiceNumber, normalizeName } from './normalize.js';

describe('normalisation for matching', () => {
  it('names lose case, accents, punctuation and legal forms', () => {
    expect(normalizeName('Bakkerij Peeters B.V.')).toBe('bakkerij peeters');
    expect(normalizeName('BAKKERIJ PEETERS BV')).toBe('bakkerij peeters');
    expect(normalizeName('Société Générale S.A.')).toBe('societe generale');
  });

  it('invoice numbers compare on letters and digits', () => {
    expect(normalizeInvoiceNumber('2025-0012')).toBe(normalizeInvoiceNumber('2025/0012'));
  });

  it('free text yields candidate numbers, with and without a word prefix, never short ones', () => {
    expect(invoiceNumberTokens('Factuur 2025-0012, INV2025-0013 nr 12')).toEqual(['20250012', 'INV20250013', '20250013']);
  });
});

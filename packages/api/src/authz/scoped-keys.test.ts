import { describe, expect, it } from 'vitest';
import { collectScopedIds } from './scoped-keys.js';

const A = '0193a000-0000-7000-8000-000000000001';
const B = '0193a000-0000-7000-8000-000000000002';

describe('collectScopedIds', () => {
  it('finds record ids at the top level and nested in arrays', () => {
    expect(collectScopedIds({ companyId: A, allocations: [{ invoiceId: B, amount: '1.00' }] })).toEqual([
      ['companyId', A],
      ['invoiceId', B],
    ]);
  });
  it('ignores values that are not UUIDs (validation refuses them) and unknown keys', () => {
    expect(collectScopedIds({ companyId: 'abc', ownerId: A, invoiceId: 12 })).toEqual([]);
  });
  it('reports each id once and normalises case', () => {
    expect(collectScopedIds({ invoiceId: A.toUpperCase(), x: [{ invoiceId: A }] })).toEqual([['invoiceId', A]]);
  });
});

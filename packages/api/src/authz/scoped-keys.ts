/**
 * Input field names that point at a tenant's record. Wherever one of these appears in a
 * procedure's input (top level or nested, e.g. `allocations[].invoiceId`), the tenant guard checks
 * that the caller may see that record before the procedure runs. A new procedure that takes an
 * `invoiceId` is therefore protected without anyone remembering to protect it.
 */
export const SCOPED_KEYS = [
  'companyId',
  'debtorId',
  'invoiceId',
  'paymentId',
  'documentId',
  'disputeId',
  'holdId',
  'paymentPlanId',
  'batchId',
  'sessionId',
  'tokenId',
] as const;
export type ScopedKey = (typeof SCOPED_KEYS)[number];

/** What a key names, in words, for messages. */
export const KIND_OF: Record<ScopedKey, string> = {
  companyId: 'company',
  debtorId: 'debtor',
  invoiceId: 'invoice',
  paymentId: 'payment',
  documentId: 'document',
  disputeId: 'dispute',
  holdId: 'hold',
  paymentPlanId: 'payment plan',
  batchId: 'factoring batch',
  sessionId: 'session',
  tokenId: 'API token',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Session and API-token ids are the (hex) hash of their token, not UUIDs. */
const HASH = /^[0-9a-f]{64}$/i;

function looksLikeId(key: ScopedKey, value: string): boolean {
  return key === 'sessionId' || key === 'tokenId' ? HASH.test(value) : UUID.test(value);
}

function isScopedKey(key: string): key is ScopedKey {
  return (SCOPED_KEYS as readonly string[]).includes(key);
}

/**
 * Every (key, id) pair of scoped keys in a raw input, at any depth. Values that are not ids are
 * skipped: input validation refuses them next, with a proper message.
 *
 * @example
 * ```ts
 * collectScopedIds({ companyId: 'c…', allocations: [{ invoiceId: 'i…' }] });
 * // [['companyId', 'c…'], ['invoiceId', 'i…']]
 * ```
 */
export function collectScopedIds(raw: unknown): [ScopedKey, string][] {
  const found: [ScopedKey, string][] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (isScopedKey(key) && typeof child === 'string' && looksLikeId(key, child)) {
        const tag = `${key}:${child.toLowerCase()}`;
        if (!seen.has(tag)) {
          seen.add(tag);
          found.push([key, child.toLowerCase()]);
        }
      } else visit(child, depth + 1);
    }
  };
  visit(raw, 0);
  return found;
}

import { createHash } from 'node:crypto';

/**
 * The idempotency key of one send: company, group (the debtor or the invoice the letter is about),
 * level, and the exact invoices in the letter. No date: the same letter planned on two days (or by
 * two runners) has the same key, so it is sent at most once. The invoices are part of the key so a
 * later invoice of the same debtor reaching level 1 is a new letter, not a "duplicate" (the
 * over-eager dedup of invoiceninja#8665).
 *
 * @example
 * ```ts
 * outboxKey({ companyId: 'c1', group: 'debtor:D1:EUR', level: 2, itemIds: ['F-2', 'F-1'] }); // 32 hex chars
 * ```
 */
export function outboxKey(input: { companyId: string; group: string; level: number; itemIds: readonly string[] }): string {
  const items = [...input.itemIds].sort();
  const text = JSON.stringify([input.companyId, input.group, input.level, items]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The SMTP Message-ID derived from the key: a receiver (or our tests) can drop a second delivery
 * of the same reminder by its Message-ID.
 *
 * @example
 * ```ts
 * messageIdFor('0f3a…', 'acme.be'); // "<dunning.0f3a….@acme.be>"
 * ```
 */
export function messageIdFor(key: string, domain: string): string {
  return `<dunning.${key}@${domain}>`;
}

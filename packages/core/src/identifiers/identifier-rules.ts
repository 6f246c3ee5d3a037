/**
 * Identifier rules whose source is weak, as data, so that a caller can see (and a maintainer
 * can change) what is assumed. reference.md §7 marks the KvK rule [U]: a Dutch Chamber of
 * Commerce number (KvK-nummer) is checked as 8 digits, without a check digit.
 *
 * @example
 * ```ts
 * KVK_NUMBER_RULE.digits; // 8
 * KVK_NUMBER_RULE.unconfirmed; // true: show "format checked only" next to a KvK number
 * ```
 */
export const KVK_NUMBER_RULE = {
  digits: 8,
  checkDigit: false,
  unconfirmed: true,
  source: 'reference.md §7: no reliable public check-digit rule found; format only [U]',
} as const;

/**
 * Why an invoice (or part of it) is not bought. Codes are stable: the portal, the report and the
 * factor read them. The sources are other-systems.md §3.2 (what factors and ABL lenders reject).
 */
export const REASON_CODES = [
  'PAID',
  'NOT_EUR',
  'FUTURE_DATED',
  'AGE',
  'PAST_DUE',
  'CROSS_AGED',
  'DISPUTED',
  'CONSUMER',
  'CREDIT_NOTE_PENDING',
  'ALREADY_ASSIGNED',
  'ANTI_ASSIGNMENT',
  'NO_UBL',
  'BELOW_MIN',
  'ABOVE_MAX',
  'EXCLUDED_DEBTOR',
  'EXCLUDED_COUNTRY',
  'CONTRA',
  'CONCENTRATION',
] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * What each code means, in one line a seller can read.
 *
 * @example
 * ```ts
 * REASON_TEXT.CROSS_AGED; // "too much of this debtor's balance is old: the whole balance is ineligible"
 * ```
 */
export const REASON_TEXT: Readonly<Record<ReasonCode, string>> = {
  PAID: 'nothing is outstanding',
  NOT_EUR: 'not in euro',
  FUTURE_DATED: 'issued after the as-of date',
  AGE: 'older than the maximum invoice age',
  PAST_DUE: 'more days past due than the factor accepts',
  CROSS_AGED: "too much of this debtor's balance is old: the whole balance is ineligible",
  DISPUTED: 'the debtor disputes it',
  CONSUMER: 'the debtor is a consumer; the factor buys business debts only',
  CREDIT_NOTE_PENDING: 'a credit note is pending against it',
  ALREADY_ASSIGNED: 'already assigned or pledged',
  ANTI_ASSIGNMENT: "the debtor's terms forbid assignment (cessieverbod) and no consent is recorded",
  NO_UBL: 'no Peppol UBL document, which the factor requires',
  BELOW_MIN: 'below the minimum amount',
  ABOVE_MAX: 'above the maximum amount',
  EXCLUDED_DEBTOR: 'the factor excludes this debtor',
  EXCLUDED_COUNTRY: "the factor excludes the debtor's country",
  CONTRA: 'the debtor is also a supplier: the open payables are deducted (set-off risk)',
  CONCENTRATION: "above the factor's concentration cap for this debtor",
};

import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { nonNegativeMoney, roundCents, type AmountInput, type Money } from '../money/money.js';
import { bookXixRules, type BookXixRules, type BookXixTier } from './bookXixRules.js';
import type { RecoveryCost } from './recoveryCost.js';

/**
 * The maximum flat damages (schadebeding / clause indemnitaire) a Belgian business may charge a
 * consumer on an outstanding balance under Book XIX: €20 up to €150; €30 + 10 % of the part
 * above €150 up to €500; €65 + 5 % of the part above €500, capped at €2,000. Only chargeable
 * after the free first reminder and its waiting period, and only when the contract provides it
 * (a non-compliant clause leaves only the principal). Rounded half-up to the cent.
 *
 * @example
 * ```ts
 * bookXixDamagesCap('1000').amount.toFixed(2); // "90.00"
 * bookXixDamagesCap('50000').amount.toFixed(2); // "2000.00"
 * ```
 */
export function bookXixDamagesCap(balance: AmountInput, rules: BookXixRules = bookXixRules): RecoveryCost {
  const b = nonNegativeMoney(balance, 'balance');
  const tier = rules.damagesTiers.find((t) => t.upTo === null || b.lessThanOrEqualTo(t.upTo));
  if (!tier) return fail('INVALID_POLICY', 'rules.damagesTiers', 'the tiers do not cover every balance');
  const raw = new Dec(tier.fixed).plus(b.minus(tier.over).times(tier.percent).dividedBy(100));
  const cap = new Dec(rules.damagesCap);
  const amount = roundCents(raw.greaterThan(cap) ? cap : raw);
  return {
    amount,
    legalBasis: 'Book XIX WER/CDE (Law 4 May 2023), maximum flat damages',
    source: rules.source,
    contractual: true,
    note: `maximum for a balance of ${b.toFixed(2)} (${describe(tier, rules.damagesCap)}); owed only under a compliant contract clause, after the free first reminder and waiting period`,
  };
}

function describe(t: BookXixTier, cap: string): string {
  return t.percent === '0' ? `flat €${t.fixed}` : `€${t.fixed} + ${t.percent} % above €${t.over}, at most €${cap}`;
}

/**
 * The maximum fee of a reminder (herinneringskost / frais de rappel) for a recurring supply
 * (subscription, utility) under Book XIX.
 *
 * @example
 * ```ts
 * const cap: ReminderFeeCap = beRecurringReminderFeeCap(4, '1.95');
 * // { free: false, maximum: 9.45, source: "reference.md §3 recurring supplies (bricksadvocaten.be; prato.be)" }
 * ```
 */
export interface ReminderFeeCap {
  readonly free: boolean;
  /** Maximum fee including the postage given. */
  readonly maximum: Money;
  readonly source: string;
}

/**
 * Book XIX, recurring supplies: the first three reminders in a calendar year are free; a later
 * one may cost at most €7.50 plus postage.
 *
 * @example
 * ```ts
 * beRecurringReminderFeeCap(3).maximum.toFixed(2); // "0.00"
 * beRecurringReminderFeeCap(4, '1.95').maximum.toFixed(2); // "9.45"
 * ```
 */
export function beRecurringReminderFeeCap(reminderNumberInYear: number, postage: AmountInput = 0, rules: BookXixRules = bookXixRules): ReminderFeeCap {
  if (!Number.isSafeInteger(reminderNumberInYear) || reminderNumberInYear < 1) {
    fail('INVALID_QUANTITY', 'reminderNumberInYear', `must be a whole number of at least 1, got ${reminderNumberInYear}`);
  }
  const post = nonNegativeMoney(postage, 'postage');
  const free = reminderNumberInYear <= rules.freeRemindersPerYear;
  return {
    free,
    maximum: free ? roundCents(new Dec(0)) : roundCents(new Dec(rules.laterReminderFeeCap).plus(post)),
    source: 'reference.md §3 recurring supplies (bricksadvocaten.be; prato.be)',
  };
}

import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { nonNegativeMoney, roundCents, type AmountInput } from '../money/money.js';
import type { RecoveryCost } from './recoveryCost.js';

/**
 * An agreed Belgian B2B penalty clause (schadebeding / clause pénale) from the general terms.
 *
 * @example
 * ```ts
 * // "10 % of the unpaid amount, at least €125"
 * const clause: PenaltyClause = { percent: '10', minimum: '125' };
 * beB2bPenaltyClause('800', clause).amount.toFixed(2); // "125.00"
 * ```
 */
export interface PenaltyClause {
  /** Percent of the unpaid principal, e.g. `'10'`. */
  readonly percent: string;
  /** Agreed minimum in euro, if any. */
  readonly minimum?: AmountInput;
  /** Agreed maximum in euro, if any. */
  readonly maximum?: AmountInput;
}

/**
 * Evaluates an agreed flat-damages clause on the unpaid principal: `percent` of it, raised to
 * the minimum and limited to the maximum, rounded half-up to the cent. It rests on the contract
 * (marked `contractual`), not on the law; the statutory alternative is the €40 fixed
 * compensation plus reasonable costs (reference.md §1.2).
 *
 * @example
 * ```ts
 * beB2bPenaltyClause('2000', { percent: '10', minimum: '125', maximum: '2500' }).amount.toFixed(2); // "200.00"
 * beB2bPenaltyClause('800', { percent: '10', minimum: '125' }).amount.toFixed(2); // "125.00"
 * ```
 */
export function beB2bPenaltyClause(principal: AmountInput, clause: PenaltyClause): RecoveryCost {
  const p = nonNegativeMoney(principal, 'principal');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(clause.percent)) fail('INVALID_PERCENTAGE', 'clause.percent', `"${clause.percent}" is not a percent like "10"`);
  const min = clause.minimum === undefined ? undefined : nonNegativeMoney(clause.minimum, 'clause.minimum');
  const max = clause.maximum === undefined ? undefined : nonNegativeMoney(clause.maximum, 'clause.maximum');
  if (min && max && min.greaterThan(max)) fail('INVALID_RANGE', 'clause.maximum', `${max.toFixed(2)} is below the minimum ${min.toFixed(2)}`);
  let amount = p.times(clause.percent).dividedBy(100);
  if (min && amount.lessThan(min)) amount = min;
  if (max && amount.greaterThan(max)) amount = new Dec(max);
  return {
    amount: roundCents(amount),
    legalBasis: 'contractual penalty clause (general terms accepted by the debtor)',
    source: 'contract',
    contractual: true,
    note: `${clause.percent} % of ${p.toFixed(2)}${min ? `, minimum ${min.toFixed(2)}` : ''}${max ? `, maximum ${max.toFixed(2)}` : ''}`,
  };
}

import type { Money } from '../money/money.js';

/**
 * An amount of recovery costs with its legal basis, ready to be put on a letter.
 * `contractual` is true when the amount rests on an agreed clause rather than the law.
 *
 * @example
 * ```ts
 * const cost: RecoveryCost = euFixedCompensation();
 * // { amount: 40, legalBasis: "Directive 2011/7/EU art. 6 (BE: Law 2 Aug 2002; NL: art. 6:96 BW); per late payment, CJEU C-370/21",
 * //   source: "reference.md §1.1", contractual: false, note: "business debtors only; …" }
 * ```
 */
export interface RecoveryCost {
  readonly amount: Money;
  readonly legalBasis: string;
  /** reference.md section (and the sources it cites). */
  readonly source: string;
  readonly contractual: boolean;
  readonly note?: string;
}

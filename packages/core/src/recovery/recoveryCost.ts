import type { Money } from '../money/money.js';

/**
 * An amount of recovery costs with its legal basis, ready to be put on a letter.
 * `contractual` is true when the amount rests on an agreed clause rather than the law.
 */
export interface RecoveryCost {
  readonly amount: Money;
  readonly legalBasis: string;
  /** reference.md section (and the sources it cites). */
  readonly source: string;
  readonly contractual: boolean;
  readonly note?: string;
}

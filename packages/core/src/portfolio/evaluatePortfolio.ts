import type { AgeingBucketDefinition } from '../ageing/buckets.js';
import type { CalendarDate } from '../calendar/date.js';
import { FactError } from '../errors/FactError.js';
import { createPortfolioEvaluator } from './evaluator.js';
import type { PortfolioItem, PortfolioLine, PortfolioOptions } from './types.js';

/**
 * One ageing bucket of a portfolio, in whole cents.
 *
 * @example
 * ```ts
 * const b: PortfolioBucket = { label: '1–30', fromDays: 1, toDays: 30, openCents: 1_210_00, count: 1 };
 * ```
 */
export interface PortfolioBucket extends AgeingBucketDefinition {
  readonly openCents: number;
  readonly count: number;
}

/**
 * The evaluation of a whole portfolio: a line per item (same order) and the totals a dashboard
 * shows. The buckets add up to `openCents` exactly (integer cents).
 *
 * @example
 * ```ts
 * result.buckets.reduce((s, b) => s + b.openCents, 0) === result.openCents; // true
 * ```
 */
export interface PortfolioEvaluation {
  readonly asOf: CalendarDate;
  readonly lines: readonly PortfolioLine[];
  readonly buckets: readonly PortfolioBucket[];
  /** Open principal of issued items. */
  readonly openCents: number;
  readonly interestCents: number;
  /** How many items have each level due today (index = level). */
  readonly dueByLevel: readonly number[];
}

function add(total: number, cents: number): number {
  const sum = total + cents;
  // Integer cents stay exact below 2^53; a portfolio beyond that is an input defect.
  if (!Number.isSafeInteger(sum)) throw new FactError('INVALID_AMOUNT', 'items: the portfolio total exceeds whole cents in a safe integer', 'items');
  return sum;
}

/**
 * Evaluates every item with {@link createPortfolioEvaluator} and totals them: open principal
 * per ageing bucket, interest, and the number of items whose next dunning level is due today.
 * An error names the item: `items[7].dueDate: …`.
 *
 * @example
 * ```ts
 * const result = evaluatePortfolio(
 *   [
 *     { dueDate: '2025-03-15', amountCents: 500_000 },
 *     { dueDate: '2025-10-15', amountCents: 12_100 },
 *   ],
 *   { asOf: '2025-09-30', rateTable: beCommercialRates, method: 'simple', policy: BE_B2B_POLICY },
 * );
 * result.interestCents; // 30089
 * result.buckets.map((b) => b.openCents); // [12100, 0, 0, 0, 500000]
 * ```
 */
export function evaluatePortfolio(items: readonly PortfolioItem[], options: PortfolioOptions): PortfolioEvaluation {
  const evaluator = createPortfolioEvaluator(options);
  const open = evaluator.buckets.map(() => 0);
  const count = evaluator.buckets.map(() => 0);
  const dueByLevel: number[] = [];
  const lines: PortfolioLine[] = new Array<PortfolioLine>(items.length);
  let openCents = 0;
  let interestCents = 0;
  for (let i = 0; i < items.length; i += 1) {
    let line: PortfolioLine;
    try {
      line = evaluator.evaluate(items[i] as PortfolioItem);
    } catch (e) {
      if (e instanceof FactError) throw new FactError(e.code, `items[${i}].${e.message}`, `items[${i}].${e.field ?? ''}`);
      throw e;
    }
    lines[i] = line;
    interestCents = add(interestCents, line.interestCents);
    if (line.bucket >= 0) {
      open[line.bucket] = add(open[line.bucket] as number, line.openCents);
      count[line.bucket] = (count[line.bucket] as number) + 1;
      openCents = add(openCents, line.openCents);
    }
    if (line.next?.kind === 'due') dueByLevel[line.next.level] = (dueByLevel[line.next.level] ?? 0) + 1;
  }
  for (let l = 0; l < dueByLevel.length; l += 1) dueByLevel[l] ??= 0;
  const buckets = evaluator.buckets.map((b, i) => ({ label: b.label, fromDays: b.fromDays, toDays: b.toDays, openCents: open[i] as number, count: count[i] as number }));
  return { asOf: evaluator.asOf, lines, buckets, openCents, interestCents, dueByLevel };
}

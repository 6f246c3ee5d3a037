import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { money, type AmountInput } from '../money/money.js';
import type { PaymentBehaviour } from './paymentBehaviour.js';

/**
 * A grade from best (A) to worst (E).
 *
 * @example
 * ```ts
 * const g: RiskGradeLetter = 'B';
 * ```
 */
export type RiskGradeLetter = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * The most a debtor may show and still earn `grade`. Anything worse than the last row is E.
 *
 * @example
 * ```ts
 * const row: RiskThreshold = { grade: 'B', maxAverageDaysBeyondTerms: 10, minOnTimeRatio: '0.75', maxOpenDaysOverdue: 30 };
 * ```
 */
export interface RiskThreshold {
  readonly grade: Exclude<RiskGradeLetter, 'E'>;
  /** Amount-weighted average days beyond terms, at most. */
  readonly maxAverageDaysBeyondTerms: number;
  /** Share of the amount paid by the due date (0 to 1), at least. */
  readonly minOnTimeRatio: AmountInput;
  /** Days overdue of the oldest invoice still open, at most. */
  readonly maxOpenDaysOverdue: number;
}

/**
 * A grading table: rules as data, versioned, with where it comes from.
 *
 * @example
 * ```ts
 * const strict: RiskPolicy = { ...DEFAULT_RISK_POLICY, version: 'acme-2025', minimumSample: 6 };
 * ```
 */
export interface RiskPolicy {
  readonly version: string;
  readonly source: string;
  /** True while the thresholds are a house default, not a figure anyone has confirmed. */
  readonly unconfirmed: boolean;
  /** Fewer settled invoices than this give grade `unknown`. */
  readonly minimumSample: number;
  /** Rows A to D, best first; each row's limits no stricter than the previous. */
  readonly grades: readonly RiskThreshold[];
}

/**
 * Fact's default grading table. There is no legal source for these figures: they are a starting
 * point for an accountant to tune per client (credit insurers and factors each use their own).
 *
 * @example
 * ```ts
 * DEFAULT_RISK_POLICY.grades.map((g) => g.grade); // ["A", "B", "C", "D"]
 * ```
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = Object.freeze({
  version: '2025-1',
  source: 'Fact house default (no legal source); tune per firm or client',
  unconfirmed: true,
  minimumSample: 3,
  grades: Object.freeze([
    { grade: 'A', maxAverageDaysBeyondTerms: 2, minOnTimeRatio: '0.90', maxOpenDaysOverdue: 7 },
    { grade: 'B', maxAverageDaysBeyondTerms: 10, minOnTimeRatio: '0.75', maxOpenDaysOverdue: 30 },
    { grade: 'C', maxAverageDaysBeyondTerms: 30, minOnTimeRatio: '0.50', maxOpenDaysOverdue: 60 },
    { grade: 'D', maxAverageDaysBeyondTerms: 60, minOnTimeRatio: '0.25', maxOpenDaysOverdue: 90 },
  ] as const),
});

/**
 * One factor behind a grade, with the figure it rests on and a sentence for the accountant.
 *
 * @example
 * ```ts
 * const r: RiskReason = { factor: 'on-time-ratio', grade: 'C', value: '0.6', text: '60% of the amount paid by the due date (B needs 75%)' };
 * ```
 */
export interface RiskReason {
  readonly factor: 'sample-size' | 'days-beyond-terms' | 'on-time-ratio' | 'open-overdue';
  readonly grade: RiskGradeLetter | 'unknown';
  readonly value: string;
  readonly text: string;
}

/**
 * A grade with its reasons. `unknown` when the history is shorter than `policy.minimumSample`;
 * the open-overdue reason is still given, since it needs no history.
 *
 * @example
 * ```ts
 * const a: RiskAssessment = { grade: 'B', policyVersion: '2025-1', reasons: [] };
 * ```
 */
export interface RiskAssessment {
  readonly grade: RiskGradeLetter | 'unknown';
  readonly policyVersion: string;
  readonly reasons: readonly RiskReason[];
}

const ORDER: readonly RiskGradeLetter[] = ['A', 'B', 'C', 'D', 'E'];

function checkPolicy(policy: RiskPolicy): void {
  if (!Number.isSafeInteger(policy.minimumSample) || policy.minimumSample < 1) {
    fail('INVALID_POLICY', 'policy.minimumSample', 'must be a whole number ≥ 1');
  }
  if (policy.grades.length !== 4) fail('INVALID_POLICY', 'policy.grades', 'needs rows A, B, C and D');
  policy.grades.forEach((row, i) => {
    const field = `policy.grades[${i}]`;
    if (row.grade !== ORDER[i]) fail('INVALID_POLICY', `${field}.grade`, `must be ${ORDER[i]}`);
    for (const key of ['maxAverageDaysBeyondTerms', 'maxOpenDaysOverdue'] as const) {
      if (!Number.isFinite(row[key]) || row[key] < 0) fail('INVALID_POLICY', `${field}.${key}`, 'must be a number of days ≥ 0');
      const prev = policy.grades[i - 1];
      if (prev && row[key] < prev[key]) fail('INVALID_POLICY', `${field}.${key}`, `is stricter than grade ${prev.grade}`);
    }
    const ratio = money(row.minOnTimeRatio, `${field}.minOnTimeRatio`);
    if (ratio.isNegative() || ratio.greaterThan(1)) fail('INVALID_POLICY', `${field}.minOnTimeRatio`, 'must lie between 0 and 1');
    const prev = policy.grades[i - 1];
    if (prev && ratio.greaterThan(money(prev.minOnTimeRatio))) fail('INVALID_POLICY', `${field}.minOnTimeRatio`, `is stricter than grade ${prev.grade}`);
  });
}

function gradeBy(policy: RiskPolicy, meets: (row: RiskThreshold) => boolean): RiskGradeLetter {
  return policy.grades.find(meets)?.grade ?? 'E';
}

function limitOfBetter(policy: RiskPolicy, grade: RiskGradeLetter): RiskThreshold | undefined {
  return policy.grades[ORDER.indexOf(grade) - 1];
}

/**
 * Grades a debtor before granting terms or credit ("check your customers first"): each factor
 * is graded against the policy table and the debtor gets the worst of them, so one bad habit is
 * not averaged away. Factors: amount-weighted average days beyond terms, share of the amount paid
 * by the due date, and the days overdue of the oldest invoice still open (`maxOpenDaysOverdue`,
 * 0 when nothing is overdue; see `paymentStatus`).
 *
 * Throws `INVALID_POLICY` (`policy.…`) for a table out of order, and `INVALID_ARGUMENT`
 * (`open.maxDaysOverdue`) unless it is a whole number ≥ 0.
 *
 * @example
 * ```ts
 * const r = riskGrade(paymentBehaviour(history), { maxDaysOverdue: 12 });
 * r.grade; // e.g. "B"
 * r.reasons.map((x) => x.text); // ["4.5 days beyond terms on average (amount-weighted): B (A allows 2)", …]
 * ```
 */
export function riskGrade(
  behaviour: PaymentBehaviour,
  open: { readonly maxDaysOverdue?: number } = {},
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): RiskAssessment {
  checkPolicy(policy);
  const overdue = open.maxDaysOverdue ?? 0;
  if (!Number.isSafeInteger(overdue) || overdue < 0) fail('INVALID_ARGUMENT', 'open.maxDaysOverdue', `must be a whole number of days ≥ 0, got ${overdue}`);

  const reasons: RiskReason[] = [];
  const openGrade = gradeBy(policy, (row) => overdue <= row.maxOpenDaysOverdue);
  const openBetter = limitOfBetter(policy, openGrade);
  reasons.push({
    factor: 'open-overdue',
    grade: openGrade,
    value: String(overdue),
    text: `oldest open invoice ${overdue} days overdue: ${openGrade}${openBetter ? ` (${openBetter.grade} allows ${openBetter.maxOpenDaysOverdue})` : ''}`,
  });

  const sample = behaviour.sampleSize;
  if (behaviour.kind === 'no-history' || sample < policy.minimumSample) {
    reasons.unshift({
      factor: 'sample-size',
      grade: 'unknown',
      value: String(sample),
      text: `${sample} settled invoice(s); at least ${policy.minimumSample} are needed for a grade`,
    });
    return { grade: 'unknown', policyVersion: policy.version, reasons };
  }

  const late = behaviour.averageDaysBeyondTerms.amountWeighted;
  const lateGrade = gradeBy(policy, (row) => late.lessThanOrEqualTo(row.maxAverageDaysBeyondTerms));
  const lateBetter = limitOfBetter(policy, lateGrade);
  reasons.unshift({
    factor: 'days-beyond-terms',
    grade: lateGrade,
    value: late.toString(),
    text: `${late.toFixed(1)} days beyond terms on average (amount-weighted): ${lateGrade}${lateBetter ? ` (${lateBetter.grade} allows ${lateBetter.maxAverageDaysBeyondTerms})` : ''}`,
  });

  const onTime = behaviour.onTimeRatio.byAmount;
  const onTimeGrade = gradeBy(policy, (row) => onTime.greaterThanOrEqualTo(money(row.minOnTimeRatio)));
  const onTimeBetter = limitOfBetter(policy, onTimeGrade);
  const pct = (d: AmountInput): string => `${new Dec(d).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toString()}%`;
  reasons.splice(1, 0, {
    factor: 'on-time-ratio',
    grade: onTimeGrade,
    value: onTime.toString(),
    text: `${pct(onTime)} of the amount paid by the due date: ${onTimeGrade}${onTimeBetter ? ` (${onTimeBetter.grade} needs ${pct(onTimeBetter.minOnTimeRatio)})` : ''}`,
  });

  const worst = [lateGrade, onTimeGrade, openGrade].reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a));
  return { grade: worst, policyVersion: policy.version, reasons };
}

import { DEFAULT_AGEING_BUCKETS, validateAgeingBuckets, type AgeingBucketDefinition } from '../ageing/buckets.js';
import { parseDate, toEpochDay, type CalendarDate } from '../calendar/date.js';
import { createDayCodec } from './day-codec.js';
import { fail } from '../errors/fail.js';
import type { LateInterestResult } from '../interest/types.js';
import { accrue, accrueWithoutPayments, type EffectivePayment } from './accrue.js';
import { wholeCents } from './cents.js';
import { explainInterest } from './explain.js';
import { compilePolicy, nextStep, readReminders, type CompiledPolicy } from './next-step.js';
import { compileRates, interestSchedule, type CompiledRates, type InterestSchedule } from './rate-schedule.js';
import type { PortfolioItem, PortfolioLine, PortfolioNextStep, PortfolioOptions } from './types.js';

/**
 * Evaluates items one by one against shared options; see {@link createPortfolioEvaluator}.
 *
 * @example
 * ```ts
 * const line = evaluator.evaluate({ dueDate: '2025-03-15', amountCents: 500_000 });
 * const statement = evaluator.interest({ dueDate: '2025-03-15', amountCents: 500_000 });
 * ```
 */
export interface PortfolioEvaluator {
  readonly asOf: CalendarDate;
  readonly buckets: readonly AgeingBucketDefinition[];
  /** Status, ageing bucket, interest in cents and next dunning step of one item. */
  evaluate(item: PortfolioItem): PortfolioLine;
  /** The full interest statement of one item, the same as `lateInterest` gives. */
  interest(item: PortfolioItem): LateInterestResult;
}

/** What all items with one due date share. */
interface DueDateFacts {
  readonly dueDay: number;
  /** asOf − dueDate. */
  readonly days: number;
  readonly bucket: number;
  schedule: InterestSchedule | undefined;
  /** The next step of an item with no reminders yet. */
  fresh: PortfolioNextStep | undefined;
}

const PAID: PortfolioNextStep = Object.freeze({ kind: 'paid' });

function bucketOf(buckets: readonly AgeingBucketDefinition[], days: number): number {
  return buckets.findIndex((b) => (b.fromDays === null || days >= b.fromDays) && (b.toDays === null || days <= b.toDays));
}

/**
 * Prepares the exact bulk evaluation of open invoices as of one date (a dashboard, the dunning
 * runner, an ageing export): what invoices share is worked out once — the interest segments per
 * due date (rate periods from the table, anniversaries under compounding) with their
 * `rate × days` multipliers, the ageing bucket per due date, the policy's levels and the next
 * step of an item without reminders — so each item costs a cache look-up and a few exact
 * integer operations on cents (rounded half-up per segment, BigInt past 2^53).
 *
 * The figures are those of the generic functions: interest equals `lateInterest` (same total
 * and segments; day count `actual/365`, per-segment rounding), status and bucket equal
 * `paymentStatus` and `ageing`, the next step equals what `planDunning` decides for the item on
 * its own (see {@link PortfolioNextStep}). Property tests hold them to it.
 *
 * Throws `INVALID_DATE` (`asOf`), `INVALID_ARGUMENT` (`method`), `INVALID_AGEING_BUCKETS`,
 * `INVALID_POLICY` and `INVALID_PERCENTAGE` (`rateTable.entries[i].rate`) up front; per item,
 * `INVALID_DATE` (`dueDate`, `issueDate`, `payments[j].date`), `INVALID_RANGE` (`dueDate` before
 * `issueDate`), `INVALID_AMOUNT` (`amountCents`,
 * `payments[j].amountCents`, `payments` when more is paid than claimed) and `RATE_TABLE_GAP`
 * (`dueDate`, `asOf`) for an item bearing interest outside the table.
 *
 * @example
 * ```ts
 * const evaluator = createPortfolioEvaluator({
 *   asOf: '2025-09-30', rateTable: beCommercialRates, method: 'simple', policy: BE_B2B_POLICY,
 * });
 * const line = evaluator.evaluate({ dueDate: '2025-03-15', amountCents: 500_000 });
 * line.interestCents; // 30089 (€300.89, reference.md §1.2)
 * line.bucket; // 4 ("> 90")
 * line.next; // { kind: 'due', level: 2, levelKey: 'reminder', dueOn: '2025-03-22', lapsed: [1] }
 * ```
 */
export function createPortfolioEvaluator(options: PortfolioOptions): PortfolioEvaluator {
  const asOf = parseDate(options.asOf, 'asOf');
  const asOfDay = toEpochDay(asOf);
  const method = options.method;
  if (method !== 'simple' && method !== 'compound-annual') fail('INVALID_ARGUMENT', 'method', `unknown method "${String(method)}"`);
  const compound = method === 'compound-annual';
  const buckets = validateAgeingBuckets(options.buckets ?? DEFAULT_AGEING_BUCKETS);
  const rates: CompiledRates = compileRates(options.rateTable);
  const policy: CompiledPolicy | undefined = options.policy === undefined ? undefined : compilePolicy(options.policy);
  const byDueDate = new Map<string, DueDateFacts>();
  const days = createDayCodec();

  function factsOf(dueDate: CalendarDate): DueDateFacts {
    let f = byDueDate.get(dueDate);
    if (f === undefined) {
      const dueDay = days.dayOf(dueDate, 'dueDate');
      const d = asOfDay - dueDay;
      f = { dueDay, days: d, bucket: bucketOf(buckets, d), schedule: undefined, fresh: undefined };
      byDueDate.set(dueDate, f);
    }
    return f;
  }
  function scheduleOf(f: DueDateFacts): InterestSchedule {
    if (f.schedule === undefined) f.schedule = interestSchedule(rates, f.dueDay, asOfDay, method);
    return f.schedule;
  }
  function isIssued(issueDate: CalendarDate | undefined, f: DueDateFacts): boolean {
    if (issueDate === undefined) return true;
    const issueDay = days.dayOf(issueDate, 'issueDate');
    if (f.dueDay < issueDay) fail('INVALID_RANGE', 'dueDate', `is before the issue date ${issueDate}`);
    return issueDay <= asOfDay;
  }
  function paymentsOf(item: PortfolioItem): EffectivePayment[] {
    const out: EffectivePayment[] = [];
    (item.payments ?? []).forEach((p, j) => {
      const day = days.dayOf(p.date, 'date', j, 'payments');
      const cents = wholeCents(p.amountCents, `payments[${j}].amountCents`);
      if (day <= asOfDay) out.push({ effective: day + 1, cents, field: `payments[${j}].amountCents` });
    });
    return out;
  }

  function evaluate(item: PortfolioItem): PortfolioLine {
    const f = factsOf(item.dueDate);
    const amount = wholeCents(item.amountCents, 'amountCents');
    const payments = item.payments === undefined || item.payments.length === 0 ? undefined : paymentsOf(item);
    let open = amount;
    if (payments !== undefined) for (const p of payments) open -= p.cents;
    if (open < 0) fail('INVALID_AMOUNT', 'payments', `pay ${((amount - open) / 100).toFixed(2)}, more than the ${(amount / 100).toFixed(2)} claimed`);
    const schedule = scheduleOf(f);
    const interestCents =
      payments === undefined ? accrueWithoutPayments(rates, schedule, amount, compound) : accrue(rates, schedule, amount, payments, compound);

    let next: PortfolioNextStep | undefined;
    if (policy !== undefined) {
      if (open === 0) next = PAID;
      else if (item.reminders === undefined || item.reminders.length === 0) next = f.fresh ??= nextStep(policy, f.dueDay, [], asOfDay, days);
      else next = nextStep(policy, f.dueDay, readReminders(item.reminders, asOfDay, days), asOfDay, days);
    }
    const d = f.days;
    const status = !isIssued(item.issueDate, f) ? 'not-issued' : open === 0 ? 'paid' : d < 0 ? 'not-due' : d === 0 ? 'due-today' : 'overdue';
    const counts = status !== 'not-issued' && status !== 'paid';
    return {
      status,
      dueInDays: d < 0 ? -d : 0,
      daysOverdue: d > 0 ? d : 0,
      partlyPaid: open < amount,
      openCents: open,
      bucket: counts ? f.bucket : -1,
      interestCents,
      next,
    };
  }

  function interest(item: PortfolioItem): LateInterestResult {
    const f = factsOf(item.dueDate);
    const amount = wholeCents(item.amountCents, 'amountCents');
    return explainInterest(rates, scheduleOf(f), amount, paymentsOf(item), method);
  }

  return { asOf, buckets, evaluate, interest };
}

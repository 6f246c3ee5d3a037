import type { Decimal } from 'decimal.js';
import { addDays, addYears, daysBetween, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { allocate } from '../money/allocate.js';
import { Dec } from '../money/decimal.js';
import { nonNegativeMoney, roundCents, ZERO, type Money } from '../money/money.js';
import { contractualRateTable, rateChanges, rateOn, type RateOnDate, type RateTable } from '../rates/rateTable.js';
import type {
  Capitalisation,
  InterestSegment,
  LateInterestInput,
  LateInterestResult,
  SegmentReason,
} from './types.js';

const REASON_ORDER: readonly SegmentReason[] = ['start', 'anniversary', 'payment', 'rate-change', 'year-start'];

function chooseTable(input: LateInterestInput): RateTable {
  const hasTable = input.rateTable !== undefined;
  const hasRate = input.contractualRate !== undefined;
  if (hasTable === hasRate) fail('INVALID_ARGUMENT', 'rateTable', 'give exactly one of rateTable and contractualRate');
  if (hasRate) {
    const rate = String(input.contractualRate);
    if (!/^\d{1,3}(\.\d{1,6})?$/.test(rate)) fail('INVALID_PERCENTAGE', 'contractualRate', `"${rate}" is not a percent like "12.5"`);
    return contractualRateTable(rate);
  }
  return input.rateTable as RateTable;
}

interface PaymentEffect {
  /** First day of the lower base. */
  readonly effective: CalendarDate;
  readonly amount: Money;
  readonly field: string;
}

function readPayments(input: LateInterestInput, until: CalendarDate): PaymentEffect[] {
  return (input.payments ?? []).map((p, i) => {
    const date = parseDate(p.date, `payments[${i}].date`);
    if (date > until) fail('INVALID_RANGE', `payments[${i}].date`, `${date} is after until (${until})`);
    return { effective: addDays(date, 1), amount: nonNegativeMoney(p.amount, `payments[${i}].amount`), field: `payments[${i}].amount` };
  });
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Statutory or contractual late-payment interest (intérêts de retard, handelsrente, wettelijke
 * rente) over `[dueDate + 1, until]`, split into segments at every rate change, every
 * anniversary of the start (compound only) and the day after every payment. Each segment is
 * `base × rate × days / 365`, rounded half-up to the cent (see {@link InterestRounding}).
 *
 * Broken input: `until` before `dueDate` → `INVALID_RANGE` (until); negative principal or
 * payment → `INVALID_AMOUNT`; a payment larger than the base → `INVALID_AMOUNT`; a date the
 * rate table does not cover → `RATE_TABLE_GAP` naming the date and the table. Paying on the
 * due date itself is not an error: the result has no segments and a zero total.
 *
 * @example
 * ```ts
 * // reference.md §1.2 worked example
 * const r = lateInterest({
 *   principal: '5000', dueDate: '2025-03-15', until: '2025-09-30',
 *   rateTable: beCommercialRates, method: 'simple',
 * });
 * r.total.toFixed(2); // "300.89"
 * r.segments.map((s) => [s.from, s.to, s.days, s.ratePercent, s.amount.toFixed(2)]);
 * // [["2025-03-16","2025-06-30",107,"11.50","168.56"], ["2025-07-01","2025-09-30",92,"10.50","132.33"]]
 * ```
 */
export function lateInterest(input: LateInterestInput): LateInterestResult {
  const principal = nonNegativeMoney(input.principal, 'principal');
  const dueDate = parseDate(input.dueDate, 'dueDate');
  const until = parseDate(input.until, 'until');
  if (until < dueDate) fail('INVALID_RANGE', 'until', `${until} is before the due date ${dueDate}`);
  if (input.method !== 'simple' && input.method !== 'compound-annual') {
    fail('INVALID_ARGUMENT', 'method', `unknown method "${String(input.method)}"`);
  }
  const dayCount = input.dayCount ?? 'actual/365';
  if (dayCount !== 'actual/365' && dayCount !== 'actual/actual') fail('INVALID_ARGUMENT', 'dayCount', `unknown day count "${String(dayCount)}"`);
  const rounding = input.rounding ?? 'per-segment';
  if (rounding !== 'per-segment' && rounding !== 'total') fail('INVALID_ARGUMENT', 'rounding', `unknown rounding "${String(rounding)}"`);
  if (rounding === 'total' && input.method !== 'simple') {
    fail('INVALID_ARGUMENT', 'rounding', 'total rounding is for simple interest; compounding capitalises rounded yearly interest');
  }
  const table = chooseTable(input);
  const start = addDays(dueDate, 1);
  const payments = readPayments(input, until);

  const result = (segments: InterestSegment[], capitalised: Capitalisation[], total: Money): LateInterestResult => ({
    start,
    until,
    segments,
    total,
    capitalised,
    tableId: table.id,
    method: input.method,
    dayCount,
    rounding,
    unconfirmed: dayCount === 'actual/actual' || segments.some((s) => s.unconfirmed),
  });

  // Payments received before interest starts lower the opening base.
  let base: Decimal = principal;
  for (const p of payments.filter((x) => x.effective <= start)) {
    if (p.amount.greaterThan(base)) fail('INVALID_AMOUNT', p.field, `${p.amount.toFixed(2)} exceeds the outstanding base ${base.toFixed(2)}`);
    base = base.minus(p.amount);
  }
  if (until < start) return result([], [], ZERO);

  // Coverage is checked on the two ends first so the error names the input field.
  rateOn(table, start, 'dueDate');
  rateOn(table, until, 'until');
  const rates = rateChanges(table, start, until);

  const boundaries = new Map<CalendarDate, Set<SegmentReason>>();
  const mark = (date: CalendarDate, reason: SegmentReason) => {
    if (date <= start || date > until) return;
    const set = boundaries.get(date) ?? new Set<SegmentReason>();
    set.add(reason);
    boundaries.set(date, set);
  };
  for (const r of rates.slice(1)) mark(r.date, 'rate-change');
  for (const p of payments) if (!p.amount.isZero()) mark(p.effective, 'payment');
  if (input.method === 'compound-annual') {
    for (let n = 1; addYears(start, n) <= until; n += 1) mark(addYears(start, n), 'anniversary');
  }
  if (dayCount === 'actual/actual') {
    for (let y = Number(start.slice(0, 4)) + 1; `${y}-01-01` <= until; y += 1) mark(`${y}-01-01`, 'year-start');
  }
  const starts = [start, ...[...boundaries.keys()].sort()];

  const exact: Decimal[] = [];
  const rows: Omit<InterestSegment, 'amount'>[] = [];
  const capitalised: Capitalisation[] = [];
  const rounded: Money[] = [];
  let yearInterest: Decimal = ZERO;
  let rate: RateOnDate = rates[0] as RateOnDate;

  starts.forEach((from, i) => {
    const to = i + 1 < starts.length ? addDays(starts[i + 1] as string, -1) : until;
    const reasons = from === start ? new Set<SegmentReason>(['start']) : (boundaries.get(from) as Set<SegmentReason>);
    if (reasons.has('anniversary')) {
      const amount = yearInterest;
      base = base.plus(amount);
      capitalised.push({ on: from, amount, newBase: base });
      yearInterest = ZERO;
    }
    // A payment effective on the first day already lowered the opening base above.
    for (const p of payments.filter((x) => x.effective === from && from !== start)) {
      if (p.amount.greaterThan(base)) fail('INVALID_AMOUNT', p.field, `${p.amount.toFixed(2)} exceeds the outstanding base ${base.toFixed(2)}`);
      base = base.minus(p.amount);
    }
    rate = rates.filter((r) => r.date <= from).pop() ?? rate;
    const days = daysBetween(from, to) + 1;
    const yearDays: 365 | 366 = dayCount === 'actual/actual' && isLeap(Number(from.slice(0, 4))) ? 366 : 365;
    const raw = base.times(rate.rate).times(days).dividedBy(new Dec(100).times(yearDays));
    const amount = roundCents(raw);
    yearInterest = yearInterest.plus(amount);
    if (base.isZero()) return; // nothing accrues on a paid-off base; keep the statement short
    const list = REASON_ORDER.filter((r) => reasons.has(r));
    exact.push(raw);
    rounded.push(amount);
    rows.push({
      from,
      to,
      days,
      base,
      ratePercent: rate.rate,
      reason: list[0] as SegmentReason,
      reasons: list,
      yearDays,
      rateSource: rate.entry.source,
      unconfirmed: rate.entry.unconfirmed === true,
    });
  });

  let amounts = rounded;
  let total = rounded.reduce<Decimal>((s, a) => s.plus(a), ZERO);
  if (rounding === 'total') {
    total = roundCents(exact.reduce<Decimal>((s, a) => s.plus(a), ZERO));
    amounts = total.isZero() ? exact.map(() => ZERO) : allocate(total, exact);
  }
  const segments = rows.map((row, i) => ({ ...row, amount: amounts[i] as Money }));
  return result(segments, capitalised, total);
}

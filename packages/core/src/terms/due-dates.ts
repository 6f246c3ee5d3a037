import { addDays, endOfMonth, maxDate, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { allocate } from '../money/allocate.js';
import { Dec } from '../money/decimal.js';
import { money, toCents, type AmountInput, type Money } from '../money/money.js';
import { STATUTORY_DEFAULT_TERM } from './legal-caps.js';
import type { DueDateContext, DueDateEvent, DueInstalment, PaymentTerms, SinglePaymentTerms } from './types.js';

const MAX_TERM_DAYS = 3650;

interface Facts {
  issueDate: CalendarDate;
  received?: CalendarDate;
  delivery?: CalendarDate;
  acceptance?: CalendarDate;
}

function checkContext(ctx: DueDateContext): Facts {
  if (ctx === null || typeof ctx !== 'object') return fail('INVALID_ARGUMENT', 'context', 'expected { issueDate, … }');
  const issueDate = parseDate(ctx.issueDate, 'issueDate');
  const facts: Facts = { issueDate };
  if (ctx.receivedDate !== undefined) {
    facts.received = parseDate(ctx.receivedDate, 'receivedDate');
    if (facts.received < issueDate) fail('INVALID_RANGE', 'receivedDate', `${facts.received} is before the issue date ${issueDate}`);
  }
  if (ctx.deliveryDate !== undefined) facts.delivery = parseDate(ctx.deliveryDate, 'deliveryDate');
  if (ctx.acceptanceDate !== undefined) facts.acceptance = parseDate(ctx.acceptanceDate, 'acceptanceDate');
  return facts;
}

function days(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TERM_DAYS) {
    return fail('INVALID_PAYMENT_TERMS', field, `must be a whole number of days from 0 to ${MAX_TERM_DAYS}, got ${String(value)}`);
  }
  return value;
}

function single(terms: SinglePaymentTerms, facts: Facts, field: string): { dueDate: CalendarDate; countedFrom: DueInstalment['countedFrom'] } {
  switch (terms.type) {
    case 'net': {
      const n = days(terms.days, `${field}.days`);
      return { dueDate: addDays(facts.issueDate, n), countedFrom: { date: facts.issueDate, event: 'issue', days: n } };
    }
    case 'end-of-month': {
      const n = days(terms.days, `${field}.days`);
      const eom = endOfMonth(facts.issueDate);
      return { dueDate: addDays(eom, n), countedFrom: { date: eom, event: 'end-of-month', days: n } };
    }
    case 'fixed-date': {
      const date = parseDate(terms.date, `${field}.date`);
      if (date < facts.issueDate) fail('INVALID_PAYMENT_TERMS', `${field}.date`, `${date} is before the issue date ${facts.issueDate}`);
      return { dueDate: date, countedFrom: { date, event: 'fixed-date', days: 0 } };
    }
    case 'statutory-default': {
      // Latest of receipt of the invoice, of the goods/services and of acceptance (reference.md §1.2).
      // Without a known receipt date the issue date stands in (e.g. a Peppol invoice arrives the same day).
      let from: { date: CalendarDate; event: DueDateEvent } = { date: facts.received ?? facts.issueDate, event: facts.received ? 'receipt' : 'issue' };
      if (facts.delivery !== undefined && facts.delivery > from.date) from = { date: facts.delivery, event: 'delivery' };
      if (facts.acceptance !== undefined && facts.acceptance > from.date) from = { date: facts.acceptance, event: 'acceptance' };
      const n = STATUTORY_DEFAULT_TERM.BE.days; // BE and NL agree: 30 days.
      return { dueDate: addDays(from.date, n), countedFrom: { ...from, days: n } };
    }
    default:
      return fail('INVALID_PAYMENT_TERMS', `${field}.type`, `${JSON.stringify((terms as { type: unknown }).type)} is not a payment term type`);
  }
}

interface Portion {
  percent: Money;
  dueDate: CalendarDate;
  countedFrom: DueInstalment['countedFrom'];
}

function portions(terms: PaymentTerms, facts: Facts): Portion[] {
  if (terms === null || typeof terms !== 'object') return fail('INVALID_PAYMENT_TERMS', 'terms', 'expected a payment terms object');
  if (terms.type !== 'instalments') return [{ percent: new Dec(100), ...single(terms, facts, 'terms') }];
  if (!Array.isArray(terms.instalments) || terms.instalments.length === 0) {
    fail('INVALID_PAYMENT_TERMS', 'terms.instalments', 'needs at least one instalment');
  }
  const result = terms.instalments.map((inst, i) => {
    const field = `terms.instalments[${i}]`;
    let percent: Money;
    try {
      percent = money(inst.percent, `${field}.percent`);
    } catch {
      return fail('INVALID_PERCENTAGE', `${field}.percent`, `${JSON.stringify(String(inst.percent))} is not a number`);
    }
    if (!percent.greaterThan(0) || percent.greaterThan(100)) fail('INVALID_PERCENTAGE', `${field}.percent`, `must be above 0 and at most 100, got ${percent.toString()}`);
    const t = inst.terms as PaymentTerms;
    if (t?.type === 'instalments' || t?.type === 'statutory-default') {
      fail('INVALID_PAYMENT_TERMS', `${field}.terms.type`, `an instalment needs its own net, end-of-month or fixed-date term, not ${t.type}`);
    }
    return { percent, ...single(inst.terms, facts, `${field}.terms`) };
  });
  const total = result.reduce((s, p) => s.plus(p.percent), new Dec(0));
  if (!total.equals(100)) fail('INVALID_PERCENTAGE', 'terms.instalments', `portions sum to ${total.toString()} %, not 100 %`);
  return result;
}

/**
 * The due date(s) and amounts of an invoice under its payment terms. Each portion of an
 * instalment schedule gets its own due date; amounts are split from the payable with
 * `allocate()`, so they sum to it exactly (the odd cent goes to the earliest largest share).
 *
 * Counting: `net` from the issue date; `end-of-month` from the last day of the issue month;
 * `statutory-default` 30 days from the latest of receipt, delivery and acceptance (the issue
 * date when receipt is unknown). `countedFrom` says which, for a reminder letter.
 *
 * Throws `INVALID_PAYMENT_TERMS`, `INVALID_PERCENTAGE` (portions not summing to 100 %),
 * `INVALID_DATE`, `INVALID_RANGE` or `INVALID_AMOUNT`, naming the field.
 *
 * @example
 * ```ts
 * dueDates(
 *   { type: 'instalments', instalments: [
 *     { percent: 30, terms: { type: 'net', days: 0 } },
 *     { percent: 70, terms: { type: 'end-of-month', days: 30 } },
 *   ] },
 *   { issueDate: '2025-01-15', payable: '1000.01' },
 * ).map((i) => [i.dueDate, i.amount.toFixed(2)]);
 * // [["2025-01-15", "300.00"], ["2025-03-02", "700.01"]]
 * ```
 */
export function dueDates(terms: PaymentTerms, context: DueDateContext & { readonly payable: AmountInput }): DueInstalment[] {
  const facts = checkContext(context);
  const payable = money(context.payable, 'payable');
  if (payable.isNegative()) fail('INVALID_AMOUNT', 'payable', `must not be negative, got ${payable.toString()}`);
  toCents(payable, 'payable');
  const parts = portions(terms, facts);
  const amounts = allocate(payable, parts.map((p) => p.percent), 'payable');
  return parts.map((p, i) => ({ sequence: i + 1, percent: p.percent, dueDate: p.dueDate, amount: amounts[i] ?? new Dec(0), countedFrom: p.countedFrom }));
}

/**
 * The last due date under the terms: the date after which the whole invoice is overdue.
 *
 * @example
 * ```ts
 * finalDueDate({ type: 'statutory-default' }, { issueDate: '2025-03-01', receivedDate: '2025-03-03' }); // "2025-04-02"
 * ```
 */
export function finalDueDate(terms: PaymentTerms, context: DueDateContext): CalendarDate {
  const facts = checkContext(context);
  return portions(terms, facts).reduce((latest, p) => maxDate(latest, p.dueDate), facts.issueDate);
}

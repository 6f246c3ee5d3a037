import { addYears, parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { nonNegativeMoney, roundCents, ZERO } from '../money/money.js';
import type {
  LossEvent,
  VatReliefAmounts,
  VatReliefBasis,
  VatReliefEligibility,
  VatReliefInput,
  VatReliefPending,
  VatReliefRefusal,
} from './types.js';
import { vatReturnPeriod } from './vatReturnPeriod.js';

const NL_SOURCE = 'reference.md §4.1 (art. 29 Wet OB 1968, since 1 Jan 2017)';
const BE_SOURCE = 'reference.md §4.2 (art. 77 §1, 7° WBTW)';
const BE_PROBABLE_SOURCE = 'reference.md §4.2, 2023 probable-loss reform [U]';
const LOSS_KINDS = new Set<LossEvent['kind']>(['bankruptcy-judgment', 'judicial-reorganisation-homologation', 'loss-established']);

interface Candidate {
  readonly date: CalendarDate;
  readonly basis: VatReliefBasis;
  readonly pending: VatReliefPending[];
  readonly unconfirmed: boolean;
  readonly source: string;
  readonly event?: LossEvent;
  readonly note?: string;
}

function readEvents(input: VatReliefInput, asOf: CalendarDate): LossEvent[] {
  return (input.lossEvents ?? []).map((e, i) => {
    if (!LOSS_KINDS.has(e.kind)) fail('INVALID_ARGUMENT', `lossEvents[${i}].kind`, `unknown loss event "${String(e.kind)}"`);
    const date = parseDate(e.date, `lossEvents[${i}].date`);
    if (date > asOf) fail('INVALID_RANGE', `lossEvents[${i}].date`, `${date} is after asOf (${asOf})`);
    return { kind: e.kind, date };
  });
}

function earliestEvent(events: readonly LossEvent[], source: string): Candidate[] {
  const first = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  return first ? [{ date: first.date, basis: 'loss-event', pending: [], unconfirmed: false, source, event: first }] : [];
}

function nlCandidates(input: VatReliefInput, dueDate: CalendarDate, events: readonly LossEvent[]): Candidate[] {
  // Debts due in 2016 or earlier were treated as if their year started on 1-1-2017.
  const timeBased: Candidate =
    dueDate < '2017-01-01'
      ? { date: '2018-01-01', basis: 'nl-transitional-2018', pending: ['time'], unconfirmed: false, source: `${NL_SOURCE}, transitional rule` }
      : { date: addYears(dueDate, 1), basis: 'nl-one-year-after-due', pending: ['time'], unconfirmed: false, source: NL_SOURCE };
  const period = vatReturnPeriod(timeBased.date, input.filing, 'filing');
  // Whether the year ends on the anniversary or the day after is [U]; it only matters when
  // the anniversary is the last day of a return period.
  const edge =
    timeBased.basis === 'nl-one-year-after-due' && period.to === timeBased.date
      ? { unconfirmed: true, note: 'anniversary is the last day of a return period; if the right arises the day after, it moves to the next return [U]' }
      : {};
  return [{ ...timeBased, ...edge }, ...earliestEvent(events, NL_SOURCE)];
}

function beCandidates(input: VatReliefInput, dueDate: CalendarDate, asOf: CalendarDate, events: readonly LossEvent[]): Candidate[] {
  const out = earliestEvent(events, BE_SOURCE);
  const probable = input.beProbableLoss;
  if (probable?.enabled) {
    // Unpaid at 31 December of the year after the year of the due date; relief from the next day.
    const from = `${Number(dueDate.slice(0, 4)) + 2}-01-01`;
    const notified = probable.customerNotifiedOn === undefined ? undefined : parseDate(probable.customerNotifiedOn, 'beProbableLoss.customerNotifiedOn');
    if (notified !== undefined && notified > asOf) fail('INVALID_RANGE', 'beProbableLoss.customerNotifiedOn', `${notified} is after asOf (${asOf})`);
    const date = notified !== undefined && notified > from ? notified : from;
    out.push({
      date,
      basis: 'be-probable-loss',
      pending: notified === undefined ? ['time', 'notify-customer'] : ['time'],
      unconfirmed: true,
      source: BE_PROBABLE_SOURCE,
      note: 'the customer, if VAT-registered, must reverse its input-VAT deduction (art. 79 WBTW) [U]',
    });
  }
  return out;
}

/**
 * VAT bad-debt relief (teruggaaf btw bij oninbaarheid / restitution TVA pour créance
 * irrécouvrable) for the unpaid part of an invoice: when the right arises, in which return to
 * claim it, and how much VAT it gives back (invoiceVat × unpaid / invoiceTotal, half-up).
 *
 * - NL (art. 29 Wet OB): when it is clear the invoice will not be paid (a loss event), and at
 *   the latest one year after the due date (debts due before 2017: 1 January 2018). Claim it in
 *   the return for the period in which the right arose.
 * - BE (art. 77 §1, 7° WBTW): only a certain and definitive loss (bankruptcy judgment date,
 *   reorganisation homologation, loss booked with proof recovery is impossible). The 2023
 *   probable-loss regime is [U] and off unless `beProbableLoss.enabled`.
 *
 * Outcomes are returned (`eligible`, `not-yet` with the pending conditions, `not-eligible`
 * with reasons); broken input throws (`INVALID_AMOUNT` for VAT above the total or payments
 * above the total, `INVALID_RANGE` for events after `asOf`).
 *
 * @example
 * ```ts
 * // reference.md §4.1: due 09-02-2025, unpaid → claim in February 2026 (monthly filer)
 * const r = vatReliefEligibility({
 *   country: 'NL', invoiceTotal: '1210', invoiceVat: '210', dueDate: '2025-02-09',
 *   asOf: '2026-03-01', filing: 'monthly',
 * });
 * // r.status === 'eligible', r.eligibleFrom === '2026-02-09', r.returnPeriod.label === '2026-02',
 * // r.reclaimableVat.toFixed(2) === '210.00'
 * ```
 */
export function vatReliefEligibility(input: VatReliefInput): VatReliefEligibility {
  const total = nonNegativeMoney(input.invoiceTotal, 'invoiceTotal');
  const vat = nonNegativeMoney(input.invoiceVat, 'invoiceVat');
  if (vat.greaterThan(total)) fail('INVALID_AMOUNT', 'invoiceVat', `${vat.toFixed(2)} exceeds the invoice total ${total.toFixed(2)}`);
  const paid = nonNegativeMoney(input.paid ?? 0, 'paid');
  if (paid.greaterThan(total)) fail('INVALID_AMOUNT', 'paid', `${paid.toFixed(2)} exceeds the invoice total ${total.toFixed(2)}`);
  const dueDate = parseDate(input.dueDate, 'dueDate');
  const asOf = parseDate(input.asOf, 'asOf');
  vatReturnPeriod(asOf, input.filing, 'filing');
  if (input.country !== 'BE' && input.country !== 'NL') fail('INVALID_ARGUMENT', 'country', `unknown country "${String(input.country)}"; expected BE or NL`);
  const events = readEvents(input, asOf);
  const source = input.country === 'NL' ? NL_SOURCE : BE_SOURCE;

  const unpaid = total.minus(paid);
  const refusals: VatReliefRefusal[] = [];
  if (unpaid.isZero()) refusals.push('fully-paid');
  if (input.country === 'NL' && input.convertedToLoan) refusals.push('converted-to-loan');
  if (input.receivableAssigned) refusals.push('receivable-assigned-needs-review');
  const candidates = input.country === 'NL' ? nlCandidates(input, dueDate, events) : beCandidates(input, dueDate, asOf, events);
  if (candidates.length === 0) refusals.push('no-certain-loss');
  if (refusals.length > 0) return { status: 'not-eligible', reasons: refusals, source };

  const amounts: VatReliefAmounts = { unpaid, reclaimableVat: total.isZero() ? ZERO : roundCents(vat.times(unpaid).dividedBy(total)) };
  const ready = candidates
    .map((c) => ({ ...c, pending: c.pending.filter((p) => !(p === 'time' && c.date <= asOf)) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const eligible = ready.find((c) => c.pending.length === 0);
  if (eligible) {
    return {
      status: 'eligible',
      ...amounts,
      eligibleFrom: eligible.date,
      basis: eligible.basis,
      ...(eligible.event ? { lossEvent: eligible.event } : {}),
      returnPeriod: vatReturnPeriod(eligible.date, input.filing, 'filing'),
      unconfirmed: eligible.unconfirmed,
      ...(eligible.note ? { note: eligible.note } : {}),
      source: eligible.source,
    };
  }
  const next = ready[0] as Candidate;
  return {
    status: 'not-yet',
    ...amounts,
    earliestFrom: next.date,
    basis: next.basis,
    pending: next.pending,
    returnPeriod: vatReturnPeriod(next.date, input.filing, 'filing'),
    unconfirmed: next.unconfirmed,
    ...(next.note ? { note: next.note } : {}),
    source: next.source,
  };
}

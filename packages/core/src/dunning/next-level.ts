import { addDays, maxDate, type CalendarDate } from '../calendar/date.js';
import { bookXixWaitingPeriod, dutchFourteenDayTerm, LEGAL_GATES, type GracePeriod } from './legal-gates.js';
import type { NormalSend } from './plan-input.js';
import type { GateOutcome } from './plan-types.js';
import { isPreDueLevel } from './policy-law.js';
import type { DunningLevel, DunningPolicy, LegalGateKind } from './policy-types.js';

/** The outcome for one item: the level is due today, or it waits (with the reason). @internal */
export type NextLevel =
  | { kind: 'due'; level: DunningLevel; dueOn: CalendarDate; lapsed: number[]; previous?: NormalSend; gates: GateOutcome[] }
  | { kind: 'wait'; reason: 'not-yet-due' | 'waiting-period' | 'final-level-reached'; until?: CalendarDate; level?: number };

/** The gate letters a waiting gate relies on. */
const RELIES_ON: Partial<Record<LegalGateKind, LegalGateKind>> = {
  'book-xix-waiting-period': 'book-xix-free-first-reminder',
  'nl-14-day-letter-expired': 'nl-14-day-letter',
};

function gateLetterPeriod(gate: LegalGateKind, send: NormalSend): (GracePeriod & { deliveredOn?: CalendarDate; deliveryEstimated?: boolean }) | undefined {
  return gate === 'book-xix-free-first-reminder' || gate === 'book-xix-waiting-period'
    ? bookXixWaitingPeriod(send.sentOn, send.channel)
    : dutchFourteenDayTerm(send.sentOn, send.channel, send.deliveredOn);
}

/**
 * How one gate stands for an item. A waiting gate looks for the earliest send on a durable
 * medium at the level that carries the gated letter: that send started the period.
 */
function evaluateGate(gate: LegalGateKind, policy: DunningPolicy, level: DunningLevel, sends: readonly NormalSend[], asOf: CalendarDate): GateOutcome {
  const legalBasis = LEGAL_GATES[gate].legalBasis;
  const letterGate = RELIES_ON[gate];
  if (letterGate === undefined) {
    // The action is the gated letter itself: state the deadline it gives if sent today.
    const period = gateLetterPeriod(gate, { level: level.level, sentOn: asOf, channel: level.channel, manual: false });
    return { gate, status: 'this-send', legalBasis, ...(period && { claimableFrom: period.claimableFrom, payWithoutCostsUntil: period.endsOn }) };
  }
  const letterLevel = policy.levels.find((l) => l.gates.includes(letterGate));
  for (const send of sends) {
    if (letterLevel === undefined || send.level !== letterLevel.level) continue;
    const period = gateLetterPeriod(gate, send);
    if (period === undefined) continue;
    const basedOn: NonNullable<GateOutcome['basedOn']> = { level: send.level, sentOn: send.sentOn, channel: send.channel };
    if (period.deliveredOn !== undefined) {
      basedOn.deliveredOn = period.deliveredOn;
      basedOn.deliveryEstimated = period.deliveryEstimated === true;
    }
    return { gate, status: 'open', legalBasis, basedOn, claimableFrom: period.claimableFrom, payWithoutCostsUntil: period.endsOn };
  }
  return {
    gate,
    status: 'blocked',
    legalBasis,
    blockedBecause: `no ${LEGAL_GATES[letterGate].title} on a durable medium was sent for this item`,
  };
}

/**
 * Decides the next level for one item: the level after the highest one sent (manual sends
 * count), never a repeat and never a jump, except that a pre-due level not sent before the due
 * date lapses. A level is due on its offset, never on the day of another reminder for the item,
 * never before the invoice is overdue (unless it is the pre-due level), and never before the
 * waiting period of a gate has ended. @internal
 */
export function nextLevel(
  policy: DunningPolicy,
  dueDate: CalendarDate,
  sends: readonly NormalSend[],
  asOf: CalendarDate,
): NextLevel {
  const highest = sends.reduce((max, s) => Math.max(max, s.level), 0);
  let index = highest; // levels[index] is level highest + 1
  const lapsed: number[] = [];
  const candidate = policy.levels[index];
  if (candidate !== undefined && isPreDueLevel(candidate) && asOf > dueDate) {
    lapsed.push(candidate.level);
    index += 1;
  }
  const level = policy.levels[index];
  if (level === undefined) return { kind: 'wait', reason: 'final-level-reached' };

  const previous = [...sends].reverse().find((s) => s.level === highest);
  const last = sends[sends.length - 1];
  let dueOn =
    level.offset.from === 'due-date' || previous === undefined
      ? addDays(dueDate, level.offset.days)
      : addDays(previous.sentOn, level.offset.days);
  if (last !== undefined) dueOn = maxDate(dueOn, addDays(last.sentOn, 1));
  if (!isPreDueLevel(level)) dueOn = maxDate(dueOn, addDays(dueDate, 1));

  const gates = level.gates.map((g) => evaluateGate(g, policy, level, sends, asOf));
  let gatedUntil: CalendarDate | undefined;
  for (const g of gates) {
    if (g.status === 'open' && g.claimableFrom !== undefined && g.claimableFrom > dueOn) gatedUntil = maxDate(gatedUntil ?? g.claimableFrom, g.claimableFrom);
  }
  if (gatedUntil !== undefined) dueOn = gatedUntil;

  if (dueOn > asOf) {
    return { kind: 'wait', reason: gatedUntil !== undefined ? 'waiting-period' : 'not-yet-due', until: dueOn, level: level.level };
  }
  return { kind: 'due', level, dueOn, lapsed, ...(previous && { previous }), gates };
}

import { toEpochDay } from '../calendar/date.js';
import { bookXixWaitingPeriod, dutchFourteenDayTerm } from '../dunning/legal-gates.js';
import { parsePolicy } from '../dunning/parse-policy.js';
import { isPreDueLevel } from '../dunning/policy-law.js';
import type { DunningChannel, DunningLevel, DunningPolicy, LegalGateKind } from '../dunning/policy-types.js';
import { fail } from '../errors/fail.js';
import type { DayCodec } from './day-codec.js';
import type { PortfolioNextStep, PortfolioReminder } from './types.js';

const CHANNELS: readonly DunningChannel[] = ['email', 'letter', 'registered-letter', 'phone-task'];

/** A reminder read into epoch days. @internal */
export interface Send {
  readonly level: number;
  readonly sentOn: string;
  readonly day: number;
  readonly channel: DunningChannel;
  readonly manual: boolean;
  readonly deliveredOn: string | undefined;
}

/** The waiting gates and the level whose letter starts their period. */
interface WaitingGate {
  readonly gate: LegalGateKind;
  readonly letterLevel: number | undefined;
}

/** A dunning policy read once for the fast path. @internal */
export interface CompiledPolicy {
  readonly levels: readonly DunningLevel[];
  readonly preDue: readonly boolean[];
  readonly waiting: readonly (readonly WaitingGate[])[];
  /** Waiting periods by gate, send day, channel and delivery: they skip holidays, so they are worth keeping. */
  readonly periods: Map<string, number | undefined>;
}

const RELIES_ON: Partial<Record<LegalGateKind, LegalGateKind>> = {
  'book-xix-waiting-period': 'book-xix-free-first-reminder',
  'nl-14-day-letter-expired': 'nl-14-day-letter',
};

/**
 * Validates the policy (`parsePolicy`, throws `INVALID_POLICY`) and reads it. @internal
 *
 * @example
 * ```ts
 * compilePolicy(BE_B2C_POLICY).waiting[2]; // [{ gate: 'book-xix-waiting-period', letterLevel: 2 }]
 * ```
 */
export function compilePolicy(input: DunningPolicy): CompiledPolicy {
  const policy = parsePolicy(input);
  const levels = policy.levels;
  return {
    levels,
    preDue: levels.map((l) => isPreDueLevel(l)),
    waiting: levels.map((l) =>
      l.gates.flatMap((gate) => {
        const letter = RELIES_ON[gate];
        if (letter === undefined) return [];
        return [{ gate, letterLevel: levels.find((x) => x.gates.includes(letter))?.level }];
      }),
    ),
    periods: new Map(),
  };
}

function compareSends(a: Send, b: Send): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    a.day - b.day ||
    a.level - b.level ||
    text(a.channel, b.channel) ||
    Number(a.manual) - Number(b.manual) ||
    text(a.deliveredOn ?? '', b.deliveredOn ?? '')
  );
}

/**
 * Validates an item's reminders and keeps those sent on or before the as-of date, in the
 * planner's order (date, level, channel). Throws `INVALID_ARGUMENT` / `INVALID_DATE` /
 * `INVALID_RANGE` naming `reminders[i].field`. @internal
 *
 * @example
 * ```ts
 * readReminders([{ level: 2, sentOn: '2025-04-07', channel: 'email' }], asOfDay, createDayCodec());
 * ```
 */
export function readReminders(reminders: readonly PortfolioReminder[], asOfDay: number, days: DayCodec): Send[] {
  const sends: Send[] = [];
  let sorted = true;
  for (let i = 0; i < reminders.length; i += 1) {
    const r = reminders[i] as PortfolioReminder;
    if (!Number.isSafeInteger(r.level) || r.level < 1) fail('INVALID_ARGUMENT', `reminders[${i}].level`, `must be a level of 1 or more, got ${String(r.level)}`);
    const day = days.dayOf(r.sentOn, 'sentOn', i, 'reminders');
    if (!CHANNELS.includes(r.channel)) fail('INVALID_ARGUMENT', `reminders[${i}].channel`, `must be one of ${CHANNELS.join(', ')}`);
    const deliveredOn = r.deliveredOn;
    if (deliveredOn !== undefined && days.dayOf(deliveredOn, 'deliveredOn', i, 'reminders') < day) fail('INVALID_RANGE', `reminders[${i}].deliveredOn`, 'is before the day it was sent');
    if (day > asOfDay) continue;
    const send: Send = { level: r.level, sentOn: r.sentOn, day, channel: r.channel, manual: r.manual === true, deliveredOn };
    const prev = sends[sends.length - 1];
    if (prev !== undefined && compareSends(prev, send) > 0) sorted = false;
    sends.push(send);
  }
  return sorted ? sends : sends.sort(compareSends);
}

/** The first day claims are allowed after a gate letter, or undefined when it starts no period. */
function claimableFrom(p: CompiledPolicy, gate: LegalGateKind, send: Send): number | undefined {
  const key = `${gate}|${send.sentOn}|${send.channel}|${send.deliveredOn ?? ''}`;
  if (p.periods.has(key)) return p.periods.get(key);
  const period =
    gate === 'book-xix-waiting-period' ? bookXixWaitingPeriod(send.sentOn, send.channel) : dutchFourteenDayTerm(send.sentOn, send.channel, send.deliveredOn);
  const day = period === undefined ? undefined : toEpochDay(period.claimableFrom);
  p.periods.set(key, day);
  return day;
}

/**
 * The next level for one item, by the rules of the planner: the level after the highest one
 * sent (a pre-due level lapses once the item is overdue), due on its offset, never on the day
 * of another reminder, never before the item is overdue (unless pre-due), never before an open
 * waiting gate ends. @internal
 *
 * @example
 * ```ts
 * nextStep(compilePolicy(BE_B2B_POLICY), dueDay, [], dueDay + 10, days);
 * // { kind: 'due', level: 2, levelKey: 'reminder', dueOn: <due + 7>, lapsed: [1] }
 * ```
 */
export function nextStep(p: CompiledPolicy, dueDay: number, sends: readonly Send[], asOfDay: number, days: DayCodec): PortfolioNextStep {
  let highest = 0;
  for (const s of sends) if (s.level > highest) highest = s.level;
  let index = highest;
  const lapsed: number[] = [];
  const candidate = p.levels[index];
  if (candidate !== undefined && p.preDue[index] === true && asOfDay > dueDay) {
    lapsed.push(candidate.level);
    index += 1;
  }
  const level = p.levels[index];
  if (level === undefined) return { kind: 'wait', reason: 'final-level-reached' };

  let previous: Send | undefined;
  for (let i = sends.length - 1; i >= 0; i -= 1) {
    if ((sends[i] as Send).level === highest) {
      previous = sends[i];
      break;
    }
  }
  const last = sends[sends.length - 1];
  let dueOn = level.offset.from === 'due-date' || previous === undefined ? dueDay + level.offset.days : previous.day + level.offset.days;
  if (last !== undefined) dueOn = Math.max(dueOn, last.day + 1);
  if (p.preDue[index] !== true) dueOn = Math.max(dueOn, dueDay + 1);

  let gatedUntil: number | undefined;
  for (const w of p.waiting[index] ?? []) {
    for (const send of sends) {
      if (w.letterLevel === undefined || send.level !== w.letterLevel) continue;
      const from = claimableFrom(p, w.gate, send);
      if (from === undefined) continue;
      if (from > dueOn) gatedUntil = Math.max(gatedUntil ?? from, from);
      break;
    }
  }
  if (gatedUntil !== undefined) dueOn = gatedUntil;
  if (dueOn > asOfDay) {
    return { kind: 'wait', reason: gatedUntil !== undefined ? 'waiting-period' : 'not-yet-due', until: days.dateOf(dueOn), level: level.level };
  }
  return { kind: 'due', level: level.level, levelKey: level.key, dueOn: days.dateOf(dueOn), lapsed };
}

import { fail } from '../errors/fail.js';
import type { DunningLevel, DunningPolicy, LevelClaims } from './policy-types.js';

const invalid = (field: string, message: string): never => fail('INVALID_POLICY', field, message);

/**
 * A friendly reminder on or before the due date (offset from the due date of zero or fewer
 * days). It claims nothing and lapses once the invoice is overdue.
 *
 * @example
 * ```ts
 * isPreDueLevel({ ...level, offset: { from: 'due-date', days: -3 } }); // true
 * ```
 */
export function isPreDueLevel(level: Pick<DunningLevel, 'offset'>): boolean {
  return level.offset.from === 'due-date' && level.offset.days <= 0;
}

/** The claim keys a level actually charges (not merely announces). */
function charged(claims: LevelClaims): string[] {
  const keys: string[] = [];
  for (const key of ['interest', 'fixedCompensation', 'bik', 'damages'] as const) if (claims[key] === 'claim') keys.push(key);
  if (claims.reminderFee !== undefined) keys.push('reminderFee');
  return keys;
}

function validateOffsets(levels: readonly DunningLevel[]): void {
  let minDaysAfterDue = 0;
  levels.forEach((l, i) => {
    const f = `levels[${i}].offset`;
    if (i === 0 && l.offset.from !== 'due-date') invalid(`${f}.from`, 'the first level has no previous level; count it from the due date');
    if (i > 0 && isPreDueLevel(l)) invalid(`${f}.days`, 'only the first level may be a reminder on or before the due date');
    if (l.offset.from === 'previous-level' && l.offset.days < 1) invalid(`${f}.days`, `must be at least 1 day after the previous level, got ${l.offset.days}`);
    if (i === 1 && isPreDueLevel(levels[0] as DunningLevel) && l.offset.from !== 'due-date') {
      invalid(`${f}.from`, 'the level after a pre-due reminder must count from the due date (the pre-due reminder may lapse)');
    }
    if (i > 0 && l.offset.from === 'due-date' && l.offset.days <= minDaysAfterDue) {
      invalid(`${f}.days`, `goes backwards: ${l.offset.days} days after the due date is not later than level ${i} (at least ${minDaysAfterDue})`);
    }
    minDaysAfterDue = l.offset.from === 'due-date' ? l.offset.days : minDaysAfterDue + l.offset.days;
  });
}

function validateBookXix(levels: readonly DunningLevel[]): void {
  const first = levels.findIndex((l) => !isPreDueLevel(l));
  if (first < 0) return;
  const free = levels[first] as DunningLevel;
  if (!free.gates.includes('book-xix-free-first-reminder')) {
    invalid(`levels[${first}].gates`, 'the first reminder after the due date must be the free first reminder of Book XIX (gate book-xix-free-first-reminder)');
  }
  if (free.channel === 'phone-task') invalid(`levels[${first}].channel`, 'the Book XIX free first reminder must be on a durable medium (e-mail or letter)');
  for (const key of charged(free.claims)) invalid(`levels[${first}].claims.${key}`, 'the Book XIX first reminder is free: it may only announce costs, not claim them');
  levels.forEach((l, i) => {
    if (i !== first && l.gates.includes('book-xix-free-first-reminder')) invalid(`levels[${i}].gates`, 'only the first reminder after the due date is the Book XIX free reminder');
    if (i <= first) return;
    const claims = charged(l.claims);
    if (claims.length > 0 && !l.gates.includes('book-xix-waiting-period')) {
      invalid(`levels[${i}].gates`, `claims ${claims.join(', ')} need the gate book-xix-waiting-period (no damages, interest or fees before the 14-day waiting period ends)`);
    }
    if (l.claims.damages === 'claim' && free.claims.damages === undefined) {
      invalid(`levels[${first}].claims.damages`, `level ${i + 1} claims damages, so the free first reminder must announce them (Book XIX minimum content)`);
    }
  });
}

function validateDutchConsumer(levels: readonly DunningLevel[]): void {
  const letters = levels.flatMap((l, i) => (l.gates.includes('nl-14-day-letter') ? [i] : []));
  if (letters.length > 1) invalid(`levels[${letters[1]}].gates`, 'only one level can be the 14-day letter');
  const letter = letters[0];
  if (letter !== undefined) {
    const l = levels[letter] as DunningLevel;
    if (isPreDueLevel(l)) invalid(`levels[${letter}].offset`, 'the 14-day letter is sent after default, not before the due date');
    if (l.channel === 'phone-task') invalid(`levels[${letter}].channel`, 'the 14-day letter must be a letter or e-mail');
    if (l.claims.bik !== 'announce') invalid(`levels[${letter}].claims.bik`, 'the 14-day letter must announce the exact BIK amount (art. 6:96 lid 6 BW)');
    for (const key of charged(l.claims)) invalid(`levels[${letter}].claims.${key}`, 'the 14-day letter is free: it may only announce costs');
  }
  levels.forEach((l, i) => {
    const expiredGate = l.gates.indexOf('nl-14-day-letter-expired');
    if (expiredGate >= 0 && (letter === undefined || letter >= i)) invalid(`levels[${i}].gates[${expiredGate}]`, 'needs an earlier level that is the 14-day letter');
    if (l.claims.bik === 'claim') {
      if (letter === undefined || letter >= i) invalid(`levels[${i}].claims.bik`, 'BIK can only be claimed from a consumer after the 14-day letter (art. 6:96 lid 6 BW)');
      if (expiredGate < 0) invalid(`levels[${i}].gates`, 'a level claiming BIK needs the gate nl-14-day-letter-expired');
    }
    if (l.claims.interest === 'claim') {
      const noticed = levels.some((prev, j) => (j < i && prev.gates.includes('nl-14-day-letter')) || (j <= i && prev.final === 'formal-notice'));
      if (!noticed) invalid(`levels[${i}].claims.interest`, 'statutory interest runs from default (verzuim): claim it only after the 14-day letter or a formal notice (art. 6:119 BW)');
    }
  });
}

/**
 * The rules of order a valid policy obeys, beyond the shape of each field: offsets, pre-due
 * reminders, final levels and the gates of consumer law. Called by `parsePolicy`; throws
 * `INVALID_POLICY` naming the field.
 *
 * @example
 * ```ts
 * validateLegalOrder(policy); // returns nothing, or throws FactError INVALID_POLICY
 * ```
 */
export function validateLegalOrder(policy: DunningPolicy): void {
  const { levels } = policy;
  validateOffsets(levels);
  levels.forEach((l, i) => {
    if (isPreDueLevel(l)) {
      for (const key of Object.keys(l.claims)) invalid(`levels[${i}].claims.${key}`, 'a reminder on or before the due date can claim or announce nothing: nothing is late yet');
      if (l.gates.length > 0) invalid(`levels[${i}].gates`, 'a reminder on or before the due date carries no legal gate');
    }
    if (l.final === 'collection-agency' && i !== levels.length - 1) invalid(`levels[${i}].final`, 'the handover to a collection agency must be the last level');
  });
  if (policy.jurisdiction === 'BE' && policy.debtorKind === 'consumer') validateBookXix(levels);
  if (policy.jurisdiction === 'NL' && policy.debtorKind === 'consumer') validateDutchConsumer(levels);
}

import { isPreDueLevel, type DunningPolicy } from '@fact/core';
import { fail } from '../errors.js';
import type { LetterLevel, StatutoryLetter } from './types.js';

/** Which letter a level of a dunning policy sends. */
export interface LetterKind {
  readonly level: LetterLevel;
  readonly statutoryLetter?: StatutoryLetter;
}

/**
 * Maps a level of a dunning policy (as `planDunning` of `@fact/core` reports it in an action's
 * `level`) to the letter to render: a level before the due date is the friendly `pre-due`
 * reminder; `final: 'formal-notice'` is the formal notice; `final: 'collection-agency'` the final
 * notice before collection; the other levels are the first and then second reminder, in order.
 * A level carrying the `book-xix-free-first-reminder` or `nl-14-day-letter` gate is that
 * statutory letter. Throws `INVALID_ARGUMENT` (field `level`) for a level the policy lacks.
 *
 * @example
 * ```ts
 * letterLevelFor(NL_B2C_POLICY, 3); // { level: "second-reminder", statutoryLetter: "nl-14-day-letter" }
 * letterLevelFor(BE_B2C_POLICY, 2); // { level: "first-reminder", statutoryLetter: "book-xix-free-first-reminder" }
 * ```
 */
export function letterLevelFor(policy: DunningPolicy, levelNumber: number): LetterKind {
  const step = policy.levels.find((l) => l.level === levelNumber);
  if (!step) return fail('INVALID_ARGUMENT', 'level', `policy ${policy.id} has no level ${levelNumber}`);
  const statutory: StatutoryLetter | undefined = step.gates.includes('book-xix-free-first-reminder')
    ? 'book-xix-free-first-reminder'
    : step.gates.includes('nl-14-day-letter')
      ? 'nl-14-day-letter'
      : undefined;
  const withStatutory = (level: LetterLevel): LetterKind => (statutory ? { level, statutoryLetter: statutory } : { level });
  if (isPreDueLevel(step)) return withStatutory('pre-due');
  if (step.final === 'collection-agency') return withStatutory('final-notice');
  if (step.final === 'formal-notice') return withStatutory('formal-notice');
  const reminderIndex = policy.levels.filter((l) => l.level < step.level && !isPreDueLevel(l) && !l.final).length;
  return withStatutory(reminderIndex === 0 ? 'first-reminder' : 'second-reminder');
}

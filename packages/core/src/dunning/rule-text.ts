import type { DunningLevel } from './policy-types.js';

/**
 * The rule of a level in plain English, as it appears in `action.rule.text`
 * ("Level 3 (second-reminder) by letter: 14 days after level 2").
 *
 * @example
 * ```ts
 * ruleText(BE_B2B_POLICY.levels[0]!); // "Level 1 (friendly-pre-due) by email: 3 days before the due date"
 * ```
 */
export function ruleText(level: DunningLevel): string {
  const { from, days } = level.offset;
  const when =
    from === 'previous-level'
      ? `${days} ${days === 1 ? 'day' : 'days'} after level ${level.level - 1}`
      : days === 0
        ? 'on the due date'
        : `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'} ${days < 0 ? 'before' : 'after'} the due date`;
  return `Level ${level.level} (${level.key}) by ${level.channel}: ${when}`;
}

import type { LetterFacts } from './types.js';

/**
 * Joins the announced costs as "label amount" pairs with the language's list words.
 *
 * @example
 * ```ts
 * announcedList(facts, (k) => k, 'en'); // "damages €45.00 and interest €3.20"
 * ```
 */
export function announcedList(f: LetterFacts, label: (kind: LetterFacts['announced'][number]['kind']) => string, and: string): string {
  const parts = f.announced.map((a) => `${label(a.kind)} ${a.amount}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;
}

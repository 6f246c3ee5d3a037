import type { MessageKey } from './messages.js';

/**
 * Something refused, as the user reads it: a catalogue key with its values (serialisable, so a
 * form action can send it back with the form). `field` is the form field it concerns;
 * `fieldKey`, when the catalogue has a label for it, names the field in the user's language.
 */
export interface ApiProblem {
  field: string;
  key: MessageKey;
  params: Record<string, string>;
  fieldKey?: MessageKey;
}

interface Speaker {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  date: (date: string) => string;
}

/** Whether a value sent back by a form action is a problem (rather than a key or a text). */
export function isProblem(value: unknown): value is ApiProblem {
  return !!value && typeof value === 'object' && 'key' in value && 'params' in value && 'field' in value;
}

/**
 * The sentence of a problem in the user's language: the field named by its label, dates in the
 * user's locale.
 *
 * @example
 * ```ts
 * problemText(useI18n(), problem); // "Motif : 200 caractères au maximum."
 * ```
 */
export function problemText(l: Speaker, p: ApiProblem): string {
  const params: Record<string, string> = { ...p.params, field: p.fieldKey ? l.t(p.fieldKey) : (p.params.field ?? '') };
  if (params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date)) params.date = l.date(params.date);
  return l.t(p.key, params);
}

import type { Language } from './locales.js';
import { en } from './catalogs/en/index.js';
import { fr } from './catalogs/fr/index.js';
import { nl } from './catalogs/nl/index.js';

// Interface texts, one catalogue per language in ./catalogs. Dutch is the reference: the types
// make every other catalogue carry every one of its keys.
export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

const catalogs: Record<Language, Messages> = { nl, fr, en };

/** Translates a key, filling `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogs[language][key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);

/** Whether a string is a key of the catalogue (errors carry keys or, from the API, plain text). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogs.nl, value);
}

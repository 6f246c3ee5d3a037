import type { DocumentLanguage } from '../locale.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { LetterTexts } from './types.js';

/**
 * The reminder letter wording in one language.
 *
 * @example
 * ```ts
 * letterTexts('fr').registered; // "Recommandé"
 * ```
 */
export function letterTexts(language: DocumentLanguage): LetterTexts {
  return language === 'fr' ? fr : language === 'en' ? en : nl;
}

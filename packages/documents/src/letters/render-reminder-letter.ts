import { renderPdf } from '../layout/render-pdf.js';
import { renderText } from '../layout/render-text.js';
import { reminderLetterModel } from './letter-model.js';
import type { ReminderLetterInput } from './types.js';

/**
 * Renders a reminder letter (herinnering, aanmaning, ingebrekestelling / mise en demeure,
 * final notice) as an A4 PDF in the debtor's language, with the contents the law requires and
 * the interest statement. The same input gives the same bytes.
 *
 * @example
 * ```ts
 * const pdf = await renderReminderLetterPdf({ level: 'formal-notice', jurisdiction: 'BE', debtorKind: 'business', letterDate: '2025-05-02', company, debtor: { ...customer, language: 'fr' }, items, claims, interest, payBy: '2025-05-16' });
 * ```
 */
export function renderReminderLetterPdf(input: ReminderLetterInput): Promise<Uint8Array> {
  return renderPdf(reminderLetterModel(input));
}

/**
 * The same letter as plain text: the body of the e-mail that carries the PDF.
 *
 * @example
 * ```ts
 * const body = renderReminderLetterText(input);
 * ```
 */
export function renderReminderLetterText(input: ReminderLetterInput): string {
  return renderText(reminderLetterModel(input));
}

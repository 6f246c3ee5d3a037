import { fail } from '../errors.js';

/**
 * A company's own wording of a reminder: the subject (printed as the letter's title) and the body
 * (paragraphs separated by a blank line) that replace the built-in salutation, introduction and
 * closing. Placeholders in braces are filled from the letter's facts. The legal mentions, the
 * invoices, the amounts, the payment block and the interest and costs statement are always
 * generated: a template can add words, never change what is claimed or what the law requires.
 */
export interface LetterTemplateText {
  readonly subject: string;
  readonly body: string;
}

/**
 * The placeholders a template may use, with what they are filled with. There is deliberately no
 * pay-by date: the payment term is stated by the generated payment block, in the words the law
 * requires (the Dutch 14-day letter may not print a date at all).
 */
export const LETTER_PLACEHOLDERS = {
  debtorName: 'the debtor’s name',
  companyName: 'the creditor’s (your company’s) name',
  invoiceNumbers: 'the numbers of the invoices in the letter, comma separated',
  amountDue: 'the total to pay with this letter (open balance plus the costs claimed now)',
  openAmount: 'the open balance of the invoices',
  dueDate: 'the earliest due date of the invoices (long form)',
  letterDate: 'the date of the letter (long form)',
} as const;

/** A placeholder name. */
export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;

/** Limits of a template, so a letter stays a letter. */
export const LETTER_TEMPLATE_LIMITS = { subject: 200, body: 5000, paragraphs: 20 } as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function checkPlaceholders(text: string, field: 'subject' | 'body'): void {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!Object.prototype.hasOwnProperty.call(LETTER_PLACEHOLDERS, name)) {
      fail('INVALID_ARGUMENT', field, `{${name}} is not a placeholder; use ${Object.keys(LETTER_PLACEHOLDERS).map((k) => `{${k}}`).join(', ')}`);
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{') || rest.includes('}')) fail('INVALID_ARGUMENT', field, 'has a brace that does not close a placeholder such as {debtorName}');
}

/**
 * Checks a template and splits its body into paragraphs. Throws `INVALID_ARGUMENT` naming the
 * field (`subject` or `body`): empty, too long, a subject on several lines, too many paragraphs,
 * an unknown placeholder or a stray brace.
 *
 * @example
 * ```ts
 * checkLetterTemplate({ subject: 'Herinnering {invoiceNumbers}', body: 'Beste {debtorName},\n\nWij stellen vast…' });
 * // { subject: 'Herinnering {invoiceNumbers}', paragraphs: ['Beste {debtorName},', 'Wij stellen vast…'] }
 * ```
 */
export function checkLetterTemplate(template: LetterTemplateText): { subject: string; paragraphs: string[] } {
  const subject = typeof template.subject === 'string' ? template.subject.trim() : '';
  const body = typeof template.body === 'string' ? template.body.replace(/\r\n?/g, '\n').trim() : '';
  if (!subject) fail('INVALID_ARGUMENT', 'subject', 'is required');
  if (subject.length > LETTER_TEMPLATE_LIMITS.subject) fail('INVALID_ARGUMENT', 'subject', `has ${subject.length} characters; at most ${LETTER_TEMPLATE_LIMITS.subject}`);
  if (subject.includes('\n')) fail('INVALID_ARGUMENT', 'subject', 'must be one line');
  if (!body) fail('INVALID_ARGUMENT', 'body', 'is required');
  if (body.length > LETTER_TEMPLATE_LIMITS.body) fail('INVALID_ARGUMENT', 'body', `has ${body.length} characters; at most ${LETTER_TEMPLATE_LIMITS.body}`);
  checkPlaceholders(subject, 'subject');
  checkPlaceholders(body, 'body');
  const paragraphs = body.split(/\n[ \t]*\n\s*/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length > LETTER_TEMPLATE_LIMITS.paragraphs) fail('INVALID_ARGUMENT', 'body', `has ${paragraphs.length} paragraphs; at most ${LETTER_TEMPLATE_LIMITS.paragraphs}`);
  return { subject, paragraphs };
}

/**
 * Fills a checked template with the letter's (already formatted) facts.
 *
 * @example
 * ```ts
 * fillLetterTemplate({ subject: 'Herinnering {invoiceNumbers}', paragraphs: ['Beste {debtorName},'] }, { debtorName: 'Kroon NV', invoiceNumbers: '2025-001', … });
 * // { subject: 'Herinnering 2025-001', paragraphs: ['Beste Kroon NV,'] }
 * ```
 */
export function fillLetterTemplate(checked: { subject: string; paragraphs: readonly string[] }, values: Record<LetterPlaceholder, string>): { subject: string; paragraphs: string[] } {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name as LetterPlaceholder]);
  return { subject: fill(checked.subject), paragraphs: checked.paragraphs.map(fill) };
}

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP "CSV Injection": `=`, `+`, `-`, `@`, tab, carriage return), and their full-width forms,
 * which some spreadsheet versions fold to ASCII.
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

const QUOTE = "'";

/**
 * Makes a text cell inert for a spreadsheet: a text that starts with a formula trigger, or with
 * a single quote, gets one single quote in front. Quoting the quote too is what makes the rule
 * reversible: {@link restoreNeutralised} removes exactly one leading quote when there is one.
 * The result never starts with a trigger. Used for every text cell of a CSV export (amounts are
 * numbers, not text, so `-12.50` stays a number).
 *
 * @example
 * ```ts
 * neutraliseFormula('=HYPERLINK("http://x","click")'); // `'=HYPERLINK("http://x","click")`
 * neutraliseFormula("'t Hoekske"); // "''t Hoekske"
 * neutraliseFormula('Peeters BV'); // "Peeters BV"
 * ```
 */
export function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  return first === QUOTE || FORMULA_TRIGGERS.includes(first) ? QUOTE + text : text;
}

/**
 * Undoes {@link neutraliseFormula}: for a cell written by this package, one leading single
 * quote is removed. `restoreNeutralised(neutraliseFormula(s)) === s` for every string.
 *
 * @example
 * ```ts
 * restoreNeutralised("'=1+1"); // "=1+1"
 * restoreNeutralised("''t Hoekske"); // "'t Hoekske"
 * ```
 */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith(QUOTE) ? cell.slice(1) : cell;
}

/**
 * Whether a spreadsheet would read this cell text as a formula.
 *
 * @example
 * ```ts
 * startsFormula('+32 9 123 45 67'); // true: a phone number is text to Fact, a formula to Excel
 * ```
 */
export function startsFormula(text: string): boolean {
  return FORMULA_TRIGGERS.includes(text.charAt(0));
}

/** Field separators a CSV import accepts. `;` is what Excel writes in Belgian and Dutch locales. */
export type CsvDelimiter = ';' | ',' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];

/**
 * Guesses the field separator from the header line: the candidate (`;`, `,`, tab) that occurs
 * most often outside quotes; `,` when none occurs (a one-column file). Ties go to `;`, because a
 * header such as `Naam;Bedrag, incl.` is far more common in BE/NL exports than the reverse.
 *
 * Written here rather than using csv-parse's `delimiter_auto`, which scores every character
 * (letters too) and does not tell which one it chose.
 *
 * @example
 * ```ts
 * detectDelimiter('Factuurnr;Klant;Bedrag\n1;"A, B";1,50'); // ";"
 * detectDelimiter('Invoice,Customer,Amount'); // ","
 * ```
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const n = counts.get(candidate) ?? 0;
    if (n > bestCount) [best, bestCount] = [candidate, n];
  }
  return best;
}

/** The first non-blank physical line, stopping at a line break outside quotes. */
function headerLine(text: string): string {
  const start = text.search(/[^\r\n]/);
  if (start === -1) return '';
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(start, i);
  }
  return text.slice(start);
}

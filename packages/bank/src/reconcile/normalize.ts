// Normalisation shared by the invoice index and the payment side, so both compare like with like.

const LEGAL_FORMS = new Set([
  'bv', 'nv', 'bvba', 'vof', 'cv', 'cvba', 'commv', 'vzw', 'srl', 'sa', 'sprl', 'scrl', 'asbl', 'snc', 'gmbh', 'ltd', 'llc', 'inc', 'sas', 'sarl',
]);

/**
 * A company or person name reduced for comparison: lower case, accents and punctuation removed,
 * legal forms (BV, NV, SRL, SA…) dropped, single spaces.
 *
 * @example
 * ```ts
 * normalizeName('Bakkerij Peeters B.V.'); // "bakkerij peeters"
 * ```
 */
export function normalizeName(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.?)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  return words.join(' ');
}

/** An account identifier without spaces, upper case. */
export function normalizeIban(iban: string): string {
  return iban.replace(/\s/g, '').toUpperCase();
}

/**
 * An invoice number reduced to its letters and digits, upper case: `2025-0012`, `2025/0012` and
 * `2025 0012` written by a payer all find invoice `2025-0012`.
 *
 * @example
 * ```ts
 * normalizeInvoiceNumber('F-2025/0012'); // "F20250012"
 * ```
 */
export function normalizeInvoiceNumber(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * The words of a free text that could be invoice numbers (they contain a digit), normalised like
 * {@link normalizeInvoiceNumber}, each also without a leading word prefix (`INV2025-0012` →
 * `20250012`, `FACT.2025-12` → `202512`). Short tokens (under 3 characters) are dropped: too many
 * false friends.
 *
 * @example
 * ```ts
 * invoiceNumberTokens('Factuur 2025-0012, INV2025-0013'); // ["20250012", "INV20250013", "20250013"]
 * ```
 */
export function invoiceNumberTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const word of text.split(/[\s,;:()[\]]+/)) {
    if (!/\d/.test(word)) continue;
    const full = normalizeInvoiceNumber(word);
    if (full.length >= 3) tokens.add(full);
    const bare = full.replace(/^[A-Z]+/, '');
    if (bare !== full && bare.length >= 3) tokens.add(bare);
  }
  return [...tokens];
}

/** Words of a normalised name, for a similarity score. */
export function nameWords(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((w) => w.length > 1));
}

import type { DebtorColumnMapping, DebtorField } from './debtorTypes.js';
import { DEBTOR_HEADER_SYNONYMS, INVOICE_HEADER_SYNONYMS, type HeaderSynonyms } from './headerSynonyms.js';
import type { InvoiceColumnMapping, InvoiceField } from './invoiceTypes.js';

/**
 * A guessed mapping for the user to confirm: the fields it found a column for, and the required
 * fields it could not place.
 *
 * @example
 * ```ts
 * const s: MappingSuggestion<InvoiceColumnMapping> = { mapping: { invoiceNumber: 'Factuurnr' }, missing: ['total'] };
 * ```
 */
export interface MappingSuggestion<M> {
  readonly mapping: Partial<M>;
  readonly missing: readonly (keyof M)[];
}

/** Lower case, no accents, letters and digits only: `N° TVA` → `ntva`, `Bedrag incl.` → `bedragincl`. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');

const INVOICE_REQUIRED: readonly InvoiceField[] = ['invoiceNumber', 'debtorName', 'issueDate', 'dueDate', 'total'];
const DEBTOR_REQUIRED: readonly DebtorField[] = ['name'];

const fieldsOf = <F extends string>(synonyms: Readonly<Record<F, HeaderSynonyms>>, required: readonly F[]) =>
  (Object.keys(synonyms) as F[]).map((field) => ({ field, required: required.includes(field) }));

/**
 * The fields a column mapping may name, in the order a mapping screen shows them, and which of
 * them must have a column.
 *
 * @example
 * ```ts
 * MAPPING_FIELDS.debtors[0]; // { field: 'name', required: true }
 * MAPPING_FIELDS.invoices.filter((f) => f.required).map((f) => f.field); // ['invoiceNumber', 'debtorName', 'issueDate', 'dueDate', 'total']
 * ```
 */
export const MAPPING_FIELDS: {
  readonly invoices: readonly { field: InvoiceField; required: boolean }[];
  readonly debtors: readonly { field: DebtorField; required: boolean }[];
} = {
  invoices: fieldsOf(INVOICE_HEADER_SYNONYMS, INVOICE_REQUIRED),
  debtors: fieldsOf(DEBTOR_HEADER_SYNONYMS, DEBTOR_REQUIRED),
};

/**
 * Guesses which header holds which field from Dutch, French and English header names. An exact
 * name (after folding case, accents and punctuation) beats a header that merely contains one,
 * and a longer name beats a shorter one; each header is used once. Pass `'debtors'` for a debtor
 * file; invoices are the default.
 *
 * @example
 * ```ts
 * suggestMapping(['Factuurnr', 'Klant', 'Datum', 'Vervaldatum', 'Bedrag incl. btw', 'BTW']).mapping;
 * // { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag incl. btw', vat: 'BTW' }
 * suggestMapping(['Nom', 'N° TVA', 'Langue'], 'debtors').mapping; // { name: 'Nom', vatNumber: 'N° TVA', language: 'Langue' }
 * ```
 */
export function suggestMapping(headers: readonly string[], target?: 'invoices'): MappingSuggestion<InvoiceColumnMapping>;
export function suggestMapping(headers: readonly string[], target: 'debtors'): MappingSuggestion<DebtorColumnMapping>;
export function suggestMapping(
  headers: readonly string[],
  target: 'invoices' | 'debtors' = 'invoices',
): MappingSuggestion<InvoiceColumnMapping> | MappingSuggestion<DebtorColumnMapping> {
  return target === 'debtors'
    ? suggest<DebtorField>(headers, DEBTOR_HEADER_SYNONYMS, DEBTOR_REQUIRED)
    : suggest<InvoiceField>(headers, INVOICE_HEADER_SYNONYMS, INVOICE_REQUIRED);
}

function suggest<F extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<F, HeaderSynonyms>>,
  required: readonly F[],
): { mapping: Partial<Record<F, string>>; missing: F[] } {
  const candidates: { field: F; header: number; score: number }[] = [];
  headers.forEach((header, index) => {
    const folded = fold(header);
    if (folded === '') return;
    for (const [field, entry] of Object.entries(synonyms) as [F, HeaderSynonyms][]) {
      const score = scoreOf(folded, entry);
      if (score > 0) candidates.push({ field, header: index, score });
    }
  });
  // Greedy by score, ties to the earlier header: a stable, explainable choice.
  candidates.sort((a, b) => b.score - a.score || a.header - b.header);
  const mapping: Partial<Record<F, string>> = {};
  const usedHeaders = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedHeaders.has(c.header)) continue;
    mapping[c.field] = headers[c.header];
    usedHeaders.add(c.header);
  }
  return { mapping, missing: required.filter((f) => mapping[f] === undefined) };
}

function scoreOf(folded: string, entry: HeaderSynonyms): number {
  let best = 0;
  for (const name of entry.names) {
    if (folded === name) return 1000 + name.length;
    if (entry.avoid?.some((a) => folded.includes(a) && !name.includes(a))) continue;
    if (name.length >= 3 && folded.includes(name)) best = Math.max(best, name.length);
  }
  return best;
}

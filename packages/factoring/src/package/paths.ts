import { fail } from '../input/fail.js';

/** Fixed names inside a factoring package. */
export const PACKAGE_FILES = {
  csv: 'invoices.csv',
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  checksums: 'sha256sums.txt',
} as const;

/**
 * A name safe in a ZIP on every system: letters, digits, `.`, `_`, `-`; anything else becomes
 * `_`, and a leading dot too (no hidden files, no `..`).
 *
 * @example
 * ```ts
 * safeName('2025/0042 A'); // "2025_0042_A"
 * ```
 */
export function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
}

/**
 * Paths of an invoice's documents and a debtor's notice. Two invoice numbers that only differ by
 * characters `safeName` replaces would share a file: that is refused (`DUPLICATE_ID`).
 *
 * @example
 * ```ts
 * const paths = packagePaths(['2025/1'], ['d-1']);
 * paths.invoice('2025/1').pdf; // "invoices/2025_1.pdf"
 * paths.notice('d-1'); // "debtors/d-1/notice-of-assignment.pdf"
 * ```
 */
export function packagePaths(invoiceNumbers: readonly string[], debtorIds: readonly string[]) {
  const invoiceNames = new Map<string, string>();
  const seen = new Map<string, string>();
  invoiceNumbers.forEach((n, i) => {
    const name = safeName(n);
    const other = seen.get(name);
    if (other !== undefined && other !== n) fail('DUPLICATE_ID', `invoices[${i}].number`, `"${n}" and "${other}" would share the file name "${name}"`);
    seen.set(name, n);
    invoiceNames.set(n, name);
  });
  const debtorNames = new Map<string, string>();
  const seenDebtors = new Map<string, string>();
  debtorIds.forEach((id, i) => {
    const name = safeName(id);
    const other = seenDebtors.get(name);
    if (other !== undefined && other !== id) fail('DUPLICATE_ID', `debtors[${i}].id`, `"${id}" and "${other}" would share the folder name "${name}"`);
    seenDebtors.set(name, id);
    debtorNames.set(id, name);
  });
  return {
    invoice: (number: string) => {
      const name = invoiceNames.get(number) ?? safeName(number);
      return { pdf: `invoices/${name}.pdf`, ubl: `invoices/${name}.xml` };
    },
    notice: (debtorId: string) => `debtors/${debtorNames.get(debtorId) ?? safeName(debtorId)}/notice-of-assignment.pdf`,
  };
}

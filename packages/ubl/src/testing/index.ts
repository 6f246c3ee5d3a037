// Test support of @fact/ubl for other packages' tests (`@fact/ubl/testing`): Factur-X PDFs built
// with pdf-lib, and Fact's own CII test documents.
import { readFileSync } from 'node:fs';

export { facturXPdf, withEncryptDictionary } from './facturx-pdf.js';
export type { FacturXPdfOptions, PdfFile } from './facturx-pdf.js';

/**
 * Fact's CII test documents (packages/ubl/test/cii), each restating an EN 16931 UBL example of
 * shared/fixtures/en16931 (same parties, lines, VAT breakdown and totals).
 */
export const CII_TEST_DOCUMENTS = {
  'cii-example1.xml': 'en16931/ubl-tc434-example1.xml',
  'cii-example9.xml': 'en16931/ubl-tc434-example9.xml',
  'cii-creditnote1.xml': 'en16931/ubl-tc434-creditnote1.xml',
} as const;

/**
 * The bytes of one of {@link CII_TEST_DOCUMENTS}.
 *
 * @example
 * ```ts
 * const xml = ciiTestDocument('cii-example9.xml');
 * ```
 */
export function ciiTestDocument(name: keyof typeof CII_TEST_DOCUMENTS): Buffer {
  return readFileSync(new URL(`../../test/cii/${name}`, import.meta.url));
}

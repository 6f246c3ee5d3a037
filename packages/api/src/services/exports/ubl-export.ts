import { validateUbl, writeUbl, type UblFinding } from '@fact/ubl';
import { TRPCError } from '@trpc/server';
import type { Database } from '../../db.js';
import { loadInvoiceSource } from './invoice-source.js';
import { invoiceToUbl } from './invoice-to-ubl.js';

/**
 * The Peppol BIS 3.0 XML of a ledger invoice, checked with `validateUbl` before it leaves: a
 * document a Peppol access point would refuse (say the company has no enterprise or VAT number
 * for its electronic address) is not handed out; the error lists what is missing, per element.
 *
 * @example
 * ```ts
 * const { xml, fileName } = await exportInvoiceUbl(db, invoiceId);
 * ```
 */
export async function exportInvoiceUbl(db: Database, invoiceId: string): Promise<{ xml: string; fileName: string; warnings: UblFinding[] }> {
  const source = await loadInvoiceSource(db, invoiceId);
  const doc = invoiceToUbl(source);
  const { valid, findings } = validateUbl(doc);
  if (!valid) {
    const fatal = findings.filter((f) => f.severity === 'fatal');
    throw Object.assign(
      new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `Invoice ${source.invoice.number} cannot be sent over Peppol yet: ${fatal.map((f) => `${f.rule} at ${f.element}: ${f.message}`).join('; ')}`,
      }),
      { field: fatal[0]?.element, findings: fatal },
    );
  }
  return { xml: writeUbl(doc), fileName: `${source.invoice.number.replace(/[^\w.-]+/g, '_')}.xml`, warnings: [...findings] };
}
